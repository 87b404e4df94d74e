// Scale: a generated discussion of 10,000 comments (threadgen, seed 1), served as
// ?data=gen-10000.json. Every count is worked out from the file itself by the shared
// thread model (tests/model/thread.mjs) with the app's limits (LIMITS): the first view,
// PAGE siblings at a time, DEPTH_CAP levels in the full view.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  test, expect, comment, comments, repliesOf, replyList, toggle, summary, summaries, tool, idsOf,
  replies, LIMITS,
} from './helpers.mjs';
import {
  buildThread, firstFolded, firstView as firstViewOf, hasToggle as drawsToggle, drawnIds as drawn,
} from '../model/thread.mjs';

const FILE = new URL('../../target/e2e/gen-10000.json', import.meta.url);
const URL_PATH = './?data=gen-10000.json';
const { FIRST_VIEW, PAGE } = LIMITS;

/** The generated file and what the page should make of it, read once per worker. */
let cached = null;
function model() {
  if (cached) return cached;
  if (!existsSync(FILE)) {
    throw new Error(
      `${fileURLToPath(FILE)} is missing. \`cargo xtask test\` writes it; or, from the repository root: `
      + 'cargo run --release -q -p threadgen -- --seed 1 --size 10000 --out target/e2e/gen-10000.json',
    );
  }
  const text = readFileSync(FILE, 'utf8');
  const thread = buildThread(JSON.parse(text).comments);
  cached = { text, thread, firstFolded: firstFolded(thread, LIMITS), firstView: firstViewOf(thread, LIMITS) };
  return cached;
}

/** A fold button is drawn on comments with replies above the last level of the full view. */
function hasToggle(thread, id) {
  return drawsToggle(thread, id, LIMITS);
}

/** The comments the full view draws, in page order, when `isOpen(id)` says which are unfolded. */
function drawnIds(thread, isOpen) {
  return drawn(thread, isOpen, LIMITS);
}

/** "a, b, c, d, e and 4 others": the authors of `id`'s branch, each once, in reading order (core/src/words.rs). */
function hiddenFrom(thread, id) {
  const names = thread.authors(id);
  const shown = names.slice(0, 5);
  const rest = names.length - shown.length;
  if (rest === 0) return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return `${shown.join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
}

/** What each drawn fold button should say: [comment, aria-expanded, text], in page order. */
function expectedToggles(thread, ids, isOpen) {
  return ids.filter((id) => hasToggle(thread, id)).map((id) => {
    const expanded = isOpen(id);
    return [`comment-${id}`, String(expanded), `${expanded ? 'Hide' : 'Show'} ${replies(thread.descendants(id))}`];
  });
}

/**
 * What each drawn fold button says, in page order. By the disclosure pattern's
 * attributes, not by role and name: a role query over thousands of comments is slow.
 */
function drawnToggles(page) {
  return page.locator('button[aria-expanded][aria-controls^="replies-"]').evaluateAll((buttons) => buttons.map((b) => [
    b.closest('li.comment').id, b.getAttribute('aria-expanded'), b.textContent.trim(),
  ]));
}

const count = (page) => comments(page).count();

test.beforeEach(async ({ page }) => {
  const { text } = model();
  await page.route('**/gen-10000.json', (route) => route.fulfill({ contentType: 'application/json', body: text }));
});

/** Opens the generated discussion (at `hash`, if given) and waits for the thread. */
async function open(page, hash = '') {
  await page.goto(`${URL_PATH}${hash}`);
  // Parsing 3 MB and building the thread takes a moment on a slow machine.
  await expect(page.getByRole('heading', { name: 'Reader comments (10000)', exact: true }))
    .toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
}

test('the 10,000-comment file opens with the first view, the rest folded', async ({ page }) => {
  const { thread, firstFolded: folded, firstView } = model();
  expect(thread.comments.length).toBe(10000);
  await open(page);

  const isOpen = (id) => !folded.has(id);
  const expected = firstView;
  // Some replies open, within the budget; the rest of the 10,000 wait behind folds.
  expect(expected.length).toBeGreaterThan(Math.min(thread.roots.length, PAGE));
  expect(expected.length).toBeLessThanOrEqual(FIRST_VIEW);
  await expect(comments(page)).toHaveCount(expected.length);
  expect(await idsOf(comments(page))).toEqual(expected.map((id) => `comment-${id}`));
  // Exactly the computed comments are folded, and each fold button names its whole branch.
  expect(await drawnToggles(page)).toEqual(expectedToggles(thread, expected, isOpen));
  await expect(summaries(page)).toHaveCount(expected.filter((id) => hasToggle(thread, id) && !isOpen(id)).length);

  // Nesting: every drawn reply sits in its parent's reply list.
  const parents = await comments(page).evaluateAll((lis) => lis.map((li) => [
    li.id, li.parentElement.id, li.parentElement.closest('li.comment')?.id ?? null,
  ]));
  const expectedParents = expected.map((id) => {
    const p = thread.parent(id);
    return p === null ? [`comment-${id}`, '', null] : [`comment-${id}`, `replies-${p}`, `comment-${p}`];
  });
  expect(parents).toEqual(expectedParents);
});

test('the comment closest to 1,000 replies folds and unfolds, and remembers the folds inside it', async ({ page }) => {
  const { thread, firstFolded: folded } = model();
  const big = thread.order
    .reduce((a, b) => (Math.abs(thread.descendants(b) - 1000) < Math.abs(thread.descendants(a) - 1000) ? b : a));
  expect(hasToggle(thread, big), `comment ${big} is drawn with a fold button`).toBe(true);
  const direct = thread.children(big);
  // A reply of it that has replies and starts folded, to unfold inside it.
  const inner = direct.slice(0, PAGE).find((id) => hasToggle(thread, id) && folded.has(id));
  expect(inner, `a folded reply with replies under comment ${big}`).toBeDefined();

  await open(page, `#comment-${big}`);
  await expect(comment(page, big)).toBeInViewport();
  if (folded.has(big)) await toggle(page, big, thread).click();
  await expect(toggle(page, big, thread)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, big, thread)).toHaveText(`Hide ${replies(thread.descendants(big))}`);
  expect(await idsOf(repliesOf(page, big))).toEqual(direct.slice(0, PAGE).map((id) => `comment-${id}`));

  await toggle(page, inner, thread).click();
  await expect(toggle(page, inner, thread)).toHaveAttribute('aria-expanded', 'true');
  await expect(repliesOf(page, inner)).toHaveCount(Math.min(thread.children(inner).length, PAGE));

  await toggle(page, big, thread).click();
  await expect(toggle(page, big, thread)).toHaveAttribute('aria-expanded', 'false');
  await expect(replyList(page, big)).toHaveCount(0);
  await expect(comment(page, inner)).toHaveCount(0);
  await expect(summary(page, big, thread))
    .toHaveText(`${replies(thread.descendants(big)).replace(' ', ' hidden ')} from ${hiddenFrom(thread, big)}`);

  // The fold store outlives the unmounted branch: the inner reply comes back unfolded.
  await toggle(page, big, thread).click();
  await expect(toggle(page, big, thread)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, inner, thread)).toHaveAttribute('aria-expanded', 'true');
  expect(await idsOf(repliesOf(page, inner)))
    .toEqual(thread.children(inner).slice(0, PAGE).map((id) => `comment-${id}`));
});

