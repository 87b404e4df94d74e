// Shared helpers for the threadview end-to-end tests: the test fixture, the thread model
// of the bundled discussion, and every locator the specs share.
//
// Locators go by role and accessible name wherever the page has them. Comments are found
// by their `#comment-N` anchors, the page's public link targets. The few places that need
// the markup (a comment's own card as against its replies, its body, the state classes)
// are here and nowhere else.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import { COMMENTS } from './expected.mjs';
import { buildThread } from '../model/thread.mjs';

export { LIMITS } from '../model/limits.mjs';

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

/** The bundled discussion's thread (tests/model/thread.mjs over `COMMENTS`). */
export const THREAD = buildThread(COMMENTS);

/** Number of comments the page shows when everything is unfolded. */
export const TOTAL_COMMENTS = COMMENTS.length;

/** "1 reply", "8 replies" (core/src/words.rs). */
export function replies(n) {
  return n === 1 ? '1 reply' : `${n} replies`;
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------
// Opening the page

/** Opens the app (optionally at a hash such as '#comment-17') and waits until the thread is rendered. */
export async function openPage(page, hash = '') {
  await page.goto(`./${hash}`);
  await appTookOver(page);
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
}

/** A thread imported by `cargo xtask test` into target/e2e/: its text and its data. */
export function imported(name) {
  const file = new URL(`../../target/e2e/${name}`, import.meta.url);
  if (!existsSync(file)) {
    throw new Error(`${fileURLToPath(file)} is missing: \`cargo xtask test\` writes it.`);
  }
  const text = readFileSync(file, 'utf8');
  return { text, data: JSON.parse(text) };
}

/** Opens the app on an imported thread `name`, served as the page's ?data= file. */
export async function openImported(page, name, hash = '') {
  const { text } = imported(name);
  await page.route(`**/${name}`, (route) => route.fulfill({ contentType: 'application/json', body: text }));
  await page.goto(`./?data=${name}${hash}`);
  await appTookOver(page);
}

/** Waits until the app has replaced the page prerendered at build time (src/prerender.rs). */
export async function appTookOver(page) {
  await expect(page.locator('#prerendered')).toHaveCount(0, { timeout: 15_000 });
}

// ---------------------------------------------------------------------------------------
// Comments

/** Every comment drawn on the page, in page order. */
export function comments(page) {
  return page.locator('li.comment');
}

/** The top-level comments drawn (or the branch a branch view starts from), in page order. */
export function topLevelComments(page) {
  return page.getByRole('region', { name: /^Reader comments/ }).locator(':scope > ol > li.comment');
}

/** The comment `id` (its `#comment-N` anchor), replies included. */
export function comment(page, id) {
  return page.locator(`#comment-${id}`);
}

/** The drawn replies of comment `id`, in page order. */
export function repliesOf(page, id) {
  return replyList(page, id).locator(':scope > li.comment');
}

/**
 * The list of comment `id`'s replies, the one its fold button controls (`aria-controls`).
 * Its left gutter is the thread line, which folds the comment with a click.
 */
export function replyList(page, id) {
  return page.locator(`#replies-${id}`);
}

/** Comment `id`'s own card: its meta line, body and controls, without its replies. */
export function card(page, id) {
  return comment(page, id).locator(':scope > .comment-card');
}

/** The body text of comment `id`. */
export function body(page, id) {
  return card(page, id).locator('.comment-body');
}

/** The comments marked as the reader's place (at most one). */
export function currentComments(page) {
  return page.locator('li.comment.is-current');
}

/** The comments highlighted as written by the pressed author. */
export function byAuthorComments(page) {
  return page.locator('li.comment.by-author');
}

/** The name button of comment `id` ("Highlight every comment by …"). */
export function authorButton(page, id) {
  return card(page, id).getByTitle(/^Highlight every comment by /);
}

/** Every comment's name button. */
export function authorButtons(page) {
  return page.getByTitle(/^Highlight every comment by /);
}

/** The permalink of comment `id`, named "#N". */
export function permalink(page, id) {
  return comment(page, id).getByRole('link', { name: `#${id}`, exact: true });
}

/** The parent/top/previous/next links of comment `id`, in page order. */
export function navLinks(page, id) {
  return card(page, id).getByRole('link', { name: /^(Parent|Top of this thread|Previous|Next): comment / });
}

/** The "in reply to AUTHOR #N" line of comment `id`. */
export function replyContext(page, id) {
  return card(page, id).getByText(/^in reply to /);
}

/** The accessible name of every fold button: "Hide 8 replies to meanestgenius". */
export const TOGGLE_NAME = /^(Hide|Show) \d+ repl(y|ies) to /;

/**
 * The fold button of comment `id`, by its name ("Hide 8 replies to meanestgenius" or
 * "Show …"), computed from `thread` (the bundled discussion by default). Scoped to the
 * comment: no reply has as many replies as the comment itself, so the name is its own.
 */
export function toggle(page, id, thread = THREAD) {
  const n = thread.descendants(id);
  const author = escapeRegExp(thread.byId.get(id).author);
  return comment(page, id).getByRole('button', { name: new RegExp(`^(Hide|Show) ${replies(n)} to ${author}$`) });
}

/** Every fold button on the page; `{ expanded: false }` for the folded ones only. */
export function toggles(page, options = {}) {
  return page.getByRole('button', { name: TOGGLE_NAME, ...options });
}

/** What folded comment `id` says it hides: "8 hidden replies from Fred3, …". */
export function summary(page, id, thread = THREAD) {
  const hidden = replies(thread.descendants(id)).replace(' ', ' hidden ');
  return comment(page, id).getByText(new RegExp(`^${hidden} from `));
}

/** Every folded summary on the page. */
export function summaries(page) {
  return page.getByText(/^\d+ hidden repl(y|ies) from /);
}

/** The "Unfold all below" button of comment `id`, named "Unfold all below comment N (…)". */
export function unfoldBelow(page, id) {
  return page.getByRole('button', { name: new RegExp(`^Unfold all below comment ${id} \\(`) });
}

/** Asserts that comment `id` is the reader's current comment: the only one marked, focused, in view, in the URL. */
export async function expectCurrent(page, id) {
  await expect(page).toHaveURL(new RegExp(`/news/threadview/(\\?[^#]*)?#comment-${id}$`));
  await expect(comment(page, id)).toHaveClass(/\bis-current\b/);
  await expect(currentComments(page)).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`comment-${id}`);
  await expect(comment(page, id)).toBeInViewport();
}

