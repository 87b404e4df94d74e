// Browser benchmarks for threadview: the release app against the hand-written baseline
// (bench/baseline/), both served from one folder, measured in Debian's Chromium through
// Playwright. `cargo xtask bench` builds the site and runs this; report.mjs turns the JSON
// it writes into BENCHMARKS.md.
//
//   node bench/run.mjs --site http://127.0.0.1:PORT/ [--runs 10] [--out FILE] [--only NAME[,NAME]]
//
// Every figure is taken inside the page with performance.now() (its origin is the start of
// the navigation), never from node, so the CDP round trips do not count. "Next frame" is
// always requestAnimationFrame, then a MessageChannel message posted from that callback: the
// message runs after the frame's style, layout and paint.

import { chromium } from "playwright-core";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
const VIEWPORT = { width: 1280, height: 720 };
// src/route.rs: comments at this depth or deeper have no fold button in the full view.
const DEPTH_CAP = 8;
// What "the DOM is stable" means after a click that may work in chunks across tasks.
const QUIET_MS = 500;
// Forces what the no-cv variants measure: every comment laid out and painted.
const NO_CV_CSS =
  "li.comment, .comment-card { content-visibility: visible !important; contain-intrinsic-size: none !important; }";

// ---------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const args = { runs: 10, out: path.join(ROOT, "target/bench/browser.json"), only: null, site: null };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${argv[i]} needs a value`);
      return argv[++i];
    };
    switch (argv[i]) {
      case "--site": args.site = value(); break;
      case "--runs": args.runs = Number(value()); break;
      case "--out": args.out = path.resolve(value()); break;
      case "--only": args.only = value().split(",").map((s) => s.trim()).filter(Boolean); break;
      case "-h":
      case "--help":
        console.log("usage: node bench/run.mjs --site URL [--runs 10] [--out FILE] [--only NAME[,NAME]]");
        process.exit(0);
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!args.site) throw new Error("--site URL is required (the folder served by cargo xtask static)");
  if (!Number.isInteger(args.runs) || args.runs < 1) throw new Error("--runs needs a whole number ≥ 1");
  // Relative page and data addresses resolve against the folder, so it must end in a slash.
  if (!args.site.endsWith("/")) args.site += "/";
  return args;
}

const log = (...parts) => console.error(...parts);
const ms = (v) => (v == null ? "—" : `${v.toFixed(1)} ms`);

// ---------------------------------------------------------------------------------------
// What is installed in every page before any of its own scripts (Playwright's init script,
// injected over CDP, so the app's CSP does not apply to it). It must be self-contained: it
// is serialised into the page. `cfg` says what this page load watches for.

