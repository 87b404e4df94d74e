// The thread overview: one mark per comment, in reading order, each a link to it; marks
// show the current comment, search matches and the highlighted author.
import {
  test, expect, openPage, comment, toggle, authorButton, searchField, THREAD,
} from './helpers.mjs';

const ORDER = THREAD.order;

/** The overview: a navigation landmark. */
function overview(page) {
  return page.getByRole('navigation', { name: 'Thread overview' });
}

/** The disclosure that holds it, opened and closed by its summary "Thread overview". */
function panel(page) {
  return page.locator('details').filter({ has: page.getByText('Thread overview', { exact: true }) });
}

/** Opens the overview panel if it is closed (it starts closed on narrow screens). */
async function openOverview(page) {
  await expect(panel(page)).toHaveCount(1);
  if (!(await panel(page).evaluate((d) => d.open))) await page.getByText('Thread overview', { exact: true }).click();
  await expect(overview(page)).toBeVisible();
  return overview(page);
}

/** The mark of comment `id`: a link to its anchor. */
/** Mark `id`: a link while its comment is on the page, a button that goes there while not. */
function mark(page, id) {
  return overview(page).locator('a.mark').filter({ hasText: new RegExp(`^#${id} `) });
}

/** Every mark, in order. */
function marks(page) {
  return overview(page).locator('a.mark');
}

/** Whether the mark of comment `id`, or a shape inside it, has class `cls`. */
function markHas(page, id, cls) {
  return mark(page, id).evaluate((a, c) => a.classList.contains(c) || a.querySelector(`.${c}`) !== null, cls);
}

/** Ids of the marks having class `cls` (on the mark or a shape inside it). */
function marksWith(page, cls) {
  return marks(page).evaluateAll((as, c) => as
    .filter((a) => a.classList.contains(c) || a.querySelector(`.${c}`) !== null)
    .map((a) => Number(a.querySelector('title').textContent.match(/^#(\d+) /)[1])), cls);
}

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

test('13 marks, one per comment, in reading order, inside the overview panel', async ({ page }) => {
  const nav = await openOverview(page);
  await expect(panel(page).getByRole('navigation', { name: 'Thread overview' })).toHaveCount(1);
  await expect(nav.locator('svg')).toHaveCount(1);
  await expect(marks(page)).toHaveCount(ORDER.length);
  const hrefs = await marks(page).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(ORDER.map((id) => `#comment-${id}`));
  // Each mark names its comment for screen readers.
  await expect(mark(page, 17)).toHaveAccessibleName(/#17 Venom/);
});

test('clicking mark 17 goes to comment 17: current, in view, and marked current', async ({ page }) => {
  await openOverview(page);
  await mark(page, 17).click();
  await expect(page).toHaveURL(/#comment-17$/);
  await expect(comment(page, 17)).toHaveClass(/\bis-current\b/);
  await expect(comment(page, 17)).toBeInViewport();
  await expect.poll(() => marksWith(page, 'current')).toEqual([17]);
  await expect(mark(page, 17)).toHaveAttribute('aria-current', 'location');
});

test('a mark of a folded-away comment unfolds it', async ({ page }) => {
  await toggle(page, 13).click();
  await toggle(page, 1).click();
  await expect(comment(page, 17)).toHaveCount(0);
  await openOverview(page);
  // The overview still shows every comment, folded or not.
  await expect(marks(page)).toHaveCount(ORDER.length);
  // 17 is not on the page: its mark is a button that goes there, not a link without a target.
  await expect(mark(page, 17)).toHaveAttribute('role', 'button');
  await expect(mark(page, 17)).not.toHaveAttribute('href', /./);
  await expect(mark(page, 2)).toHaveAttribute('href', '#comment-2');
  await mark(page, 17).click();
  await expect(comment(page, 17)).toBeVisible();
  await expect(comment(page, 17)).toBeInViewport();
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
});

test('the current mark follows the keyboard', async ({ page }) => {
  await openOverview(page);
  await page.keyboard.press('j');
  await expect.poll(() => marksWith(page, 'current')).toEqual([1]);
  await page.keyboard.press('j');
  await expect.poll(() => marksWith(page, 'current')).toEqual([3]);
});

test('search matches are marked while searching, and unmarked after', async ({ page }) => {
  await openOverview(page);
  await expect.poll(() => marksWith(page, 'match')).toEqual([]);
  await searchField(page).fill('Google');
  await expect.poll(() => marksWith(page, 'match')).toEqual([14, 17, 15, 16]);
  expect(await markHas(page, 1, 'match')).toBe(false);
  await searchField(page).fill('');
  await expect.poll(() => marksWith(page, 'match')).toEqual([]);
});

test('the highlighted author’s comments are marked', async ({ page }) => {
  await openOverview(page);
  await authorButton(page, 11).click();
  await expect.poll(() => marksWith(page, 'by-author')).toEqual([13, 17, 12, 11]);
});

test('on a wide screen the overview panel starts open', async ({ page }) => {
  await expect(panel(page)).toHaveAttribute('open', '');
  await expect(overview(page).locator('svg')).toBeVisible();
});

test.describe('phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the overview starts folded away and opens from its summary', async ({ page }) => {
    await expect(panel(page)).not.toHaveAttribute('open');
    await expect(overview(page)).toBeHidden();
    await page.getByText('Thread overview', { exact: true }).click();
    await expect(panel(page)).toHaveAttribute('open', '');
    await expect(marks(page)).toHaveCount(ORDER.length);
    await mark(page, 16).click();
    await expect(comment(page, 16)).toHaveClass(/\bis-current\b/);
    await expect(comment(page, 16)).toBeInViewport();
  });
});
