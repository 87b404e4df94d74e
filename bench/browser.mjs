// Debian's Chromium through Playwright: launching it (again, should it die), opening a page
// with the probe installed, and running page work under a time limit, so that a slow,
// hung or crashed page becomes an outcome ("crash", "timeout", "error: …"), not an exception.

import { chromium } from "playwright-core";
import { pageProbe } from "./probe.mjs";

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
export const VIEWPORT = { width: 1280, height: 720 };

export class Browser {
  #browser = null;

  // The running browser, launched on first use. A renderer crash leaves the browser up;
  // an out-of-memory kill may not, and then the next page launches a new one.
  async get() {
    if (this.#browser && this.#browser.isConnected()) return this.#browser;
    this.#browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    return this.#browser;
  }

  async close() {
    await this.#browser?.close().catch(() => {});
  }

  // Opens `url` in a fresh context (so a cold HTTP cache, no saved folds) with the probe
  // installed, and waits for the probe field `until`. Returns the page to measure, or the
  // reason there is none ("crash", "timeout", "error: …"). The caller must call close().
  // `emulate` ({ network, cpu }) throttles the page over CDP before it navigates.
  async open(url, { cfg, until, timeoutMs, bypassCSP = false, emulate = null }) {
    const context = await (await this.get()).newContext({ viewport: VIEWPORT, bypassCSP });
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
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function classify(error, crashed) {
  const text = String(error?.message || error);
  if (crashed || /crash/i.test(text)) return "crash";
  if (/timeout/i.test(text)) return "timeout";
  return `error: ${text.split("\n")[0]}`;
}

// Runs fn(page) and turns a crash or a hang during it into an outcome, not an exception.
export async function guarded(opened, timeoutMs, fn) {
  let timer;
  const limit = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), timeoutMs)));
  try {
    return { outcome: "ok", value: await Promise.race([fn(opened.page), limit]) };
  } catch (e) {
    if (!/^timeout$/.test(e?.message)) await sleep(500); // see Browser.open
    return { outcome: classify(e, opened.crashed()) };
  } finally {
    clearTimeout(timer);
  }
}

