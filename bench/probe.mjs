// The in-page probe: what every measured page gets before any of its own scripts
// (Playwright's init script, injected over CDP, so the app's CSP does not apply to it). It
// must be self-contained: it is serialised into the page. `cfg` says what this page load
// watches for. Everything it measures is taken with performance.now() inside the page, and
// "next frame" is requestAnimationFrame, then a MessageChannel message posted from that
// callback: the message runs after the frame's style, layout and paint.
//
// The node side reads it through window.__bench (see browser.mjs and scenarios/).

export function pageProbe(cfg) {
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
