// Turns the raw benchmark files into BENCHMARKS.md and one merged raw-figures JSON.
//
//   node bench/report.mjs [--browser target/bench/browser.json] [--size target/bench/size.json]
//                         [--native target/bench/native.json] [--out BENCHMARKS.md]
//                         [--json bench/results.json]
//
// Any input may be missing; the report then says so where its figures would be. Text that
// an engineer wrote between <!-- notes:start --> and <!-- notes:end --> in the existing
// BENCHMARKS.md is carried over, so regenerating never loses it.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// The goals, as agreed; the report checks each against its measured median.
const GOALS = {
  brotliBytes: 64 * 1024, // wasm + JS + CSS, brotli
  bundledRatio: 1.3, // bundled page vs the baseline
  longestTaskMs: 200, // 100,000 comments
  foldMs: 16, // one frame at 60 Hz
  // "Responsive" while Expand all works: no gap between frames longer than RAIL's 100 ms
  // budget for a visible response.
  responsiveGapMs: 100,
  // Throttled first paint of the prerendered page vs the same HTML as a static page.
  prerenderedFcpRatio: 1.1,
};

const NOTES_START = "<!-- notes:start -->";
const NOTES_END = "<!-- notes:end -->";
const NOTES_PLACEHOLDER =
  "<!-- notes -->\n_Placeholder: the engineer's notes on what each technique changed and why go here. Text between the notes markers is kept when the report is regenerated._";

function parseArgs(argv) {
  const args = {
    browser: path.join(ROOT, "target/bench/browser.json"),
    size: path.join(ROOT, "target/bench/size.json"),
    native: path.join(ROOT, "target/bench/native.json"),
    out: path.join(ROOT, "BENCHMARKS.md"),
    json: path.join(ROOT, "bench/results.json"),
  };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, "");
    if (argv[i] === "-h" || argv[i] === "--help") {
      console.log("usage: node bench/report.mjs [--browser F] [--size F] [--native F] [--out BENCHMARKS.md] [--json bench/results.json]");
      process.exit(0);
    }
    if (!(key in args) || !argv[i].startsWith("--")) throw new Error(`unknown argument ${argv[i]}`);
    if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
    args[key] = path.resolve(argv[++i]);
  }
  return args;
}

// Paths as the reader of the report knows them: from the repository root when inside it.
const shown = (file) => (file.startsWith(ROOT + path.sep) ? path.relative(ROOT, file) : file);

function readJson(file) {
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8"));
}

// ---------------------------------------------------------------------------------------
// Formatting: times in ms and sizes in KiB, one decimal; counts as whole numbers.

const num = (v, digits = 1) =>
  v == null ? "—" : v.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const fmtMs = (v) => (v == null ? "—" : `${num(v)} ms`);
const fmtKiB = (v) => (v == null ? "—" : `${num(v / 1024)} KiB`);
const fmtCount = (v) => (v == null ? "—" : num(v, Number.isInteger(v) ? 0 : 1));
const fmtRatio = (v) => (v == null ? "—" : `${num(v, 2)}×`);

// A metric's kind follows from its name (see run.mjs).
function fmtMetric(name, v) {
  if (/bytes/.test(name)) return fmtKiB(v);
  if (/comments|elements|long-tasks/.test(name)) return fmtCount(v);
  return fmtMs(v);
}

// Native timings come in ns and can be far below a millisecond.
function fmtNs(ns) {
  if (ns == null || typeof ns !== "number") return ns == null ? "—" : String(ns);
  return ns >= 1e5 ? `${num(ns / 1e6)} ms` : ns >= 100 ? `${num(ns / 1e3)} µs` : `${num(ns)} ns`;
}

