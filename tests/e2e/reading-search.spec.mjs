// Searching the comments: counts, <mark>, dimming, unfolding what hides a match,
// stepping through matches, and giving the reader's folds back when cleared.
import { readFileSync } from 'node:fs';
import {
  test, expect, openPage, comment, comments, currentComments, body, authorButton, toggle, toggles, searchField,
  searchStatus, idsOf, THREAD, TOTAL_COMMENTS,
} from './helpers.mjs';
import { buildThread } from '../model/thread.mjs';

// The data file the app serves, read at test time so the expected counts follow it.
const DATA = JSON.parse(readFileSync(new URL('../../data/discussion.json', import.meta.url), 'utf8'));
const FILE_THREAD = buildThread(DATA.comments);

/** Ids, in reading order, of the comments whose author or body contains `query` (any case). */
function matchesOf(query) {
  const q = query.toLowerCase();
  return FILE_THREAD.order.filter((id) => {
    const c = FILE_THREAD.byId.get(id);
    return c.author.toLowerCase().includes(q) || c.body.toLowerCase().includes(q);
  });
}

const GOOGLE = matchesOf('Google');

const field = searchField;
const status = searchStatus;

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

test('the data has the expected Google matches', () => {
  // The file holds the page's comments, in the same reading order.
  expect(FILE_THREAD.order).toEqual(THREAD.order);
  expect(GOOGLE).toEqual([14, 17, 15, 16]);
});

test('"Google" counts its matches, marks them and dims the rest', async ({ page }) => {
  await expect(status(page)).toHaveText('');
  await field(page).fill('Google');
  await expect(status(page)).toHaveText(`${GOOGLE.length} matches`);

  expect(await idsOf(comments(page).and(page.locator('.search-hit')))).toEqual(GOOGLE.map((id) => `comment-${id}`));
  await expect(comments(page).and(page.locator('.search-miss'))).toHaveCount(TOTAL_COMMENTS - GOOGLE.length);
  for (const id of GOOGLE) {
    await expect(body(page, id).locator('mark').first()).toHaveText(/^google$/i);
  }
  // Each mark holds exactly the match; the text around it is unchanged.
  await expect(body(page, 17)).toHaveText(FILE_THREAD.byId.get(17).body);
  await expect(body(page, 1).locator('mark')).toHaveCount(0);
  await expect(page.locator('mark', { hasNotText: /^google$/i })).toHaveCount(0);
});

