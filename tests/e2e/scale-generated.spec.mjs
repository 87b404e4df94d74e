// Scale: a generated discussion of 10,000 comments (threadgen, seed 1), served as
// ?data=gen-10000.json. Every count is worked out here from the file itself, with the
// app's rules: the first view, 100 siblings a page, 8 levels in the full view.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, comment, toggle, summary, idsOf } from './helpers.mjs';

const FILE = new URL('../../target/e2e/gen-10000.json', import.meta.url);
const URL_PATH = './?data=gen-10000.json';
/** The app's limits: src/folds.rs FIRST_VIEW, src/state.rs PAGE, src/route.rs DEPTH_CAP. */
const FIRST_VIEW = 150;
const PAGE = 100;
const DEPTH_CAP = 8;

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
  const comments = JSON.parse(text).comments;
  const byId = new Map(comments.map((c) => [c.id, c]));
  // Children in file order; a reply to a missing comment stands at the top level.
  const children = new Map(comments.map((c) => [c.id, []]));
  const roots = [];
  for (const c of comments) {
    if (c.parent !== null && byId.has(c.parent)) children.get(c.parent).push(c.id);
    else roots.push(c.id);
  }
  // Depth-first reading order (iterative: a chain can be thousands deep), depth, subtree size.
  const order = [];
  const depth = new Map();
  const stack = [...roots].reverse().map((id) => [id, 0]);
  while (stack.length) {
    const [id, d] = stack.pop();
    order.push(id);
    depth.set(id, d);
    for (const k of [...children.get(id)].reverse()) stack.push([k, d + 1]);
  }
  const descendants = new Map();
  for (const id of [...order].reverse()) {
    descendants.set(id, children.get(id).reduce((n, k) => n + 1 + descendants.get(k), 0));
  }
  // The first view: breadth-first from the top level, open while the replies fit. Only
  // the first page of a list is drawn, so only it counts.
  const open = new Set();
  const queue = roots.slice(0, PAGE);
  let drawn = queue.length;
  for (let q = 0; q < queue.length; q++) {
    const replies = children.get(queue[q]).slice(0, PAGE);
    if (replies.length === 0 || drawn + replies.length > FIRST_VIEW) continue;
    drawn += replies.length;
    open.add(queue[q]);
    queue.push(...replies);
  }
  const firstFolded = new Set(comments.map((c) => c.id).filter((id) => children.get(id).length > 0 && !open.has(id)));
  cached = { text, comments, byId, children, roots, order, depth, descendants, firstFolded };
  cached.firstView = drawnIds(cached, (id) => !firstFolded.has(id));
  return cached;
}

/** A fold toggle is drawn on comments with replies above the last level of the full view. */
function hasToggle(m, id) {
  return m.children.get(id).length > 0 && m.depth.get(id) < DEPTH_CAP - 1;
}

/** The comments the full view draws, in page order, when `isOpen(id)` says which are unfolded. */
function drawnIds(m, isOpen) {
  const out = [];
  const walk = (ids) => {
    for (const id of ids.slice(0, PAGE)) {
      out.push(id);
      if (hasToggle(m, id) && isOpen(id)) walk(m.children.get(id));
    }
  };
  walk(m.roots);
  return out;
}

/** "1 reply", "941 replies" (src/words.rs). */
function replies(n) {
  return n === 1 ? '1 reply' : `${n} replies`;
}

