// Every scenario, in run order. Each entry names the scenarios it writes into
// results.json, which --only may select by; `run(ctx)` takes { site, runs, browser } and
// returns those scenarios' results.

import { archiveIndex } from "./archive-index.mjs";
import { bundled } from "./bundled.mjs";
import { density } from "./density.mjs";
import { expandAll } from "./expand-all.mjs";
import { firstPaintThrottled } from "./first-paint-throttled.mjs";
import { fold1000 } from "./fold-1000.mjs";
import { genScenario } from "./generated.mjs";
import { expandAllNoCv, gen10000NoCv } from "./no-cv.mjs";

export const SCENARIOS = [
  { names: ["bundled"], run: bundled },
  { names: ["first-paint-throttled"], run: firstPaintThrottled },
  { names: ["gen-1000"], run: genScenario(1000) },
  { names: ["gen-10000"], run: genScenario(10000) },
  { names: ["gen-100000"], run: genScenario(100000) },
  { names: ["fold-1000"], run: fold1000 },
  { names: ["expand-all-10000", "collapse-all-10000"], run: expandAll },
  { names: ["gen-10000-no-cv"], run: gen10000NoCv },
  { names: ["expand-all-10000-no-cv", "collapse-all-10000-no-cv"], run: expandAllNoCv },
  { names: ["archive-index-10000"], run: archiveIndex },
  // Layout, not timing: one load per page and width whatever --runs says.
  { names: ["density"], run: density },
];

// The scenarios `only` (names, or null for all) selects; throws on a name no entry writes.
export function choose(only) {
  const known = SCENARIOS.flatMap((s) => s.names);
  const unknown = (only ?? []).filter((n) => !known.includes(n));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(", ")}; known: ${known.join(", ")}`);
  return only ? SCENARIOS.filter((s) => s.names.some((n) => only.includes(n))) : SCENARIOS;
}