const met = (ok) => (ok == null ? "no data" : ok ? "**met**" : "not met");
// Figures right-aligned; the first column, and any listed in `left`, are words.
const table = (head, rows, left = []) =>
  [
    `| ${head.join(" | ")} |`,
    `|${head.map((_, i) => (i === 0 || left.includes(i) ? "---" : "---:")).join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");

// ---------------------------------------------------------------------------------------
// Reading figures out of browser.json

const med = (scenario, side, metric) => scenario?.[side]?.[metric]?.median ?? null;

// "3 of 10 runs crashed" style text for a side, or "" when every run was fine.
function failures(scenario, side) {
  const list = scenario?.outcomes?.[side] ?? [];
  const bad = list.filter((o) => o !== "ok");
  if (!bad.length) return "";
  const counts = {};
  for (const o of bad) {
    const kind = o.startsWith("error") ? "error" : o;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return Object.entries(counts).map(([k, n]) => `${k}: ${n} of ${list.length} runs`).join(", ");
}

// wasm + JS + CSS from size.json: its file list when it has one, else its totals.
function transferTotals(size) {
  if (!size) return null;
  const files = (size.files ?? []).filter((f) => /\.(wasm|js|css)$/.test(f.name));
  if (files.length) {
    const sum = (k) => files.reduce((s, f) => s + (f[k] ?? 0), 0);
    return { raw: sum("raw"), gzip: sum("gzip"), brotli: sum("brotli") };
  }
  return size.totals ?? null;
}

function goalsSection(browser, size) {
  const s = browser?.scenarios ?? {};
  const rows = [];

  const totals = transferTotals(size);
  rows.push([
    "Transfer size of wasm + JS + CSS",
    `≤ ${num(GOALS.brotliBytes / 1024)} KiB brotli`,
    totals ? `${fmtKiB(totals.raw)} raw, ${fmtKiB(totals.gzip)} gzip, ${fmtKiB(totals.brotli)} brotli` : "size.json missing",
    "—",
    met(totals ? totals.brotli <= GOALS.brotliBytes : null),
  ]);

  const b = s.bundled;
  const all = med(b, "baseline", "comments") ?? med(b, "app", "comments");
  for (const [metric, label] of [["first-comment", "first comment on screen"], ["all-rendered", `all ${all ?? ""} comments rendered`]]) {
    const ratio = b?.ratio?.[metric] ?? null;
    rows.push([
      `Bundled page: ${label}`,
      `≤ ${GOALS.bundledRatio}× baseline`,
      b ? `app ${fmtMs(med(b, "app", metric))}, baseline ${fmtMs(med(b, "baseline", metric))}` : "not measured",
      fmtRatio(ratio),
      met(ratio == null ? null : ratio <= GOALS.bundledRatio),
    ]);
  }

  {
    const f = s["first-paint-throttled"];
    const ratio = f?.ratio?.["prerendered/static"]?.fcp ?? null;
    const wasm = med(f, "prerendered", "wasm-started");
    const bad = [failures(f, "prerendered"), failures(f, "static")].filter(Boolean).join("; ");
    rows.push([
      "Prerendered first contentful paint, throttled (Slow 4G, 4× CPU)",
      `≤ ${GOALS.prerenderedFcpRatio}× the static page`,
      f
        ? `prerendered ${fmtMs(med(f, "prerendered", "fcp"))}, static ${fmtMs(med(f, "static", "fcp"))}${wasm != null ? `; the wasm started at ${fmtMs(wasm)}` : ""}${bad ? `; ${bad}` : ""}`
        : "no data",
      fmtRatio(ratio),
      met(ratio == null ? null : ratio <= GOALS.prerenderedFcpRatio),
    ]);
  }

  {
    const g = s["gen-10000"];
    const app = med(g, "app", "interactive");
    const base = med(g, "baseline", "all-rendered");
    rows.push([
      "10,000 comments: app interactive vs baseline all rendered",
      "app < baseline",
      g ? `app ${fmtMs(app)}, baseline ${fmtMs(base)}` : "not measured",
      fmtRatio(g?.ratio?.interactive ?? null),
      met(app == null || base == null ? null : app < base),
    ]);
  }

  {
    const g = s["gen-100000"];
    const longest = med(g, "app", "longest-task");
    const bad = failures(g, "app");
    const ran = (g?.outcomes?.app ?? []).some((o) => o === "ok");
    rows.push([
      "100,000 comments: longest main-thread task",
      `≤ ${GOALS.longestTaskMs} ms, no crash`,
      g ? `${fmtMs(longest)} (${med(g, "app", "long-tasks") ?? "—"} long tasks)${bad ? `; ${bad}` : "; every run completed"}` : "not measured",
      fmtRatio(g?.ratio?.["longest-task"] ?? null),
      met(!g ? null : ran && !bad && longest <= GOALS.longestTaskMs),
    ]);
  }

  {
    const f = s["fold-1000"];
    const steps = ["unfold first", "fold", "unfold all below", "fold again", "unfold again"].filter((k) => med(f, "app", k) != null);
    const worst = steps.reduce((w, k) => (w == null || med(f, "app", k) > med(f, "app", w) ? k : w), null);
    rows.push([
      "Fold / unfold a comment with ~1,000 replies (click to next frame)",
      `≤ ${GOALS.foldMs} ms each`,
      f && steps.length ? steps.map((k) => `${k} ${fmtMs(med(f, "app", k))}`).join(", ") : "not measured",
      "—",
      met(worst == null ? null : med(f, "app", worst) <= GOALS.foldMs),
    ]);
  }

  {
    const e = s["expand-all-10000"];
    const gap = med(e, "app", "max-frame-gap");
    rows.push([
      "Expand all on 10,000 comments",
      `report; responsive (no frame gap > ${GOALS.responsiveGapMs} ms)`,
      e ? `${fmtMs(med(e, "app", "time"))} to stable, longest frame gap ${fmtMs(gap)}, longest task ${fmtMs(med(e, "app", "longest-task"))}` : "not measured",
      "—",
      met(gap == null ? null : gap <= GOALS.responsiveGapMs),
    ]);
  }

  return ["## Goals", "", "Each figure is the median of the runs; the ratio is app ÷ baseline (for the throttled first paint, prerendered ÷ static) measured in the same runs.", "", table(["Goal", "Target", "Measured", "Ratio", "Met?"], rows, [1, 2, 4])].join("\n");
}

// The throttled first paint: one row per page, each compared with the reference page.
function firstPaintSection(name, scenario) {
  const ref = scenario.reference ?? "static";
  const pages = ["prerendered", "plain", "baseline", "static"].filter((k) => scenario[k]);
  for (const k of Object.keys(scenario.outcomes ?? {})) if (!pages.includes(k)) pages.push(k);
  const spread = (page, metric) => {
    const v = scenario[page]?.[metric];
    if (v?.median == null) return "—";
    return `${fmtMs(v.median)} (${num(v.min)}–${num(v.max)})`;
  };
  const ratio = (a, b, metric) => fmtRatio(scenario.ratio?.[`${a}/${b}`]?.[metric] ?? null);
  const hasWasm = pages.some((k) => scenario[k]?.["wasm-started"]);
  const head = ["page", "fcp median (min–max)", "first comment median (min–max)", `fcp ÷ ${ref}`, `first comment ÷ ${ref}`];
  if (hasWasm) head.push("wasm started", "interactive");
  const rows = pages.map((k) => {
    const bad = failures(scenario, k);
    const row = [bad ? `${k} (${bad})` : k, spread(k, "fcp"), spread(k, "first-comment")];
    row.push(k === ref ? "1.00× (reference)" : ratio(k, ref, "fcp"), k === ref ? "1.00× (reference)" : ratio(k, ref, "first-comment"));
    if (hasWasm) row.push(fmtMs(med(scenario, k, "wasm-started")), fmtMs(med(scenario, k, "interactive")));
    return row;
  });
  const others = Object.keys(scenario.ratio ?? {}).filter((key) => !key.endsWith(`/${ref}`));
  const versus = others.map((key) => {
    const [a, b] = key.split("/");
    return `- ${a} ÷ ${b}: fcp ${ratio(a, b, "fcp")}, first comment ${ratio(a, b, "first-comment")}`;
  });
  const notes = (scenario.notes ?? []).map((n) => `- ${n}`);
  const body = pages.some((k) => scenario[k] && Object.keys(scenario[k]).length) ? table(head, rows) : "_No run of this scenario completed._";
  const runs = Math.max(0, ...Object.values(scenario.outcomes ?? {}).map((list) => list.length));
  return [`### ${name}${runs ? ` (${runs} run${runs === 1 ? "" : "s"})` : ""}`, "", body, "", ...versus, ...(versus.length ? [""] : []), ...notes].join("\n");
}

