// expand-all-10000 and collapse-all-10000: "Expand all", then "Collapse all", on gen-10000
// in the app, each timed from the click to the frame after the last change, with the
// longest task and the longest gap between frames meanwhile. measureExpandCollapse and
// splitExpandCollapse are also the no-cv variants' (no-cv.mjs).

import { guarded } from "../browser.mjs";
import { QUIET_MS, interleave } from "../measure.mjs";
import { Side, scenarioResult } from "../stats.mjs";

// Expand all then Collapse all on gen-10000, in one page. With css/bypassCSP for the
// no-cv variant and its control; `seen(note)` collects what the scenario's notes say.
export async function measureExpandCollapse(ctx, { css, bypassCSP, seen }) {
  const file = "gen-10000.json";
  const opened = await ctx.browser.open(`${ctx.site}?data=${file}`, {
    cfg: { interactive: true, css, skipPrerendered: true },
    until: "interactive",
    timeoutMs: 60000,
    bypassCSP,
  });
  try {
    if (opened.outcome !== "ok") return { metrics: {}, outcome: opened.outcome, errors: opened.errors };
    const got = await guarded(opened, 240000, (page) =>
      page.evaluate(async (quiet) => {
        const b = window.__bench;
        const m = {};
        await b.settle(quiet, 20000);
        for (const [name, label] of [["expand-all", "Expand all"], ["collapse-all", "Collapse all"]]) {
          const r = await b.clickAndMeasure(b.toolbarButton(label), quiet);
          if (r.error) throw new Error(`${label}: ${r.error}`);
          if (!r.quiet) m.unfinished = [...(m.unfinished ?? []), label];
          Object.assign(m, {
            [name]: r.stable,
            [`${name} first-frame`]: r.frame,
            [`${name} longest-task`]: r.longestTask,
            [`${name} long-tasks`]: r.longTasks,
            [`${name} max-frame-gap`]: r.maxFrameGap,
            [`${name} comments-before`]: r.before,
            [`${name} comments-after`]: r.after,
            [`${name} dom-elements`]: r.elements,
          });
        }
        m.contentVisibility = b.contentVisibility();
        return m;
      }, QUIET_MS),
    );
    if (got.outcome !== "ok") return { metrics: {}, outcome: got.outcome, errors: opened.errors };
    const { contentVisibility, unfinished, ...metrics } = got.value;
    for (const label of unfinished ?? []) seen(`${label}: the DOM was still changing 60 s after the click; the time is when measuring stopped`);
    if (contentVisibility) seen(`content-visibility (${css ? "no-cv" : bypassCSP ? "control" : "app"}): ${contentVisibility}`);
    return { metrics, outcome: "ok", errors: opened.errors };
  } finally {
    await opened.close();
  }
}

// Splits one side's "expand-all …" and "collapse-all …" metrics into two scenarios.
export function splitExpandCollapse(sides, refName, runs, suffix, notes) {
  const out = {};
  for (const action of ["expand-all", "collapse-all"]) {
    const picked = {};
    for (const [name, side] of Object.entries(sides)) {
      const s = new Side();
      s.outcomes = side.outcomes;
      s.errors = side.errors;
      for (const [metric, values] of Object.entries(side.values)) {
        if (metric === action) s.values.time = values;
        else if (metric.startsWith(`${action} `)) s.values[metric.slice(action.length + 1)] = values;
      }
      picked[name] = s;
    }
    out[`${action}-10000${suffix}`] = scenarioResult(picked, refName, runs, {}, [
      `gen-10000.json in the app: click "${action === "expand-all" ? "Expand all" : "Collapse all"}"${action === "collapse-all" ? " from the fully expanded state" : ""}. time: click to the frame after the last change, once the DOM has been quiet for ${QUIET_MS} ms; first-frame: click to the next frame; longest-task and long-tasks: tasks overlapping the work; max-frame-gap: the longest gap between animation frames meanwhile (responsiveness).`,
      ...notes,
    ]);
  }
  return out;
}

export async function expandAll(ctx) {
  const sides = { app: new Side() };
  const notes = new Set();
  const seen = (note) => notes.add(note);
  await interleave("expand-all-10000", ctx.runs, sides, () => measureExpandCollapse(ctx, { seen }));
  return splitExpandCollapse(sides, null, ctx.runs, "", [...notes]);
}
