// Shared helpers for the threadview end-to-end tests.
import { test as base, expect } from '@playwright/test';
import { COMMENTS } from './expected.mjs';

// `test` fails a test when the page logs a console error or throws an uncaught
// exception. A spec that provokes failed requests on purpose (e.g. a 404) opts out of
// the console check with `test.use({ allowConsoleErrors: true })`; uncaught page errors
// (a Rust panic, a JS exception) fail the test regardless.
export const test = base.extend({
  allowConsoleErrors: [false, { option: true }],

  failOnErrors: [
    async ({ page, allowConsoleErrors }, use) => {
      const errors = collectErrors(page);
      await use(errors);
      const fatal = allowConsoleErrors ? errors.filter((e) => e.startsWith('pageerror')) : errors;
      expect(fatal, `console errors / page errors:\n${fatal.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Records console errors and uncaught page errors into the returned array. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}

/** Number of comments the page shows when everything is unfolded. */
export const TOTAL_COMMENTS = COMMENTS.length;

/** Opens the app (optionally at a hash such as '#comment-17') and waits until the thread is rendered. */
export async function openPage(page, hash = '') {
  await page.goto(`./${hash}`);
  await appTookOver(page);
  await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
}

/** Waits until the app has replaced the page prerendered at build time (src/prerender.rs). */
export async function appTookOver(page) {
  await expect(page.locator('#prerendered')).toHaveCount(0, { timeout: 15_000 });
}

/** The `li.comment` of comment `id`. */
export function comment(page, id) {
  return page.locator(`#comment-${id}`);
}

/** The fold/unfold button of comment `id` (only comments with replies have one). */
export function toggle(page, id) {
  return page.locator(`#comment-${id} > .comment-card button.toggle`);
}

/** The folded summary of comment `id`. */
export function summary(page, id) {
  return page.locator(`#comment-${id} > .comment-card p.folded-summary`);
}

/** Ids of the direct reply comments of `id` (or the top-level comments when `id` is null), in page order. */
export function childrenOf(id) {
  return COMMENTS.filter((c) => c.parent === id).map((c) => c.id);
}

/** Ids of all descendants of comment `id`, in page order. */
export function descendantsOf(id) {
  const out = [];
  for (const child of childrenOf(id)) out.push(child, ...descendantsOf(child));
  return COMMENTS.map((c) => c.id).filter((x) => out.includes(x));
}

/** Nesting depth of comment `id` (0 for top level). */
export function depthOf(id) {
  let depth = 0;
  for (let c = COMMENTS.find((x) => x.id === id); c.parent !== null; depth++) {
    c = COMMENTS.find((x) => x.id === c.parent);
  }
  return depth;
}

/** Author of comment `id`. */
export function authorOf(id) {
  return COMMENTS.find((c) => c.id === id).author;
}

/** The `id` attributes of the elements matched by `locator`, in document order. */
export async function idsOf(locator) {
  return locator.evaluateAll((els) => els.map((el) => el.id));
}