// One table per scenario: every metric of every side, and the ratio.
function scenarioSection(name, scenario) {
  if (name === "first-paint-throttled") return firstPaintSection(name, scenario);
  // The reference first for the variants (as built, then without the technique).
  const order = scenario.control ? ["control", "app"] : ["app", "baseline"];
  const sides = order.filter((k) => scenario[k] && Object.keys(scenario[k]).length);
  const metrics = [...new Set(sides.flatMap((k) => Object.keys(scenario[k])))];
  const label = { app: "app", baseline: "baseline", control: "as built" };
  if (name.endsWith("-no-cv")) label.app = "no content-visibility";
  if (name === "archive-index-10000") Object.assign(label, { app: "index of 10,000", baseline: "static discussion" });
  const head = ["metric"];
  for (const k of sides) head.push(`${label[k]} median`, "min", "max");
  const hasRatio = Object.keys(scenario.ratio ?? {}).length > 0;
  if (hasRatio) head.push("ratio");
  // A metric compared with a differently named one of the baseline (the app's interactive
  // against the baseline's all-rendered) shares its row, so the ratio sits beside both.
  const pairs = scenario.ratio_pairs ?? {};
  const paired = new Set(Object.values(pairs));
  const rows = metrics.filter((m) => !(paired.has(m) && !(m in (scenario.app ?? {})))).map((m) => {
    const row = [pairs[m] ? `${m} (baseline: ${pairs[m]})` : m];
    for (const k of sides) {
      const v = scenario[k][k === "app" ? m : pairs[m] ?? m];
      row.push(fmtMetric(m, v?.median ?? null), fmtMetric(m, v?.min ?? null), fmtMetric(m, v?.max ?? null));
    }
    if (hasRatio) row.push(fmtRatio(scenario.ratio?.[m] ?? null));
    return row;
  });
  const notes = (scenario.notes ?? []).map((n) => `- ${n}`);
  const body = sides.length ? table(head, rows) : "_No run of this scenario completed._";
  const runs = Math.max(0, ...Object.values(scenario.outcomes ?? {}).map((list) => list.length));
  return [`### ${name}${runs ? ` (${runs} run${runs === 1 ? "" : "s"})` : ""}`, "", body, "", ...notes].join("\n");
}