/** "a, b, c, d, e and 4 others": the authors of `id`'s branch, each once, in reading order. */
function hiddenFrom(m, id) {
  const start = m.order.indexOf(id) + 1;
  const branch = m.order.slice(start, start + m.descendants.get(id));
  const names = [...new Set(branch.map((k) => m.byId.get(k).author))];
  const shown = names.slice(0, 5);
  const rest = names.length - shown.length;
  if (rest === 0) return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return `${shown.join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
}

/** What each drawn toggle should say: [comment, aria-expanded, text], in page order. */
function expectedToggles(m, ids, isOpen) {
  return ids.filter((id) => hasToggle(m, id)).map((id) => {
    const expanded = isOpen(id);
    return [`comment-${id}`, String(expanded), `${expanded ? 'Hide' : 'Show'} ${replies(m.descendants.get(id))}`];
  });
}

/** What each drawn toggle says, in page order. */
function drawnToggles(page) {
  return page.locator('li.comment > .comment-card button.toggle').evaluateAll((buttons) => buttons.map((b) => [
    b.closest('li.comment').id, b.getAttribute('aria-expanded'), b.textContent.trim(),
  ]));
}

const count = (page) => page.locator('li.comment').count();
/** A toolbar button. Scoped to the toolbar: a role query over 8,000 comments is slow. */
const tool = (page, name) => page.locator('.toolbar').getByRole('button', { name });

test.beforeEach(async ({ page }) => {
  const { text } = model();
  await page.route('**/gen-10000.json', (route) => route.fulfill({ contentType: 'application/json', body: text }));
});

/** Opens the generated discussion (at `hash`, if given) and waits for the thread. */
async function open(page, hash = '') {
  await page.goto(`${URL_PATH}${hash}`);
  // Parsing 3 MB and building the thread takes a moment on a slow machine.
  await expect(page.locator('#discussion-title')).toHaveText('Reader comments (10000)', { timeout: 20_000 });
  await expect(page.locator('.load-error')).toHaveCount(0);
}

test('the 10,000-comment file opens with the first view, the rest folded', async ({ page }) => {
  const m = model();
  expect(m.comments.length).toBe(10000);
  await open(page);

  const isOpen = (id) => !m.firstFolded.has(id);
  const expected = m.firstView;
  // Some replies open, within the budget; the rest of the 10,000 wait behind folds.
  expect(expected.length).toBeGreaterThan(Math.min(m.roots.length, PAGE));
  expect(expected.length).toBeLessThanOrEqual(FIRST_VIEW);
  await expect(page.locator('li.comment')).toHaveCount(expected.length);
  expect(await idsOf(page.locator('li.comment'))).toEqual(expected.map((id) => `comment-${id}`));
  // Exactly the computed comments are folded, and each toggle names its whole branch.
  expect(await drawnToggles(page)).toEqual(expectedToggles(m, expected, isOpen));
  await expect(page.locator('li.comment > .comment-card p.folded-summary'))
    .toHaveCount(expected.filter((id) => hasToggle(m, id) && !isOpen(id)).length);

  // Nesting: every drawn reply sits in its parent's reply list.
  const parents = await page.locator('li.comment').evaluateAll((lis) => lis.map((li) => [
    li.id, li.parentElement.id, li.parentElement.closest('li.comment')?.id ?? null,
  ]));
  const expectedParents = expected.map((id) => {
    const p = m.byId.get(id).parent;
    return p === null ? [`comment-${id}`, '', null] : [`comment-${id}`, `replies-${p}`, `comment-${p}`];
  });
  expect(parents).toEqual(expectedParents);
});

test('the comment closest to 1,000 replies folds and unfolds, and remembers the folds inside it', async ({ page }) => {
  const m = model();
  const big = m.comments.map((c) => c.id)
    .reduce((a, b) => (Math.abs(m.descendants.get(b) - 1000) < Math.abs(m.descendants.get(a) - 1000) ? b : a));
  expect(hasToggle(m, big), `comment ${big} is drawn with a toggle`).toBe(true);
  const direct = m.children.get(big);
  // A reply of it that has replies and starts folded, to unfold inside it.
  const inner = direct.slice(0, PAGE).find((id) => hasToggle(m, id) && m.firstFolded.has(id));
  expect(inner, `a folded reply with replies under comment ${big}`).toBeDefined();

  await open(page, `#comment-${big}`);
  await expect(comment(page, big)).toBeInViewport();
  if (m.firstFolded.has(big)) await toggle(page, big).click();
  await expect(toggle(page, big)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, big)).toHaveText(`Hide ${replies(m.descendants.get(big))}`);
  expect(await idsOf(page.locator(`#replies-${big} > li.comment`)))
    .toEqual(direct.slice(0, PAGE).map((id) => `comment-${id}`));

  await toggle(page, inner).click();
  await expect(toggle(page, inner)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator(`#replies-${inner} > li.comment`)).toHaveCount(Math.min(m.children.get(inner).length, PAGE));

  await toggle(page, big).click();
  await expect(toggle(page, big)).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator(`#replies-${big}`)).toHaveCount(0);
  await expect(comment(page, inner)).toHaveCount(0);
  await expect(summary(page, big))
    .toHaveText(`${replies(m.descendants.get(big)).replace(' ', ' hidden ')} from ${hiddenFrom(m, big)}`);

  // The fold store outlives the unmounted branch: the inner reply comes back unfolded.
  await toggle(page, big).click();
  await expect(toggle(page, big)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, inner)).toHaveAttribute('aria-expanded', 'true');
  expect(await idsOf(page.locator(`#replies-${inner} > li.comment`)))
    .toEqual(m.children.get(inner).slice(0, PAGE).map((id) => `comment-${id}`));
});