test('Expand all draws the whole full view; Collapse all leaves the top level', async ({ page }) => {
  test.setTimeout(150_000);
  const { thread, firstView } = model();
  const all = drawnIds(thread, () => true);
  const top = thread.roots.slice(0, PAGE);
  // More than the first view, fewer than the file: the depth cap hides the deep branches.
  expect(all.length).toBeGreaterThan(firstView.length);
  expect(all.length).toBeLessThan(thread.comments.length);
  await open(page);
  await expect(comments(page)).toHaveCount(firstView.length);

  await tool(page, 'Expand all').click();
  // Unfolds a batch per frame: wait for the last one, generously (about 15 s here, several
  // times that on a busy machine).
  await expect(comments(page)).toHaveCount(all.length, { timeout: 90_000 });
  expect(await idsOf(comments(page))).toEqual(all.map((id) => `comment-${id}`));
  expect(await drawnToggles(page)).toEqual(expectedToggles(thread, all, () => true));
  await expect(summaries(page)).toHaveCount(0);

  await tool(page, 'Collapse all').click();
  await expect(comments(page)).toHaveCount(top.length);
  expect(await idsOf(comments(page))).toEqual(top.map((id) => `comment-${id}`));
  expect(await drawnToggles(page)).toEqual(expectedToggles(thread, top, () => false));
});

test('Expand all keeps the page answering, and Collapse all right after it stops it', async ({ page }) => {
  test.setTimeout(60_000);
  const { thread, firstView } = model();
  const all = drawnIds(thread, () => true);
  const top = thread.roots.slice(0, PAGE);
  await open(page);
  await expect(comments(page)).toHaveCount(firstView.length);
  // Notes how much was drawn when Collapse all is pressed: the expansion must still be
  // under way then, or there would be nothing to stop.
  await page.evaluate(() => document.addEventListener('click', (event) => {
    if (event.target.textContent === 'Collapse all') window.drawnAtCollapse = document.querySelectorAll('li.comment').length;
  }, { capture: true }));

  await tool(page, 'Expand all').click();
  // A round trip into the page answers while it unfolds (nothing measured).
  expect(await page.evaluate(() => document.readyState)).toBe('complete');
  await tool(page, 'Collapse all').click();
  expect(await page.evaluate(() => window.drawnAtCollapse), 'drawn when Collapse all was pressed')
    .toBeLessThan(all.length);

  await expect(comments(page)).toHaveCount(top.length);
  // The expansion drew a batch per frame: had it gone on, the next frames would draw more.
  // So let a few frames go by (frames, not a fixed time: they are what the expansion runs
  // on), then only the top level may be left.
  const afterFrames = await page.evaluate(async () => {
    for (let i = 0; i < 5; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    return document.querySelectorAll('li.comment').length;
  });
  expect(afterFrames).toBe(top.length);
  expect(await idsOf(comments(page))).toEqual(top.map((id) => `comment-${id}`));
  expect(await drawnToggles(page)).toEqual(expectedToggles(thread, top, () => false));
});