function sizeSection(size, sizePath) {
  if (!size) return `## Transfer size\n\n_No size figures: ${shown(sizePath)} was not found (\`cargo xtask bench\` writes it)._`;
  const out = ["## Transfer size", ""];
  const files = size.files ?? [];
  if (files.length) {
    const rows = files.map((f) => [`\`${f.name}\``, fmtKiB(f.raw), fmtKiB(f.gzip), fmtKiB(f.brotli)]);
    if (size.totals) rows.push(["**total**", fmtKiB(size.totals.raw), fmtKiB(size.totals.gzip), fmtKiB(size.totals.brotli)]);
    out.push(table(["file", "raw", "gzip", "brotli"], rows), "");
  }
  if ((size.twiggy ?? []).length) {
    out.push("Largest items in the wasm (twiggy top):", "");
    out.push(table(["item", "size", "share"], size.twiggy.map((t) => [`\`${String(t.item).replace(/\|/g, "\\|")}\``, fmtKiB(t.bytes), `${num(t.percent, 1)} %`])));
  }
  return out.join("\n");
}

// What a comment shows besides its text: one row per page and viewport width.
function densitySection(browser) {
  const d = browser?.scenarios?.density;
  const out = [
    "## Density",
    "",
    "What a comment shows besides its text (author line, reply context, actions, notices): for every comment drawn with no replies, the height of its card minus the height of its text blocks (`.comment-card` minus `.comment-body`), in CSS pixels.",
    "",
  ];
  if (!d) return [...out, "_Not measured in this run (scenario density)._"].join("\n");
  const px = (v) => (v == null ? "—" : `${num(v)} px`);
  const rows = (d.rows ?? []).map((r) => [
    `${r.page} (\`${r.url}\`)`,
    `${r.width}×${r.height}`,
    r.outcome === "ok" ? fmtCount(r.count) : r.outcome,
    px(r.median),
    px(r.max),
    `≤ ${r.goal} px`,
    met(r.met),
  ]);
  const errors = [...new Set((d.rows ?? []).flatMap((r) => (r.errors ?? []).map((e) => `${r.page} at ${r.width} px, page error: ${e}`)))].slice(0, 5);
  return [
    ...out,
    table(["page", "viewport", "comments without replies", "median", "max", "goal (median)", "Met?"], rows, [1, 5, 6]),
    "",
    ...[...(d.notes ?? []), ...errors].map((n) => `- ${n}`),
  ].join("\n");
}