test('case does not matter, and authors are searched too', async ({ page }) => {
  await field(page).fill('gOOgle');
  await expect(status(page)).toHaveText(`${GOOGLE.length} matches`);

  await field(page).fill('fred3');
  const fred = matchesOf('fred3');
  expect(fred).toEqual([3]);
  await expect(status(page)).toHaveText('1 match');
  await expect(authorButton(page, 3).locator('mark')).toHaveText('Fred3');

  await field(page).fill('zzzz-no-such-text');
  await expect(status(page)).toHaveText('No matches');
  await expect(page.getByRole('button', { name: 'Next match' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Previous match' })).toBeDisabled();
});

test('matches inside folded threads are unfolded, even if folded before', async ({ page }) => {
  await toggle(page, 13).click();
  await toggle(page, 1).click();
  await toggle(page, 11).click();
  await expect(comment(page, 14)).toHaveCount(0);
  await expect(comment(page, 16)).toHaveCount(0);

  await field(page).fill('Google');
  await expect(status(page)).toHaveText(`${GOOGLE.length} matches`);
  for (const id of GOOGLE) await expect(comment(page, id)).toBeVisible();
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 11)).toHaveAttribute('aria-expanded', 'true');
  // 3 has no match below it: it stays as it was (open).
  await expect(toggle(page, 3)).toHaveAttribute('aria-expanded', 'true');
});

test('Next match goes to the first match; stepping wraps around', async ({ page }) => {
  await field(page).fill('Google');
  const next = page.getByRole('button', { name: 'Next match' });
  const previous = page.getByRole('button', { name: 'Previous match' });

  await next.click();
  await expect(status(page)).toHaveText(`1 of ${GOOGLE.length} matches`);
  await expect(comment(page, GOOGLE[0])).toHaveClass(/\bis-current\b/);
  await expect(currentComments(page)).toHaveCount(1);
  await expect(comment(page, GOOGLE[0])).toBeInViewport();
  await expect(page).toHaveURL(new RegExp(`#comment-${GOOGLE[0]}$`));

  await next.click();
  await expect(status(page)).toHaveText(`2 of ${GOOGLE.length} matches`);
  await expect(comment(page, GOOGLE[1])).toHaveClass(/\bis-current\b/);

  await previous.click();
  await previous.click();
  await expect(status(page)).toHaveText(`${GOOGLE.length} of ${GOOGLE.length} matches`);
  await expect(comment(page, GOOGLE.at(-1))).toHaveClass(/\bis-current\b/);
  await expect(comment(page, GOOGLE.at(-1))).toBeInViewport();

  await next.click();
  await expect(status(page)).toHaveText(`1 of ${GOOGLE.length} matches`);
});

test('Enter in the field goes to the first match, Shift+Enter to the last', async ({ page }) => {
  await field(page).click();
  await page.keyboard.type('Google');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(`1 of ${GOOGLE.length} matches`);
  await expect(comment(page, GOOGLE[0])).toHaveClass(/\bis-current\b/);
  await expect(comment(page, GOOGLE[0])).toBeInViewport();

  await field(page).fill('Google');
  await expect(status(page)).toHaveText(`${GOOGLE.length} matches`);
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(`${GOOGLE.length} of ${GOOGLE.length} matches`);
  await expect(comment(page, GOOGLE.at(-1))).toHaveClass(/\bis-current\b/);
});

test('pressing Enter again in the field goes on to the next match', async ({ page }) => {
  await field(page).click();
  await page.keyboard.type('Google');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(`1 of ${GOOGLE.length} matches`);
  // A reader keeps pressing Enter to go on, as in any find bar.
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(`2 of ${GOOGLE.length} matches`);
  await expect(comment(page, GOOGLE[1])).toHaveClass(/\bis-current\b/);
  await page.keyboard.press('Shift+Enter');
  await expect(status(page)).toHaveText(`1 of ${GOOGLE.length} matches`);
  // Nothing got folded on the way: every match is still on screen.
  await expect(toggles(page, { expanded: false })).toHaveCount(0);
  for (const id of GOOGLE) await expect(comment(page, id)).toBeVisible();
});

test('typing again resets the position to the count', async ({ page }) => {
  await field(page).fill('Google');
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(status(page)).toHaveText(`1 of ${GOOGLE.length} matches`);
  await field(page).fill('Googl');
  await expect(status(page)).toHaveText(`${matchesOf('Googl').length} matches`);
});

test('clearing the search restores the folds the reader had, exactly', async ({ page }) => {
  await toggle(page, 1).click();
  await toggle(page, 2).click();
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - THREAD.descendants(1) - 1);

  await field(page).fill('Google');
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');

  await field(page).fill('');
  await expect(status(page)).toHaveText('');
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 2)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 11)).toHaveAttribute('aria-expanded', 'true');
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - THREAD.descendants(1) - 1);
  await expect(page.locator('mark')).toHaveCount(0);
  await expect(comments(page).and(page.locator('.search-miss, .search-hit'))).toHaveCount(0);
});

test('a match the reader stepped to stays on screen after the search, the other folds come back', async ({ page }) => {
  await toggle(page, 1).click();
  await toggle(page, 2).click();
  await field(page).fill('Google');
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(comment(page, 14)).toHaveClass(/\bis-current\b/);
  await expect(page).toHaveURL(/#comment-14$/);

  // The address names comment 14, inside 1: the page keeps showing it.
  await field(page).fill('');
  await expect(status(page)).toHaveText('');
  await expect(comment(page, 14)).toBeVisible();
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 2)).toHaveAttribute('aria-expanded', 'false');

  // Going elsewhere gives comment 1 its fold back: it was the reader's.
  await page.goto('./#comment-11');
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 2)).toHaveAttribute('aria-expanded', 'false');
});

test('a fold made during a search survives more typing and clearing the search', async ({ page }) => {
  // "Absolutely agree." is comment 9, under 7, under 1: the search holds 1 and 7 open.
  await field(page).fill('Absolutely');
  await expect(status(page)).toHaveText('1 match');
  await toggle(page, 11).click();
  await toggle(page, 7).click();
  await expect(toggle(page, 11)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 7)).toHaveAttribute('aria-expanded', 'false');

  await field(page).fill('Absolutely a');
  await expect(status(page)).toHaveText('1 match');
  await expect(toggle(page, 11)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 7)).toHaveAttribute('aria-expanded', 'false');

  await field(page).fill('');
  await expect(status(page)).toHaveText('');
  await expect(toggle(page, 11)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 7)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
});

test('the search field clears with Escape like any search box', async ({ page }) => {
  await toggle(page, 1).click();
  await field(page).fill('Google');
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
  await field(page).press('Escape');
  await expect(field(page)).toHaveValue('');
  await expect(status(page)).toHaveText('');
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
});
