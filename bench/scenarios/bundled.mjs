// bundled: the bundled discussion (discussion.json) in the app and in the baseline, until
// every comment is on screen.

import { guarded } from "../browser.mjs";
import { fetchJson, interleave } from "../measure.mjs";
import { Side, scenarioResult } from "../stats.mjs";

export async function bundled(ctx) {
  const expect = (await fetchJson(ctx.site + "discussion.json")).comments.length;
  const sides = { app: new Side(), baseline: new Side() };
  const urls = { app: ctx.site, baseline: ctx.site + "baseline.html" };
  await interleave("bundled", ctx.runs, sides, async (name, run) => {
    const opened = await ctx.browser.open(urls[name], { cfg: { expect }, until: "allComments", timeoutMs: 60000 });
    try {
      if (opened.outcome !== "ok") return { metrics: {}, outcome: opened.outcome, errors: opened.errors };
      const got = await guarded(opened, 60000, (page) =>
        page.evaluate(async () => {
          const b = window.__bench;
          await b.settle(200, 10000);
          const tasks = b.takeLongtasks();
          return {
            fcp: b.paints["first-contentful-paint"] ?? null,
            "first-comment": b.firstComment,
            "all-rendered": b.allComments,
            "longest-task": tasks.reduce((m, e) => Math.max(m, e.duration), 0),
            "long-tasks": tasks.length,
            "dom-elements": document.getElementsByTagName("*").length,
            comments: b.commentCount(),
          };
        }),
      );
      return { metrics: got.value ?? {}, outcome: got.outcome, errors: opened.errors };
    } finally {
      await opened.close();
    }
  });
  return {
    bundled: scenarioResult(sides, "baseline", ctx.runs, {}, [
      `${expect} comments (discussion.json). first-comment: navigation start to the frame after the first li.comment is attached; all-rendered: to the frame after all ${expect} are.`,
    ]),
  };
}