function techniquesSection(browser, size, native, notes) {
  const s = browser?.scenarios ?? {};
  const out = ["## Techniques: before and after", ""];

  // content-visibility: the app as built (control) against the same page with it forced off.
  const cvRows = [];
  const pick = [
    ["gen-10000-no-cv", ["interactive", "longest-task", "dom-elements", "js-heap-bytes"]],
    ["expand-all-10000-no-cv", ["time", "longest-task", "max-frame-gap"]],
    ["collapse-all-10000-no-cv", ["time", "longest-task", "max-frame-gap"]],
  ];
  for (const [name, metrics] of pick) {
    const sc = s[name];
    if (!sc) continue;
    for (const m of metrics) {
      if (med(sc, "control", m) == null && med(sc, "app", m) == null) continue;
      cvRows.push([`${name.replace(/-no-cv$/, "")} ${m}`, fmtMetric(m, med(sc, "control", m)), fmtMetric(m, med(sc, "app", m)), fmtRatio(sc.ratio?.[m] ?? null)]);
    }
  }
  out.push("### `content-visibility: auto` on comments", "");
  if (cvRows.length) {
    const seen = [...new Set(pick.flatMap(([n]) => (s[n]?.notes ?? []).filter((x) => x.startsWith("content-visibility"))))];
    out.push(
      "Medians; *with* is the app as built, *without* the same page with `content-visibility: visible !important; contain-intrinsic-size: none !important` injected on `li.comment, .comment-card`. Both loaded with CSP bypassed, so only the stylesheet differs. The ratio is without ÷ with: for times, above 1 means the technique helps.",
      "",
      table(["figure", "with", "without", "ratio"], cvRows),
      "",
      ...seen.map((x) => `- ${x}`),
      "",
    );
  } else {
    out.push("_Not measured in this run (scenarios gen-10000-no-cv and expand-all-10000-no-cv)._", "");
  }

  out.push("### wasm-opt", "");
  if ((size?.wasm_opt ?? []).length) {
    out.push(table(["variant", "raw", "gzip", "brotli"], size.wasm_opt.map((v) => [v.variant, fmtKiB(v.raw), fmtKiB(v.gzip), fmtKiB(v.brotli)])), "");
  } else {
    out.push(size ? "_size.json has no wasm-opt variants._" : "_No size figures (size.json missing)._", "");
  }

  out.push("### Native (Rust, outside the browser)", "");
  if ((native?.rows ?? []).length) {
    out.push(
      table(
        ["benchmark", "median", "baseline", "ratio", "note"],
        native.rows.map((r) => [r.name, fmtNs(r.median_ns), typeof r.baseline === "number" ? fmtNs(r.baseline) : r.baseline ?? "—", fmtRatio(r.ratio ?? null), r.note ?? ""]),
        [4],
      ),
      "",
    );
  } else {
    out.push(native ? "_native.json has no rows._" : "_No native figures: native.json was not found._", "");
  }

  out.push(NOTES_START, notes, NOTES_END);
  return out.join("\n");
}

// The hand-written notes of the existing report, or the placeholder for a new one.
function keptNotes(file) {
  if (!existsSync(file)) return NOTES_PLACEHOLDER;
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(NOTES_START);
  const end = text.indexOf(NOTES_END, start);
  if (start < 0 || end < 0) return NOTES_PLACEHOLDER;
  return text.slice(start + NOTES_START.length, end).replace(/^\n+|\n+$/g, "") || NOTES_PLACEHOLDER;
}

const SCENARIO_ORDER = ["bundled", "first-paint-throttled", "gen-1000", "gen-10000", "gen-100000", "fold-1000", "expand-all-10000", "collapse-all-10000", "gen-10000-no-cv", "expand-all-10000-no-cv", "collapse-all-10000-no-cv", "archive-index-10000"];

