// first-paint-throttled: the prerendered app, the same build without the prerender, the
// baseline and the prerendered HTML without scripts, each under Slow 4G and 4× CPU
// throttling: first contentful paint and first comment, each compared with the static page.

import { guarded } from "../browser.mjs";
import { interleave } from "../measure.mjs";
import { Side, ratioOf, scenarioResult, summary } from "../stats.mjs";

// DevTools Protocol emulation, set on each page before it navigates. The network figures
// are "Slow 4G" (Lighthouse's mobile throttling: 150 ms, 1.6 Mbit/s down, 750 kbit/s up),
// applied as they are; the latency is added to every request by Chromium.
export const THROTTLE = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  cpu: 4,
};
// The four builds of one discussion at the site root, sharing CSS, JS and wasm. The one
// every other is compared with comes last.
const FIRST_PAINT_PAGES = {
  prerendered: { file: "", what: "index.html, the app as shipped: the discussion prerendered in its HTML, taken over by the wasm", wasm: true },
  plain: { file: "plain.html", what: "the same build without the prerender (an empty body until the wasm runs)", wasm: true },
  baseline: { file: "baseline.html", what: "the vanilla-JS renderer", wasm: false },
  static: { file: "static.html", what: "the prerendered HTML with every script and the module and wasm preloads removed: a plain static page, the reference", wasm: false },
};
const FIRST_PAINT_REFERENCE = "static";
const FIRST_PAINT_COMPARED = [
  ...Object.keys(FIRST_PAINT_PAGES).filter((k) => k !== FIRST_PAINT_REFERENCE).map((k) => [k, FIRST_PAINT_REFERENCE]),
  ["prerendered", "plain"],
  ["prerendered", "baseline"],
];
const FIRST_PAINT_TIMEOUT_MS = 60000;

export async function firstPaintThrottled(ctx) {
  const sides = Object.fromEntries(Object.keys(FIRST_PAINT_PAGES).map((k) => [k, new Side()]));
  const notes = new Set();
  await interleave("first-paint-throttled", ctx.runs, sides, async (name) => {
    const { file, wasm } = FIRST_PAINT_PAGES[name];
    const started = Date.now();
    const opened = await ctx.browser.open(ctx.site + file, {
      cfg: { interactive: wasm },
      until: "firstComment",
      timeoutMs: FIRST_PAINT_TIMEOUT_MS,
      emulate: THROTTLE,
    });
    try {
      if (opened.outcome !== "ok") return { metrics: {}, outcome: opened.outcome, errors: opened.errors };
      const left = Math.max(1000, FIRST_PAINT_TIMEOUT_MS - (Date.now() - started));
      const got = await guarded(opened, left + 5000, (page) =>
        page.evaluate(
          async ({ wasm, left }) => {
            const b = window.__bench;
            const until = async (ready, ms) => {
              const end = performance.now() + ms;
              while (!ready() && performance.now() < end) await new Promise((r) => setTimeout(r, 50));
            };
            // The paint entry reaches the observer a little after the paint itself.
            const fcp = () => b.paints["first-contentful-paint"] ?? performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
            await until(() => fcp() != null, Math.min(10000, left));
            // The app's pages go on to start the wasm and become usable: for the record,
            // and to show what the prerendered page does not wait for.
            if (wasm) await until(() => b.interactive != null, left);
            return {
              fcp: fcp(),
              "first-comment": b.firstComment,
              "wasm-started": b.wasmStarted,
              interactive: b.interactive,
              comments: b.commentCount(),
            };
          },
          { wasm, left },
        ),
      );
      if (got.outcome !== "ok") return { metrics: {}, outcome: got.outcome, errors: opened.errors };
      const m = got.value;
      if (m.fcp == null) notes.add(`${name}: no first-contentful-paint entry in some runs`);
      if (wasm && m.interactive == null) notes.add(`${name}: not interactive within ${FIRST_PAINT_TIMEOUT_MS / 1000} s in some runs`);
      if (!wasm) {
        if (m["wasm-started"] != null) notes.add(`${name}: instantiated a wasm module`);
        delete m["wasm-started"];
        delete m.interactive;
      }
      return { metrics: m, outcome: "ok", errors: opened.errors };
    } finally {
      await opened.close();
    }
  });

  const { network, cpu } = THROTTLE;
  const result = scenarioResult(sides, null, ctx.runs, {}, [
    `Throttled with Chromium DevTools Protocol emulation, set on each page before it navigates (fresh context, cold cache): Network.emulateNetworkConditions { latency: ${network.latency} ms, downloadThroughput: ${num0(network.downloadThroughput)} B/s (1.6 Mbit/s), uploadThroughput: ${num0(network.uploadThroughput)} B/s (750 kbit/s) } ("Slow 4G") and Emulation.setCPUThrottlingRate { rate: ${cpu} }.`,
    `Pages: ${Object.entries(FIRST_PAINT_PAGES).map(([k, p]) => `${k} = ${p.file || "/"}, ${p.what}`).join("; ")}.`,
    `fcp: Chromium's first-contentful-paint; first-comment: navigation start to the frame after the first li.comment is in the document (served in the HTML for prerendered and static, rendered by the JS for plain and baseline); wasm-started: the wasm instance ready; interactive: the app's own toolbar and a comment present, the DOM unchanged for a frame. ratio[a/b]: a ÷ b of the medians (ratio_per_run: run by run); the goal is prerendered fcp ≤ 1.1× static, whatever the size of the wasm.`,
    ...notes,
  ]);
  result.reference = FIRST_PAINT_REFERENCE;
  result.throttle = THROTTLE;
  for (const [a, b] of FIRST_PAINT_COMPARED) {
    const key = `${a}/${b}`;
    result.ratio[key] = {};
    result.ratio_per_run[key] = {};
    for (const metric of ["fcp", "first-comment"]) {
      const x = result[a]?.[metric];
      const y = result[b]?.[metric];
      if (!x || !y) continue;
      result.ratio[key][metric] = ratioOf(x.median, y.median);
      result.ratio_per_run[key][metric] = summary(x.values.map((v, i) => ratioOf(v, y.values[i])));
    }
  }
  return { "first-paint-throttled": result };
}

const num0 = (v) => Math.round(v).toLocaleString("en-US");
