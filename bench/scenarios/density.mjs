// density: how much a comment shows besides its text. For every comment with no replies,
// the height of its card minus the height of its text blocks (the header, the reply
// context, the actions and any notice), on the bundled discussion and on two imported real
// threads (hn.json, reddit.json in the site), at a desktop and a phone width. Layout, not
// timing: one load of each page at each width, whatever --runs says.

import { median } from "../stats.mjs";
import { log } from "../measure.mjs";

// The goal: at most this many CSS pixels besides the text, by viewport width.
const VIEWPORTS = [
  { width: 1280, height: 900, goal: 48 },
  { width: 390, height: 844, goal: 64 },
];

const PAGES = [
  { page: "bundled", path: "./" },
  { page: "hn", path: "./?data=hn.json" },
  { page: "reddit", path: "./?data=reddit.json" },
];

const TIMEOUT_MS = 60000;

// In the page: every drawn comment with no replies (no toggle, no reply list), card height
// minus text height. Cards off screen may be skipped by `content-visibility: auto` (and
// then measure as their placeholder size), so every card is made visible first.
function measureInPage() {
  const leaves = [...document.querySelectorAll("li.comment")].filter(
    (li) => !li.querySelector(":scope > .comment-card button.toggle") && !li.querySelector(":scope > ol.replies"),
  );
  const pairs = leaves
    .map((li) => [li.querySelector(":scope > .comment-card"), li.querySelector(":scope > .comment-card .comment-body")])
    .filter(([card, body]) => card && body);
  for (const [card] of pairs) card.style.contentVisibility = "visible";
  return {
    comments: document.querySelectorAll("li.comment").length,
    chrome: pairs.map(([card, body]) => card.getBoundingClientRect().height - body.getBoundingClientRect().height),
  };
}

async function measurePage(ctx, { page: name, path }, viewport) {
  const url = new URL(path, ctx.site).href;
  const context = await (await ctx.browser.get()).newContext({ viewport: { width: viewport.width, height: viewport.height } });
  const errors = [];
  try {
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e.message || e).slice(0, 200)));
    await page.goto(url, { waitUntil: "load", timeout: TIMEOUT_MS });
    // The app has taken over: the prerendered copy is gone and the app's comments are drawn.
    await page.waitForFunction(() => !document.getElementById("prerendered") && document.querySelector("li.comment"), null, {
      timeout: TIMEOUT_MS,
      polling: 100,
    });
    // Fonts in, and two frames so any class the app sets after drawing (lazy-cards) is set.
    await page.evaluate(async () => {
      await document.fonts.ready;
      for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => r()));
    });
    const { comments, chrome } = await page.evaluate(measureInPage);
    const sorted = [...chrome].sort((a, b) => a - b);
    const round = (v) => (v == null ? null : Math.round(v * 100) / 100);
    const med = sorted.length ? round(median(sorted)) : null;
    return {
      page: name,
      url: path,
      width: viewport.width,
      height: viewport.height,
      outcome: "ok",
      comments,
      count: sorted.length,
      median: med,
      min: round(sorted[0] ?? null),
      max: round(sorted.at(-1) ?? null),
      goal: viewport.goal,
      met: med == null ? null : med <= viewport.goal,
      errors,
    };
  } catch (e) {
    const text = String(e?.message || e).split("\n")[0];
    return { page: name, url: path, width: viewport.width, height: viewport.height, outcome: /timeout/i.test(text) ? "timeout" : `error: ${text}`, goal: viewport.goal, met: null, errors };
  } finally {
    await context.close().catch(() => {});
  }
}

export async function density(ctx) {
  const rows = [];
  for (const page of PAGES) {
    for (const viewport of VIEWPORTS) {
      const row = await measurePage(ctx, page, viewport);
      rows.push(row);
      const figures = row.outcome === "ok" ? `  ${row.count} comments without replies, median ${row.median} px, max ${row.max} px (goal ≤ ${row.goal} px)` : "";
      log(`[density] ${row.page} at ${row.width} px: ${row.outcome}${figures}`);
    }
  }
  return {
    density: {
      rows,
      notes: [
        "Per comment with no replies (no toggle button, no reply list): the height of its .comment-card minus the height of its .comment-body, in CSS pixels; count, median, min and max over those comments as first drawn. One load per page and width; layout, not timing.",
        "Every card is set to content-visibility: visible before measuring, so cards off screen are laid out at their real height rather than their placeholder size.",
      ],
    },
  };
}
