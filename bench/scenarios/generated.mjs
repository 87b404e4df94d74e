// gen-N: a generated thread of N comments (threadgen seed 1, gen-N.json in the site) in the
// app, until interactive, and in the baseline, until it has rendered everything.
// measureLoad is also the no-cv variants' load (no-cv.mjs).

import { guarded } from "../browser.mjs";
import { interleave } from "../measure.mjs";
import { Side, scenarioResult } from "../stats.mjs";

// Figures every load scenario reports once the page has loaded.
async function loadFigures(page, { jsonUrl }) {
  const figures = await page.evaluate(async () => {
    const b = window.__bench;
    // "The whole load": whatever follows the ready point until the DOM is quiet is load too.
    const settled = await b.settle(500, 20000);
    const tasks = b.takeLongtasks();
    const measures = {};
    for (const m of performance.getEntriesByType("measure")) {
      if (m.name.startsWith("threadview:")) measures[m.name] = m.duration;
    }
    return {
      fcp: b.paints["first-contentful-paint"] ?? null,
      firstComment: b.firstComment,
      settled: settled.frame,
      quiet: settled.quiet,
      longestTask: tasks.reduce((m, e) => Math.max(m, e.duration), 0),
      longTasks: tasks.length,
      elements: document.getElementsByTagName("*").length,
      comments: b.commentCount(),
      wasmMemory: b.wasmMemory ? b.wasmMemory.buffer.byteLength : null,
      measures,
      contentVisibility: b.contentVisibility(),
    };
  });
  // Live heap: garbage collected first so the figure does not depend on when V8 last ran.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage").catch(() => {});
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  await cdp.detach().catch(() => {});
  figures.jsHeap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? null;
  // Last, since it is itself a long task on a big file.
  if (jsonUrl) figures.jsonParse = await page.evaluate((url) => window.__bench.timeJsonParse(url), jsonUrl);
  return figures;
}

function loadMetrics(figures, readyName, ready) {
  const m = {
    [readyName]: ready,
    fcp: figures.fcp,
    "first-comment": figures.firstComment,
    settled: figures.settled,
    "longest-task": figures.longestTask,
    "long-tasks": figures.longTasks,
    "dom-elements": figures.elements,
    comments: figures.comments,
    "js-heap-bytes": figures.jsHeap,
    "wasm-memory-bytes": figures.wasmMemory,
  };
  if (figures.jsonParse != null) m["json-parse"] = figures.jsonParse;
  for (const [name, value] of Object.entries(figures.measures)) m[`measure ${name}`] = value;
  return m;
}

// One load of a generated thread, in the app (until interactive) or the baseline (until
// it says it has rendered everything). `seen(note)` collects what the scenario's notes say.
export async function measureLoad(ctx, { kind, file, timeoutMs, css, bypassCSP, seen }) {
  const url = kind === "app" ? `${ctx.site}?data=${file}` : `${ctx.site}baseline.html?data=${file}`;
  // The app's page may be served with the bundled discussion prerendered: not this thread's.
  const cfg = kind === "app" ? { interactive: true, css, skipPrerendered: true } : { css };
  const until = kind === "app" ? "interactive" : "rendered";
  const opened = await ctx.browser.open(url, { cfg, until, timeoutMs, bypassCSP });
  try {
    if (opened.outcome !== "ok") return { metrics: {}, outcome: opened.outcome, errors: opened.errors };
    const got = await guarded(opened, timeoutMs, async (page) => {
      const ready = await page.evaluate((f) => window.__bench[f], until);
      const figures = await loadFigures(page, { jsonUrl: ctx.site + file });
      return { ready, figures };
    });
    if (got.outcome !== "ok") return { metrics: {}, outcome: got.outcome, errors: opened.errors };
    const { ready, figures } = got.value;
    const label = css ? "no-cv" : bypassCSP ? "control" : kind;
    if (figures.contentVisibility) seen(`content-visibility (${label}): ${figures.contentVisibility}`);
    if (!figures.quiet) seen(`${kind}: the DOM was still changing 20 s after the ready point`);
    return { metrics: loadMetrics(figures, kind === "app" ? "interactive" : "all-rendered", ready), outcome: "ok", errors: opened.errors };
  } finally {
    await opened.close();
  }
}

export function genScenario(n) {
  return async (ctx) => {
    const file = `gen-${n}.json`;
    const timeoutMs = n >= 100000 ? 120000 : 60000;
    const sides = { app: new Side(), baseline: new Side() };
    const notes = new Set();
    const seen = (note) => notes.add(note);
    await interleave(`gen-${n}`, ctx.runs, sides, (kind) => measureLoad(ctx, { kind, file, timeoutMs, seen }));
    return {
      [`gen-${n}`]: scenarioResult(sides, "baseline", ctx.runs, { interactive: "all-rendered" }, [
        `${file}. App: interactive = navigation start to the frame after the toolbar and a comment are present and the DOM has stayed unchanged for a frame. Baseline: all-rendered = to the frame after it has rendered every comment. ratio.interactive compares the two.`,
        "longest-task and long-tasks cover the whole load, until the DOM has been quiet for 500 ms (settled); json-parse is JSON.parse alone on the same text in the same page, afterwards.",
        ...notes,
      ]),
    };
  };
}
