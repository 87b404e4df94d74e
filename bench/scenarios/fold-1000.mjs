// fold-1000: in gen-10000, the comment with closest to 1,000 replies, opened by its
// #comment link: fold, unfold all below, fold again and unfold again, each timed from the
// click to the next frame and to the frame after the last change.

import { LIMITS } from "../../tests/model/limits.mjs";
import { buildThread, hasToggle } from "../../tests/model/thread.mjs";
import { guarded } from "../browser.mjs";
import { QUIET_MS, fetchJson, interleave } from "../measure.mjs";
import { Side, scenarioResult } from "../stats.mjs";

// The comment of the thread whose number of replies at any depth is closest to 1,000, among
// those the full view draws with a fold button and that have replies to replies (for
// "Unfold all below"); the first in file order of equally close ones.
export function foldTarget(discussion) {
  const thread = buildThread(discussion.comments);
  const distance = (id) => Math.abs(thread.descendants(id) - 1000);
  let best = null;
  for (const { id } of thread.comments) {
    if (!hasToggle(thread, id, LIMITS) || thread.descendants(id) <= thread.children(id).length) continue;
    if (best == null || distance(id) < distance(best)) best = id;
  }
  if (best == null) throw new Error("gen-10000.json has no comment with a fold button and replies to replies");
  return { id: best, descendants: thread.descendants(best), depth: thread.depth(best), children: thread.children(best).length };
}

export async function fold1000(ctx) {
  const file = "gen-10000.json";
  const target = foldTarget(await fetchJson(ctx.site + file));
  const sides = { app: new Side() };
  const toggle = `li#comment-${target.id} > .comment-card button.toggle`;
  const unfoldBelow = `li#comment-${target.id} > .comment-card button.unfold-below`;
  await interleave("fold-1000", ctx.runs, sides, async () => {
    const opened = await ctx.browser.open(`${ctx.site}?data=${file}#comment-${target.id}`, {
      cfg: { interactive: true, skipPrerendered: true },
      until: "interactive",
      timeoutMs: 60000,
    });
    try {
      if (opened.outcome !== "ok") return { metrics: {}, outcome: opened.outcome, errors: opened.errors };
      const got = await guarded(opened, 120000, (page) =>
        page.evaluate(
          async ({ toggle, unfoldBelow, quiet }) => {
            const b = window.__bench;
            const m = {};
            const step = async (name, selector) => {
              const r = await b.clickAndMeasure(document.querySelector(selector), quiet);
              if (r.error) throw new Error(`${name}: ${r.error} (${selector})`);
              m[name] = r.frame;
              m[`${name} stable`] = r.stable;
              m[`${name} longest-task`] = r.longestTask;
              m[`${name} comments-before`] = r.before;
              m[`${name} comments-after`] = r.after;
            };
            // The #comment link waits for the target to be drawn and scrolled to.
            await b.settle(300, 10000);
            if (!document.querySelector(toggle)) throw new Error(`no fold button ${toggle}`);
            // As the app left it: unfold first if its own replies start folded.
            if (document.querySelector(toggle).getAttribute("aria-expanded") === "false") await step("unfold first", toggle);
            await step("fold", toggle);
            await step("unfold all below", unfoldBelow);
            await step("fold again", toggle);
            await step("unfold again", toggle);
            return m;
          },
          { toggle, unfoldBelow, quiet: QUIET_MS },
        ),
      );
      return { metrics: got.value ?? {}, outcome: got.outcome, errors: opened.errors };
    } finally {
      await opened.close();
    }
  });
  return {
    "fold-1000": scenarioResult(sides, null, ctx.runs, {}, [
      `Comment #${target.id} of ${file}: ${target.descendants} replies at any depth (${target.children} direct), depth ${target.depth}; opened by its #comment link.`,
      `Each step: in-page click to the next frame (goal ≤ 16 ms); "stable": to the frame after the last change once the DOM has been quiet for ${QUIET_MS} ms. "unfold first" exists only if the app left the comment folded. The full view draws ${LIMITS.DEPTH_CAP} levels, so fewer than all its replies may be mounted.`,
    ]),
  };
}

