// What the scenarios share: runs interleaved between sides with a line of progress each,
// what "the DOM is stable" means after a click, and fetching the site's own files.

// What "the DOM is stable" means after a click that may work in chunks across tasks.
export const QUIET_MS = 500;

export const log = (...parts) => console.error(...parts);
const ms = (v) => (v == null ? "—" : `${v.toFixed(1)} ms`);

// The figures worth a line of progress; the JSON has them all.
const SHOWN = new Set(["fcp", "first-comment", "wasm-started", "all-rendered", "interactive", "longest-task", "comments", "json-parse",
  "unfold first", "fold", "unfold all below stable", "fold again", "unfold again",
  "expand-all", "expand-all max-frame-gap", "collapse-all", "collapse-all max-frame-gap"]);

// Interleaved: in each run every side is measured once, in an order that alternates, so
// that a noisy stretch of the machine hits all sides alike. `measureOne(name, run)`
// returns { metrics, outcome, errors }, recorded into `sides[name]` (a stats.mjs Side).
export async function interleave(label, runs, sides, measureOne) {
  const names = Object.keys(sides);
  for (let run = 0; run < runs; run++) {
    const order = run % 2 ? [...names].reverse() : names;
    for (const name of order) {
      const { metrics, outcome, errors } = await measureOne(name, run);
      sides[name].record(run, metrics, outcome, errors);
      const shown = Object.entries(metrics)
        .filter(([k, v]) => typeof v === "number" && SHOWN.has(k))
        .map(([k, v]) => (k === "comments" ? `${v} comments` : `${k} ${ms(v)}`))
        .join(", ");
      log(`[${label}] run ${run + 1}/${runs} ${name}: ${outcome}${shown ? `  ${shown}` : ""}`);
    }
  }
}

export async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.json();
}