// ---------------------------------------------------------------------------------------
// Tools around the thread

/**
 * A button of the "Folding" group ("Expand all", "Collapse all", "Reset saved folds").
 * The group is found first: a role query for a button over a page of thousands of
 * comments is slow.
 */
export function tool(page, name) {
  return page.getByRole('group', { name: 'Folding' }).getByRole('button', { name, exact: true });
}

/** The search field. */
export function searchField(page) {
  return page.getByRole('searchbox', { name: 'Search comments' });
}

/** The search's status line ("4 matches", "1 of 4 matches"). */
export function searchStatus(page) {
  return page.getByRole('search').getByRole('status');
}

/** The participants region, named "Participants (N)". */
export function participants(page) {
  return page.getByRole('region', { name: /^Participants \(\d+\)$/ });
}

/** The keyboard shortcuts dialog (pass `{ includeHidden: true }` to find it closed). */
export function shortcutsDialog(page, options = {}) {
  return page.getByRole('dialog', { name: 'Keyboard shortcuts', ...options });
}

/** A radio button of the theme switch. */
export function themeRadio(page, name) {
  return page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name, exact: true });
}

// ---------------------------------------------------------------------------------------
// Loading and load errors

/** The loading line shown while discussion.json is on its way (without a prerendered page). */
export function loadingStatus(page) {
  return page.getByRole('status').filter({ hasText: /^Loading the discussion/ });
}

/** The error screen. */
export function loadError(page) {
  return page.getByRole('alert');
}

/** The error screen's Retry button. */
export function retryButton(page) {
  return loadError(page).getByRole('button', { name: 'Retry', exact: true });
}

/**
 * Asserts the error screen is shown in place of the page, and names `file`; returns the
 * locator of its detail line. `timeout` is how long to wait for it to appear.
 */
export async function expectLoadError(page, { file = 'discussion.json', timeout } = {}) {
  const alert = loadError(page);
  await expect(alert).toBeVisible({ timeout });
  await expect(alert).toHaveCount(1);
  await expect(alert.getByRole('heading', { level: 1 })).toHaveText('The discussion could not be loaded');
  await expect(retryButton(page)).toBeVisible();
  // The error replaced the prerendered page and its comments, and no loading line is left.
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('#app[hidden]')).toHaveCount(0);
  await expect(comments(page)).toHaveCount(0);
  await expect(loadingStatus(page)).toHaveCount(0);
  const detail = alert.getByRole('paragraph');
  await expect(detail).toContainText(file);
  return detail;
}

/** The `id` attributes of the elements matched by `locator`, in document order. */
export async function idsOf(locator) {
  return locator.evaluateAll((els) => els.map((el) => el.id));
}
