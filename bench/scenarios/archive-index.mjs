// archive-index-10000: the first page of an archive's index of 10,000 discussions
// (`archive-10000/index.html`, written by xtask/src/bench.rs as the archive build writes
// it: a hundred rows a page, static HTML, the search script loading nothing until used),
// against the bundled discussion as a plain static page (`static.html`) in the same runs,
// both under the throttling of first-paint-throttled (Slow 4G, 4× CPU): first contentful
// paint, the page's bytes on the wire, and its rows.

import { interleave } from "../measure.mjs";
import { Side, scenarioResult } from "../stats.mjs";
import { THROTTLE } from "./first-paint-throttled.mjs";

const PAGES = { app: "archive-10000/index.html", baseline: "static.html" };
const TIMEOUT_MS = 60000;
// The probe's settledFrame starts at 0, so `open` returns at once; the page then waits for
// its own paint and load.

export async function archiveIndex(ctx) {
  const sides = { app: new Side(), baseline: new Side() };
  await interleave("archive-index-10000", ctx.runs, sides, async (name) => {
    const opened = await ctx.browser.open(ctx.site + PAGES[name], {
      cfg: {},
      until: "settledFrame",
      timeoutMs: TIMEOUT_MS,
      emulate: THROTTLE,
    });
    try {
      if (opened.outcome !== "ok") return { metrics: {}, outcome: opened.outcome, errors: opened.errors };
      const metrics = await opened.page.evaluate(async () => {
        const fcp = () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
        const end = performance.now() + 30000;
        const done = () => fcp() != null && document.readyState === "complete";
        while (!done() && performance.now() < end) await new Promise((r) => setTimeout(r, 50));
        const nav = performance.getEntriesByType("navigation")[0];
        return {
          fcp: fcp(),
          "html-bytes": nav?.encodedBodySize ?? null,
          rows: document.querySelectorAll(".archive-entry, li.comment").length,
        };
      });
      return { metrics, outcome: "ok", errors: opened.errors };
    } finally {
      await opened.close();
    }
  });
  const result = scenarioResult(sides, "baseline", ctx.runs, {}, [
    "app: the first page of an archive's index of 10,000 discussions (archive-10000/index.html, 100 rows, the latest activity first); baseline: the bundled discussion's prerendered page without its scripts (static.html, 13 comments), the reference.",
    "Both under first-paint-throttled's emulation (Slow 4G, 4× CPU), fresh context, cold cache. html-bytes: the page's body as served; both pages are served uncompressed here, so their bytes compare like for like. rows: index rows or comments.",
  ]);
  return { "archive-index-10000": result };
}