function pageProbe(cfg) {
  const b = (window.__bench = {
    cfg,
    longtasks: [],
    paints: {},
    firstCommentAttached: null, // when the observer first saw an li.comment in the document
    firstComment: null, // the next frame after that
    allComments: null, // cfg.expect li.comment present, next frame
    rendered: null, // the baseline's dataset.rendered = "true", next frame
    renderError: null,
    interactive: null, // the app: toolbar + a comment, stable for a frame, next frame
    lastMutation: 0,
    mutationSeq: 0,
    settledFrame: 0, // the next frame after the last mutation (see onMutated)
    wasmMemory: null,
    wasmStarted: null, // when the wasm instance was ready, just before the app's start code ran
    servedNodes: null, // the prerendered comments and buttons as served, once the wasm started
    servedComments: [],
  });

  // Long tasks and paints, buffered so the ones before the observers existed count too.
  try {
    b.longtaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    });
    b.longtaskObserver.observe({ type: "longtask", buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.paints[e.name] = e.startTime;
    }).observe({ type: "paint", buffered: true });
  } catch {}

  // The wasm instance's memory, so its size can be read after load. Whatever wasm-bindgen
  // calls it, it is the exported WebAssembly.Memory.
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        const instance = result instanceof WebAssembly.Instance ? result : result && result.instance;
        const exports = (instance && instance.exports) || {};
        const memory =
          exports.memory instanceof WebAssembly.Memory
            ? exports.memory
            : Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
        if (memory) b.wasmMemory = memory;
        if (b.wasmStarted == null) b.onWasmStarted();
        return result;
      });
    };
  }

  b.nextFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );

  // A prerendered page is served with the discussion already in its HTML, inside this
  // element, and the app takes it over when its wasm starts. What was served there is not
  // the app's: it must not make the app count as interactive, nor, for a page asked for
  // another thread (?data=, cfg.skipPrerendered), as having drawn its first comment. The
  // served elements are the ones inside it before the wasm started (snapshot then), so
  // this holds whether the app removes the prerendered copy, hides it or renders into it.
  // The app renders beside it in a [hidden] element and shows that in its place when it has
  // something to show (src/main.rs): nothing under [hidden] is on screen.
  const SERVED = "#prerendered, .prerendered";
  const served = (e) => (b.servedNodes ? b.servedNodes.has(e) : e.closest(SERVED) != null);
  const shown = (e) => e.closest("[hidden]") == null;
  b.onWasmStarted = () => {
    b.wasmStarted = performance.now();
    b.servedComments = [...document.querySelectorAll(`:is(${SERVED}) li.comment`)];
    b.servedNodes = new WeakSet([...b.servedComments, ...document.querySelectorAll(`:is(${SERVED}) button`)]);
    // Should the app's start change nothing, the interactive check still gets its frame.
    if (cfg.interactive) {
      b.nextFrame().then((t) => {
        if (b.interactive == null && !framePending && appReady()) b.interactive = t;
      });
    }
  };
  // The first li.comment on screen that is the app's (on a page with nothing served, any).
  const ownComment = () => {
    const outside = document.querySelector(`li.comment:not(:is(${SERVED}) *):not([hidden] *)`);
    if (outside) return outside;
    for (const e of document.querySelectorAll(`:is(${SERVED}) li.comment`)) if (!served(e) && shown(e)) return e;
    return null;
  };
  // Comments on the page; the served ones count until the app has started (they are what
  // the reader sees), unless the page was asked for another thread, and not after.
  const commentCount = () => {
    const all = document.querySelectorAll("li.comment").length;
    if (b.servedNodes) return all - b.servedComments.filter((e) => e.isConnected).length;
    return cfg.skipPrerendered ? all - document.querySelectorAll(`:is(${SERVED}) li.comment`).length : all;
  };
  b.commentCount = commentCount;
  const commentShown = () => (cfg.skipPrerendered ? ownComment() : document.querySelector("li.comment:not([hidden] *)"));
  b.toolbarButton = (text) =>
    [...document.querySelectorAll(".discussion .toolbar button")].find((e) => e.textContent.trim() === text && !served(e) && shown(e)) || null;
  const appReady = () => b.toolbarButton("Expand all") && ownComment();

  // After every batch of mutations, wait for the next frame. If nothing changed meanwhile,
  // that frame showed the last change: settledFrame. Otherwise wait for another frame.
  let framePending = false;
  const awaitFrame = () => {
    const seq = b.mutationSeq;
    b.nextFrame().then((t) => {
      if (b.mutationSeq !== seq) return awaitFrame();
      framePending = false;
      b.settledFrame = t;
      // One stable frame with the toolbar and a comment: the app can be used.
      if (cfg.interactive && b.interactive == null && appReady()) b.interactive = t;
    });
  };

  let styled = false;
  const addStyle = () => {
    if (styled || !cfg.css || !document.head) return;
    styled = true;
    const style = document.createElement("style");
    style.textContent = cfg.css;
    document.head.appendChild(style);
  };

  const onMutated = () => {
    const now = performance.now();
    b.lastMutation = now;
    b.mutationSeq++;
    addStyle();
    if (b.firstCommentAttached == null && commentShown()) {
      b.firstCommentAttached = now;
      b.nextFrame().then((t) => (b.firstComment = t));
    }
    if (cfg.expect && b.allComments == null && b.allCommentsPending == null && commentCount() >= cfg.expect) {
      b.allCommentsPending = now;
      b.nextFrame().then((t) => (b.allComments = t));
    }
    const flag = document.documentElement && document.documentElement.dataset.rendered;
    if (flag === "true" && b.rendered == null && !b.renderedPending) {
      b.renderedPending = true;
      b.nextFrame().then((t) => (b.rendered = t));
    } else if (flag && flag !== "true") {
      b.renderError = flag;
    }
    // Both pages say a failed load the same way; waiting for them would only time out.
    // Looked for only until the page is ready: on a big DOM every query costs.
    const ready = b.interactive != null || b.rendered != null || b.allComments != null;
    const failed = !ready && b.renderError == null && document.querySelector(".load-error .error-detail");
    if (failed) b.renderError = `"${failed.textContent.slice(0, 200)}"`;
    if (!framePending) {
      framePending = true;
      awaitFrame();
    }
  };
  new MutationObserver(onMutated).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  });
  document.addEventListener("DOMContentLoaded", addStyle);

  // Waits until nothing has changed for quietMs (or maxMs passed) and returns the time of
  // the frame that showed the last change.
  // Quiet counts from `since` too, so that work which computes for a while before its first
  // change is waited for.
  b.settle = (quietMs, maxMs = 60000, since = 0) =>
    new Promise((resolve) => {
      const start = performance.now();
      const poll = () => {
        const now = performance.now();
        const quiet = now - Math.max(b.lastMutation, since) >= quietMs && !framePending;
        if (quiet || now - start > maxMs) resolve({ frame: b.settledFrame, quiet });
        else setTimeout(poll, Math.min(50, quietMs));
      };
      poll();
    });

  // Long tasks so far, including any the observer has not delivered yet.
  b.takeLongtasks = () => {
    if (b.longtaskObserver) {
      for (const e of b.longtaskObserver.takeRecords()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }
    return b.longtasks.slice();
  };

  // The longest gap between animation frames while the page works: responsiveness. Timed
  // with performance.now() when each callback runs, not the rAF timestamp (the frame's
  // planned start, which can predate a long task that delayed it); the first gap counts
  // from the start, so a click that blocks until its first frame shows as that gap.
  b.startFrameLoop = () => {
    const loop = { last: performance.now(), maxGap: 0, frames: 0, running: true };
    const tick = () => {
      if (!loop.running) return;
      const t = performance.now();
      loop.maxGap = Math.max(loop.maxGap, t - loop.last);
      loop.last = t;
      loop.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    b.frameLoop = loop;
  };
  b.stopFrameLoop = () => {
    const loop = b.frameLoop;
    loop.running = false;
    return { maxGap: loop.maxGap, frames: loop.frames };
  };

  // Clicks an element and measures, from the click: the next frame, and the frame that
  // showed the last change once the DOM has been quiet for quietMs. Long tasks overlapping
  // the work and the frame gaps are returned too.
  b.clickAndMeasure = async (element, quietMs) => {
    if (!element) return { error: "no element to click" };
    await b.settle(100, 5000); // start from a quiet page, so earlier work is not counted
    const before = commentCount();
    b.startFrameLoop();
    const t0 = performance.now();
    b.frameLoop.last = t0;
    element.click();
    const frame = (await b.nextFrame()) - t0;
    const settled = await b.settle(quietMs, 60000, t0);
    const frames = b.stopFrameLoop();
    const tasks = b.takeLongtasks().filter((e) => e.start + e.duration > t0);
    return {
      frame,
      // A click that changed nothing has no frame of its own; its next frame is the answer.
      stable: settled.frame >= t0 ? settled.frame - t0 : frame,
      quiet: settled.quiet,
      before,
      after: commentCount(),
      elements: document.getElementsByTagName("*").length,
      longestTask: tasks.reduce((m, e) => Math.max(m, e.duration), 0),
      longTasks: tasks.length,
      maxFrameGap: frames.maxGap,
    };
  };

  // What content-visibility the comments actually got, to show the variants differ.
  b.contentVisibility = () =>
    ["li.comment", ".comment-card"]
      .map((selector) => {
        const e = document.querySelector(selector);
        return e ? `${selector} ${getComputedStyle(e).contentVisibility}` : null;
      })
      .filter(Boolean)
      .join(", ") || null;

  // For comparison with the app's parsing: JSON.parse alone on the same text.
  b.timeJsonParse = async (url) => {
    const text = await (await fetch(url)).text();
    const t0 = performance.now();
    JSON.parse(text);
    return performance.now() - t0;
  };
}

// ---------------------------------------------------------------------------------------
// Browser and page plumbing

let browser = null;

async function getBrowser() {
  // A renderer crash leaves the browser up; an out-of-memory kill may not.
  if (browser && browser.isConnected()) return browser;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return browser;
}

// Opens `url` in a fresh context (so a cold HTTP cache, no saved folds) with the probe
// installed, and waits for the probe field `until`. Returns the page to measure, or the
// reason there is none ("crash", "timeout", "error: …"). The caller must call close().
// `emulate` ({ network, cpu }) throttles the page over CDP before it navigates.
async function openPage(url, { cfg, until, timeoutMs, bypassCSP = false, emulate = null }) {
  const context = await (await getBrowser()).newContext({ viewport: VIEWPORT, bypassCSP });
  await context.addInitScript(pageProbe, cfg);
  const page = await context.newPage();
  if (emulate) {
    // The session stays attached until the context closes: the emulation lives with it.
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", emulate.network);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: emulate.cpu });
  }
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e.message || e).slice(0, 200)));
  let crashed = false;
  const crash = new Promise((resolve) => page.once("crash", () => ((crashed = true), resolve("crash"))));
  // A page stuck in a long task can hold up closing; the run goes on regardless.
  // (unref: the wait must not keep node alive 30 s once everything is done.)
  const close = () => Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 30000).unref())]);
  const load = (async () => {
    await page.goto(url, { waitUntil: "commit", timeout: timeoutMs });
    await page.waitForFunction(
      (field) => window.__bench && (window.__bench[field] != null || window.__bench.renderError != null),
      until,
      { timeout: timeoutMs, polling: 100 },
    );
    const renderError = await page.evaluate(() => window.__bench.renderError);
    return renderError ? `error: the page says ${renderError}` : "ok";
  })();
  let outcome;
  try {
    outcome = await Promise.race([load, crash]);
  } catch (e) {
    // A crash can reject the pending call a moment before the page's crash event arrives.
    await Promise.race([crash, sleep(500)]);
    outcome = classify(e, crashed);
  }
  load.catch(() => {}); // the loser of the race may still reject
  return { page, context, outcome, errors, close, crashed: () => crashed };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function classify(error, crashed) {
  const text = String(error?.message || error);
  if (crashed || /crash/i.test(text)) return "crash";
  if (/timeout/i.test(text)) return "timeout";
  return `error: ${text.split("\n")[0]}`;
}

