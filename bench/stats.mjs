// Recording and summarising: every run's figures per side, their median, min and max, and
// the ratios of the app to its reference, in the shape bench/results.json keeps them.

// One side (app, baseline, control) of a scenario: every run's figures and outcome.
export class Side {
  constructor() {
    this.values = {}; // metric → [value per run]; null where that run has no figure
    this.outcomes = [];
    this.errors = new Set();
  }
  record(run, metrics, outcome, errors = []) {
    this.outcomes[run] = outcome;
    for (const e of errors) this.errors.add(e);
    for (const [name, value] of Object.entries(metrics)) {
      if (!(name in this.values)) this.values[name] = [];
      // performance.now() is coarsened to 0.1 ms anyway; the rest is float noise.
      this.values[name][run] = typeof value === "number" && Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null;
    }
  }
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function summary(values) {
  const xs = values.filter((v) => v != null);
  if (!xs.length) return { median: null, min: null, max: null, values };
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), values };
}

function summariseSide(side, runs) {
  const out = {};
  for (const [name, values] of Object.entries(side.values)) {
    out[name] = summary(Array.from({ length: runs }, (_, i) => values[i] ?? null));
  }
  return out;
}

export const ratioOf = (a, b) => (a == null || b == null || b === 0 ? null : a / b);

// Builds the scenario's JSON. `pairs` maps an app metric to the reference metric it is
// compared with when the names differ (the app's "interactive" against the baseline's
// "all-rendered"); same-named metrics are compared as they are.
export function scenarioResult(sides, refName, runs, pairs, notes) {
  const result = {};
  for (const [name, side] of Object.entries(sides)) result[name] = summariseSide(side, runs);
  const app = result.app;
  const ref = refName && result[refName];
  result.ratio = {};
  result.ratio_per_run = {};
  // Which reference metric each differently named ratio used, for the report.
  if (ref && Object.keys(pairs).length) result.ratio_pairs = { ...pairs };
  if (ref) {
    for (const metric of Object.keys(app)) {
      // Counts say what was drawn, not how fast: no ratio.
      if (/comments|long-tasks/.test(metric)) continue;
      const other = pairs[metric] ?? metric;
      if (!(other in ref)) continue;
      result.ratio[metric] = ratioOf(app[metric].median, ref[other].median);
      // The same comparison run by run: app and reference were measured back to back.
      result.ratio_per_run[metric] = summary(app[metric].values.map((v, i) => ratioOf(v, ref[other].values[i])));
    }
  }
  result.outcomes = Object.fromEntries(Object.entries(sides).map(([k, s]) => [k, Array.from({ length: runs }, (_, i) => s.outcomes[i] ?? "not run")]));
  const failures = Object.entries(result.outcomes).flatMap(([k, list]) => {
    const bad = list.filter((o) => o !== "ok");
    return bad.length ? [`${k}: ${bad.length} of ${runs} runs failed (${[...new Set(bad)].join(", ")})`] : [];
  });
  const errors = Object.entries(sides).flatMap(([k, s]) => [...s.errors].slice(0, 5).map((e) => `${k} page error: ${e}`));
  result.notes = [...notes, ...failures, ...errors];
  return result;
}
