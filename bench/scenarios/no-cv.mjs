// gen-10000-no-cv, expand-all-10000-no-cv and collapse-all-10000-no-cv: what
// content-visibility on comments does. The app with it forced off against the same page as
// built (the control), both with bypassCSP so that only the injected stylesheet differs.

import { interleave } from "../measure.mjs";
import { Side, scenarioResult } from "../stats.mjs";
import { measureExpandCollapse, splitExpandCollapse } from "./expand-all.mjs";
import { measureLoad } from "./generated.mjs";

// Forces what the no-cv variants measure: every comment laid out and painted.
const NO_CV_CSS =
  "li.comment, .comment-card { content-visibility: visible !important; contain-intrinsic-size: none !important; }";

// The variants: the app as built (control) against the app with content-visibility forced
// off, both with bypassCSP so that only the injected stylesheet differs.
const noCvNote = (what) =>
  `app = ${what} with content-visibility forced off (visible !important, contain-intrinsic-size: none on li.comment and .comment-card); control = the same page as built. Both with bypassCSP so the stylesheet can be injected; ratio = app / control.`;

export async function gen10000NoCv(ctx) {
  const sides = { control: new Side(), app: new Side() };
  const notes = new Set();
  const seen = (note) => notes.add(note);
  await interleave("gen-10000-no-cv", ctx.runs, sides, (name) =>
    measureLoad(ctx, { kind: "app", file: "gen-10000.json", timeoutMs: 60000, bypassCSP: true, css: name === "app" ? NO_CV_CSS : undefined, seen }),
  );
  return { "gen-10000-no-cv": scenarioResult(sides, "control", ctx.runs, {}, [noCvNote("gen-10000 load"), ...notes]) };
}

export async function expandAllNoCv(ctx) {
  const sides = { control: new Side(), app: new Side() };
  const notes = new Set();
  const seen = (note) => notes.add(note);
  await interleave("expand-all-10000-no-cv", ctx.runs, sides, (name) =>
    measureExpandCollapse(ctx, { bypassCSP: true, css: name === "app" ? NO_CV_CSS : undefined, seen }),
  );
  return splitExpandCollapse(sides, "control", ctx.runs, "-no-cv", [noCvNote("Expand all / Collapse all"), ...notes]);
}