// Runs fn(page) and turns a crash or a hang during it into an outcome, not an exception.
async function guarded(opened, timeoutMs, fn) {
  let timer;
  const limit = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), timeoutMs)));
  try {
    return { outcome: "ok", value: await Promise.race([fn(opened.page), limit]) };
  } catch (e) {
    if (!/^timeout$/.test(e?.message)) await sleep(500); // see openPage
    return { outcome: classify(e, opened.crashed()) };
  } finally {
    clearTimeout(timer);
  }
}

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

// ---------------------------------------------------------------------------------------
// Recording and summarising

// One side (app, baseline, control) of a scenario: every run's figures and outcome.
class Side {
  constructor() {
    this.values = {}; // metric → [value per run]; null where that run has no figure
    this.outcomes = [];
    this.errors = new Set();
  }
  record(run, metrics, outcome, errors = []) {
    this.outcomes[run] = outcome;
    for (const e of errors) this.errors.add(e);
    for (const [name, value] of Object.entries(metrics)) {
      if (!(name in this.values)) this.values[name] = [];
      // performance.now() is coarsened to 0.1 ms anyway; the rest is float noise.
      this.values[name][run] = typeof value === "number" && Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null;
    }
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function summary(values) {
  const xs = values.filter((v) => v != null);
  if (!xs.length) return { median: null, min: null, max: null, values };
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), values };
}