test('Expand all draws the whole full view; Collapse all leaves the top level', async ({ page }) => {
  test.setTimeout(150_000);
  const m = model();
  const all = drawnIds(m, () => true);
  const top = m.roots.slice(0, PAGE);
  // More than the first view, fewer than the file: the depth cap hides the deep branches.
  expect(all.length).toBeGreaterThan(m.firstView.length);
  expect(all.length).toBeLessThan(m.comments.length);
  await open(page);
  await expect(page.locator('li.comment')).toHaveCount(m.firstView.length);

  await tool(page, 'Expand all').click();
  // Unfolds a batch per frame: wait for the last one, generously (about 15 s here, several
  // times that on a busy machine).
  await expect.poll(() => count(page), { timeout: 90_000 }).toBe(all.length);
  expect(await idsOf(page.locator('li.comment'))).toEqual(all.map((id) => `comment-${id}`));
  expect(await drawnToggles(page)).toEqual(expectedToggles(m, all, () => true));
  await expect(page.locator('p.folded-summary')).toHaveCount(0);

  await tool(page, 'Collapse all').click();
  await expect(page.locator('li.comment')).toHaveCount(top.length);
  expect(await idsOf(page.locator('li.comment'))).toEqual(top.map((id) => `comment-${id}`));
  expect(await drawnToggles(page)).toEqual(expectedToggles(m, top, () => false));
});

test('Expand all keeps the page answering, and Collapse all right after it stops it', async ({ page }) => {
  test.setTimeout(60_000);
  const m = model();
  const all = drawnIds(m, () => true);
  const top = m.roots.slice(0, PAGE);
  await open(page);
  await expect(page.locator('li.comment')).toHaveCount(m.firstView.length);
  // Notes how much was drawn when Collapse all is pressed: the expansion must still be
  // under way then, or there would be nothing to stop.
  await page.evaluate(() => document.querySelector('.toolbar').addEventListener('click', (event) => {
    if (event.target.textContent === 'Collapse all') window.drawnAtCollapse = document.querySelectorAll('li.comment').length;
  }, { capture: true }));

  await tool(page, 'Expand all').click();
  // A round trip into the page answers while it unfolds (nothing measured).
  expect(await page.evaluate(() => document.readyState)).toBe('complete');
  await tool(page, 'Collapse all').click();
  expect(await page.evaluate(() => window.drawnAtCollapse), 'drawn when Collapse all was pressed')
    .toBeLessThan(all.length);

  // Had the expansion gone on, later frames would draw more: wait until the count holds
  // for a second, then only the top level may be left.
  await expect.poll(async () => {
    const before = await count(page);
    await page.waitForTimeout(1000);
    return before === (await count(page)) ? before : -1;
  }, { timeout: 30_000 }).toBe(top.length);
  expect(await idsOf(page.locator('li.comment'))).toEqual(top.map((id) => `comment-${id}`));
  expect(await drawnToggles(page)).toEqual(expectedToggles(m, top, () => false));
});