function render({ browser, size, native, args }) {
  const when = browser?.date ?? new Date().toISOString();
  const m = browser?.machine;
  const v = browser?.versions;
  const head = [
    "# Benchmarks",
    "",
    "<!-- Generated by bench/report.mjs from target/bench/*.json (cargo xtask bench); edit only between the notes markers. -->",
    "",
    m ? `- **Machine:** ${m.cpu}, ${m.cores} cores, ${num(m.memory_bytes / 2 ** 30)} GiB memory, ${m.os}` : "- **Machine:** unknown (browser.json missing)",
    m?.load_average_start != null
      ? `- **Load average** (1 min, other work on the machine): ${num(m.load_average_start, 2)} at the start, ${num(m.load_average_end, 2)} at the end${browser.duration_s ? `; the run took ${num(browser.duration_s / 60)} min` : ""}`
      : null,
    v ? `- **Versions:** Chromium ${v.chromium}, Node.js ${v.node}, playwright-core ${v["playwright-core"]}` : "- **Versions:** unknown",
    `- **Date:** ${when.slice(0, 10)} (${when.slice(11, 16)} UTC)`,
    browser ? `- **Runs:** ${browser.runs} per scenario and side, each in a fresh browser context (cold cache), 1280×720, headless; app and baseline interleaved; median, min and max shown` : "- **Runs:** no browser figures",
    "",
  ].filter((line) => line != null);

  const how = [
    "## How it is measured",
    "",
    "- All browser times are taken inside the page with `performance.now()`, from the start of navigation. *Next frame* means `requestAnimationFrame`, then a `MessageChannel` message posted from its callback, so the frame's style, layout and paint are included.",
    "- The **baseline** (`baseline.html`, bench/baseline/) renders the same DOM as the app for the fully unfolded thread with hand-written DOM calls: the reference for how fast this page can be.",
    "- **first-comment**: to the next frame after the first `li.comment` is attached. **all-rendered**: after every comment (bundled) or the baseline's `data-rendered` flag. **interactive** (app): the toolbar and a comment are present and the DOM stays unchanged for a frame. **fcp**: Chromium's first-contentful-paint (a presentation time, so it can fall after the main-thread frame).",
    "- **longest-task** / **long-tasks**: the Long Tasks API (tasks over 50 ms; 0 when none) over the whole load, until the DOM has been quiet for 500 ms. **js-heap-bytes**: CDP `JSHeapUsedSize` after a garbage collection. **wasm-memory-bytes**: the instance's linear memory. **json-parse**: `JSON.parse` alone on the same file text, for comparison with the app's `threadview:parse` measure.",
    "- **first-paint-throttled**: the prerendered app (`index.html`), the same build without the prerender (`plain.html`), the baseline and the prerendered HTML with its scripts removed (`static.html`, the reference), each loaded under CDP network and CPU throttling (the scenario's notes give the figures); fcp and first comment per page, and their ratio to the static page.",
    "- **archive-index-10000**: the first page of an archive's index of 10,000 discussions against the bundled discussion as a static page, both throttled as first-paint-throttled: fcp, bytes on the wire, rows.",
    "- **measure threadview:…**: the app's own User Timing measures (`performance.measure`), where the build records them.",
    "- Clicks (fold, Expand all) are `element.click()` in the page: the time to the next frame, and to the frame after the last change once the DOM has been quiet for 500 ms. **max-frame-gap** is the longest time between animation frames meanwhile.",
    "",
  ];

  const s = browser?.scenarios ?? {};
  // Density has its own section; the rest are timings.
  const names = [...SCENARIO_ORDER.filter((n) => s[n]), ...Object.keys(s).filter((n) => !SCENARIO_ORDER.includes(n) && n !== "density")];
  const scenarios = ["## Scenarios", ""];
  if (!browser) scenarios.push(`_No browser figures: ${shown(args.browser)} was not found._`);
  for (const n of names) scenarios.push(scenarioSection(n, s[n]), "");

  return [
    ...head,
    goalsSection(browser, size),
    "",
    ...how,
    sizeSection(size, args.size),
    "",
    densitySection(browser),
    "",
    ...scenarios,
    techniquesSection(browser, size, native, keptNotes(args.out)),
    "",
  ].join("\n");
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const browser = readJson(args.browser);
  const size = readJson(args.size);
  const native = readJson(args.native);
  const missing = [[args.browser, browser], [args.size, size], [args.native, native]].filter(([, d]) => d == null).map(([f]) => shown(f));
  for (const f of missing) console.error(`report: ${f} not found; its section says so`);

  writeFileSync(args.out, render({ browser, size, native, args }));
  mkdirSync(path.dirname(args.json), { recursive: true });
  writeFileSync(args.json, JSON.stringify({ generated: new Date().toISOString(), browser, size, native, missing }, null, 2) + "\n");
  console.error(`report: wrote ${args.out} and ${args.json}`);
}

main();