function summariseSide(side, runs) {
  const out = {};
  for (const [name, values] of Object.entries(side.values)) {
    out[name] = summary(Array.from({ length: runs }, (_, i) => values[i] ?? null));
  }
  return out;
}

const ratioOf = (a, b) => (a == null || b == null || b === 0 ? null : a / b);

// Builds the scenario's JSON. `pairs` maps an app metric to the reference metric it is
// compared with when the names differ (the app's "interactive" against the baseline's
// "all-rendered"); same-named metrics are compared as they are.
function scenarioResult(sides, refName, runs, pairs, notes) {
  const result = {};
  for (const [name, side] of Object.entries(sides)) result[name] = summariseSide(side, runs);
  const app = result.app;
  const ref = refName && result[refName];
  result.ratio = {};
  result.ratio_per_run = {};
  // Which reference metric each differently named ratio used, for the report.
  if (ref && Object.keys(pairs).length) result.ratio_pairs = { ...pairs };
  if (ref) {
    for (const metric of Object.keys(app)) {
      // Counts say what was drawn, not how fast: no ratio.
      if (/comments|long-tasks/.test(metric)) continue;
      const other = pairs[metric] ?? metric;
      if (!(other in ref)) continue;
      result.ratio[metric] = ratioOf(app[metric].median, ref[other].median);
      // The same comparison run by run: app and reference were measured back to back.
      result.ratio_per_run[metric] = summary(app[metric].values.map((v, i) => ratioOf(v, ref[other].values[i])));
    }
  }
  result.outcomes = Object.fromEntries(Object.entries(sides).map(([k, s]) => [k, Array.from({ length: runs }, (_, i) => s.outcomes[i] ?? "not run")]));
  const failures = Object.entries(result.outcomes).flatMap(([k, list]) => {
    const bad = list.filter((o) => o !== "ok");
    return bad.length ? [`${k}: ${bad.length} of ${runs} runs failed (${[...new Set(bad)].join(", ")})`] : [];
  });
  const errors = Object.entries(sides).flatMap(([k, s]) => [...s.errors].slice(0, 5).map((e) => `${k} page error: ${e}`));
  result.notes = [...notes, ...failures, ...errors];
  return result;
}

// ---------------------------------------------------------------------------------------
// Scenarios

// The figures worth a line of progress; the JSON has them all.
const SHOWN = new Set(["fcp", "first-comment", "wasm-started", "all-rendered", "interactive", "longest-task", "comments", "json-parse",
  "unfold first", "fold", "unfold all below stable", "fold again", "unfold again",
  "expand-all", "expand-all max-frame-gap", "collapse-all", "collapse-all max-frame-gap"]);

// Interleaved: in each run every side is measured once, in an order that alternates, so
// that a noisy stretch of the machine hits all sides alike.
async function interleave(label, runs, sides, measureOne) {
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

async function bundled(ctx) {
  const expect = (await fetchJson(ctx.site + "discussion.json")).comments.length;
  const sides = { app: new Side(), baseline: new Side() };
  const urls = { app: ctx.site, baseline: ctx.site + "baseline.html" };
  await interleave("bundled", ctx.runs, sides, async (name, run) => {
    const opened = await openPage(urls[name], { cfg: { expect }, until: "allComments", timeoutMs: 60000 });
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

// One load of a generated thread, in the app (until interactive) or the baseline (until
// it says it has rendered everything).
async function measureLoad(ctx, { kind, file, timeoutMs, css, bypassCSP }) {
  const url = kind === "app" ? `${ctx.site}?data=${file}` : `${ctx.site}baseline.html?data=${file}`;
  // The app's page may be served with the bundled discussion prerendered: not this thread's.
  const cfg = kind === "app" ? { interactive: true, css, skipPrerendered: true } : { css };
  const until = kind === "app" ? "interactive" : "rendered";
  const opened = await openPage(url, { cfg, until, timeoutMs, bypassCSP });
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
    if (figures.contentVisibility) ctx.seen(`content-visibility (${label}): ${figures.contentVisibility}`);
    if (!figures.quiet) ctx.seen(`${kind}: the DOM was still changing 20 s after the ready point`);
    return { metrics: loadMetrics(figures, kind === "app" ? "interactive" : "all-rendered", ready), outcome: "ok", errors: opened.errors };
  } finally {
    await opened.close();
  }
}

function genScenario(n) {
  return async (ctx) => {
    const file = `gen-${n}.json`;
    const timeoutMs = n >= 100000 ? 120000 : 60000;
    const sides = { app: new Side(), baseline: new Side() };
    const notes = new Set();
    ctx.seen = (note) => notes.add(note);
    await interleave(`gen-${n}`, ctx.runs, sides, (kind) => measureLoad(ctx, { kind, file, timeoutMs }));
    return {
      [`gen-${n}`]: scenarioResult(sides, "baseline", ctx.runs, { interactive: "all-rendered" }, [
        `${file}. App: interactive = navigation start to the frame after the toolbar and a comment are present and the DOM has stayed unchanged for a frame. Baseline: all-rendered = to the frame after it has rendered every comment. ratio.interactive compares the two.`,
        "longest-task and long-tasks cover the whole load, until the DOM has been quiet for 500 ms (settled); json-parse is JSON.parse alone on the same text in the same page, afterwards.",
        ...notes,
      ]),
    };
  };
}

// The comment of gen-10000 whose number of replies at any depth is closest to 1,000, among
// those the full view draws with a fold button.
function foldTarget(discussion) {
  const comments = discussion.comments;
  const index = new Map(comments.map((c, i) => [c.id, i]));
  const parent = comments.map((c) => (c.parent == null ? -1 : index.get(c.parent) ?? -1));
  const depth = new Int32Array(comments.length).fill(-1);
  const depthOf = (i) => {
    const chain = [];
    while (i >= 0 && depth[i] < 0) chain.push(i), (i = parent[i]);
    let d = i >= 0 ? depth[i] : -1;
    for (let k = chain.length - 1; k >= 0; k--) depth[chain[k]] = ++d;
  };
  const descendants = new Int32Array(comments.length);
  const children = new Int32Array(comments.length);
  for (let i = 0; i < comments.length; i++) {
    depthOf(i);
    if (parent[i] >= 0) children[parent[i]]++;
    for (let a = parent[i]; a >= 0; a = parent[a]) descendants[a]++;
  }
  let best = -1;
  for (let i = 0; i < comments.length; i++) {
    // Below DEPTH_CAP - 1 a comment has a fold button, and "Unfold all below" needs replies to replies.
    if (depth[i] + 1 >= DEPTH_CAP || descendants[i] <= children[i]) continue;
    if (best < 0 || Math.abs(descendants[i] - 1000) < Math.abs(descendants[best] - 1000)) best = i;
  }
  if (best < 0) throw new Error("gen-10000.json has no comment with a fold button and replies to replies");
  return { id: comments[best].id, descendants: descendants[best], depth: depth[best], children: children[best] };
}

async function fold1000(ctx) {
  const file = "gen-10000.json";
  const target = foldTarget(await fetchJson(ctx.site + file));
  const sides = { app: new Side() };
  const toggle = `li#comment-${target.id} > .comment-card button.toggle`;
  const unfoldBelow = `li#comment-${target.id} > .comment-card button.unfold-below`;
  await interleave("fold-1000", ctx.runs, sides, async () => {
    const opened = await openPage(`${ctx.site}?data=${file}#comment-${target.id}`, {
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
      `Each step: in-page click to the next frame (goal ≤ 16 ms); "stable": to the frame after the last change once the DOM has been quiet for ${QUIET_MS} ms. "unfold first" exists only if the app left the comment folded. The full view draws ${DEPTH_CAP} levels, so fewer than all its replies may be mounted.`,
    ]),
  };
}

// Expand all then Collapse all on gen-10000, in one page. With css/bypassCSP for the
// no-cv variant and its control.
async function measureExpandCollapse(ctx, { css, bypassCSP }) {
  const file = "gen-10000.json";
  const opened = await openPage(`${ctx.site}?data=${file}`, {
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
    for (const label of unfinished ?? []) ctx.seen(`${label}: the DOM was still changing 60 s after the click; the time is when measuring stopped`);
    if (contentVisibility) ctx.seen(`content-visibility (${css ? "no-cv" : bypassCSP ? "control" : "app"}): ${contentVisibility}`);
    return { metrics, outcome: "ok", errors: opened.errors };
  } finally {
    await opened.close();
  }
}

// Splits one side's "expand-all …" and "collapse-all …" metrics into two scenarios.
function splitExpandCollapse(sides, refName, runs, suffix, notes) {
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

async function expandAll(ctx) {
  const sides = { app: new Side() };
  const notes = new Set();
  ctx.seen = (note) => notes.add(note);
  await interleave("expand-all-10000", ctx.runs, sides, () => measureExpandCollapse(ctx, {}));
  return splitExpandCollapse(sides, null, ctx.runs, "", [...notes]);
}

// The variants: the app as built (control) against the app with content-visibility forced
// off, both with bypassCSP so that only the injected stylesheet differs.
const noCvNote = (what) =>
  `app = ${what} with content-visibility forced off (visible !important, contain-intrinsic-size: none on li.comment and .comment-card); control = the same page as built. Both with bypassCSP so the stylesheet can be injected; ratio = app / control.`;

async function gen10000NoCv(ctx) {
  const sides = { control: new Side(), app: new Side() };
  const notes = new Set();
  ctx.seen = (note) => notes.add(note);
  await interleave("gen-10000-no-cv", ctx.runs, sides, (name) =>
    measureLoad(ctx, { kind: "app", file: "gen-10000.json", timeoutMs: 60000, bypassCSP: true, css: name === "app" ? NO_CV_CSS : undefined }),
  );
  return { "gen-10000-no-cv": scenarioResult(sides, "control", ctx.runs, {}, [noCvNote("gen-10000 load"), ...notes]) };
}

async function expandAllNoCv(ctx) {
  const sides = { control: new Side(), app: new Side() };
  const notes = new Set();
  ctx.seen = (note) => notes.add(note);
  await interleave("expand-all-10000-no-cv", ctx.runs, sides, (name) =>
    measureExpandCollapse(ctx, { bypassCSP: true, css: name === "app" ? NO_CV_CSS : undefined }),
  );
  return splitExpandCollapse(sides, "control", ctx.runs, "-no-cv", [noCvNote("Expand all / Collapse all"), ...notes]);
}

// ---------------------------------------------------------------------------------------
// First paint on a slow phone: is the prerendered page readable before the wasm arrives?

// DevTools Protocol emulation, set on each page before it navigates. The network figures
// are "Slow 4G" (Lighthouse's mobile throttling: 150 ms, 1.6 Mbit/s down, 750 kbit/s up),
// applied as they are; the latency is added to every request by Chromium.
const THROTTLE = {
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

async function firstPaintThrottled(ctx) {
  const sides = Object.fromEntries(Object.keys(FIRST_PAINT_PAGES).map((k) => [k, new Side()]));
  const notes = new Set();
  await interleave("first-paint-throttled", ctx.runs, sides, async (name) => {
    const { file, wasm } = FIRST_PAINT_PAGES[name];
    const started = Date.now();
    const opened = await openPage(ctx.site + file, {
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

// Run order; each entry names the scenarios it writes, which --only may select by.
const SCENARIOS = [
  { names: ["bundled"], run: bundled },
  { names: ["first-paint-throttled"], run: firstPaintThrottled },
  { names: ["gen-1000"], run: genScenario(1000) },
  { names: ["gen-10000"], run: genScenario(10000) },
  { names: ["gen-100000"], run: genScenario(100000) },
  { names: ["fold-1000"], run: fold1000 },
  { names: ["expand-all-10000", "collapse-all-10000"], run: expandAll },
  { names: ["gen-10000-no-cv"], run: gen10000NoCv },
  { names: ["expand-all-10000-no-cv", "collapse-all-10000-no-cv"], run: expandAllNoCv },
];

// ---------------------------------------------------------------------------------------

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response.json();
}

function machine() {
  let osName = `${os.type()} ${os.release()}`;
  try {
    const pretty = readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?/m);
    if (pretty) osName = `${pretty[1]} (${os.type()} ${os.release()})`;
  } catch {}
  return {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memory_bytes: os.totalmem(),
    os: osName,
    load_average_start: os.loadavg()[0],
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const chosen = args.only ? SCENARIOS.filter((s) => s.names.some((n) => args.only.includes(n))) : SCENARIOS;
  const known = SCENARIOS.flatMap((s) => s.names);
  const unknown = (args.only ?? []).filter((n) => !known.includes(n));
  if (unknown.length) throw new Error(`unknown scenario ${unknown.join(", ")}; known: ${known.join(", ")}`);

  const started = new Date();
  const b = await getBrowser();
  const playwrightVersion = JSON.parse(readFileSync(path.join(HERE, "node_modules/playwright-core/package.json"), "utf8")).version;
  const result = {
    date: started.toISOString(),
    site: args.site,
    machine: machine(),
    versions: { chromium: b.version(), node: process.version, "playwright-core": playwrightVersion },
    runs: args.runs,
    scenarios: {},
  };
  log(`bench: ${result.versions.chromium}, ${args.runs} runs, ${chosen.flatMap((s) => s.names).join(", ")}`);

  // One unrecorded load of each page first: the first page a new browser opens pays for
  // starting its processes, which would otherwise land on whichever side runs first.
  for (const url of [args.site, args.site + "baseline.html"]) {
    const opened = await openPage(url, { cfg: {}, until: "firstComment", timeoutMs: 60000 });
    if (opened.outcome !== "ok") log(`bench: warm-up load of ${url}: ${opened.outcome}`);
    await opened.close();
  }

  const ctx = { site: args.site, runs: args.runs, seen: () => {} };
  for (const scenario of chosen) {
    const t = Date.now();
    Object.assign(result.scenarios, await scenario.run(ctx));
    log(`bench: ${scenario.names.join(", ")} done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  result.duration_s = (Date.now() - started.getTime()) / 1000;
  // Other work on the machine is the main source of noise: say how busy it was.
  result.machine.load_average_end = os.loadavg()[0];

  mkdirSync(path.dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(result, null, 2) + "\n");
  log(`bench: wrote ${args.out}`);
  await browser?.close().catch(() => {});
}

main().catch(async (e) => {
  // Only the harness's own failures end here: slow or failed pages are recorded, not thrown.
  console.error(`bench: ${e.stack || e}`);
  await browser?.close().catch(() => {});
  process.exit(1);
});
