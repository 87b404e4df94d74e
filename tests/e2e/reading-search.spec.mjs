// Searching the comments: counts, <mark>, dimming, unfolding what hides a match,
// stepping through matches, and giving the reader's folds back when cleared.
import { readFileSync } from 'node:fs';
import { test, expect, openPage, comment, toggle, idsOf, descendantsOf, TOTAL_COMMENTS } from './helpers.mjs';

// The data file the app serves, read at test time so the expected counts follow it.
const DATA = JSON.parse(readFileSync(new URL('../../data/discussion.json', import.meta.url), 'utf8'));
/** Page (reading) order of the comment ids, parents before replies, siblings in file order. */
const READING_ORDER = (() => {
  const out = [];
  const walk = (parent) => {
    for (const c of DATA.comments.filter((x) => (x.parent ?? null) === parent)) {
      out.push(c.id);
      walk(c.id);
    }
  };
  walk(null);
  return out;
})();

/** Ids, in reading order, of the comments whose author or body contains `query` (any case). */
function matchesOf(query) {
  const q = query.toLowerCase();
  return READING_ORDER.filter((id) => {
    const c = DATA.comments.find((x) => x.id === id);
    return c.author.toLowerCase().includes(q) || c.body.toLowerCase().includes(q);
  });
}

const GOOGLE = matchesOf('Google');

function field(page) {
  return page.getByRole('searchbox', { name: 'Search comments' });
}
function status(page) {
  return page.locator('.search-status');
}

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

test('the data has the expected Google matches', () => {
  expect(READING_ORDER).toHaveLength(TOTAL_COMMENTS);
  expect(GOOGLE).toEqual([14, 17, 15, 16]);
});

test('"Google" counts its matches, marks them and dims the rest', async ({ page }) => {
  await expect(status(page)).toHaveAttribute('role', 'status');
  await expect(status(page)).toHaveText('');
  await field(page).fill('Google');
  await expect(status(page)).toHaveText(`${GOOGLE.length} matches`);

  expect(await idsOf(page.locator('li.comment.search-hit'))).toEqual(GOOGLE.map((id) => `comment-${id}`));
  await expect(page.locator('li.comment.search-miss')).toHaveCount(TOTAL_COMMENTS - GOOGLE.length);
  for (const id of GOOGLE) {
    const marks = page.locator(`#comment-${id} > .comment-card .comment-body mark`);
    await expect(marks.first()).toHaveText(/^google$/i);
  }
  // Each mark holds exactly the match; the text around it is unchanged.
  await expect(page.locator('#comment-17 > .comment-card .comment-body')).toHaveText(
    DATA.comments.find((c) => c.id === 17).body,
  );
  await expect(page.locator('#comment-1 > .comment-card mark')).toHaveCount(0);
  await expect(page.locator('mark', { hasNotText: /^google$/i })).toHaveCount(0);
});

test('case does not matter, and authors are searched too', async ({ page }) => {
  await field(page).fill('gOOgle');
  await expect(status(page)).toHaveText(`${GOOGLE.length} matches`);

  await field(page).fill('fred3');
  const fred = matchesOf('fred3');
  expect(fred).toEqual([3]);
  await expect(status(page)).toHaveText('1 match');
  await expect(page.locator('#comment-3 > .comment-card button.comment-author mark')).toHaveText('Fred3');

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
  await expect(page.locator('li.comment.is-current')).toHaveCount(1);
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
  await expect(page.locator('button.toggle[aria-expanded="false"]')).toHaveCount(0);
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
  await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS - descendantsOf(1).length - 1);

  await field(page).fill('Google');
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('button', { name: 'Next match' }).click();
  await expect(comment(page, 14)).toHaveClass(/\bis-current\b/);

  await field(page).fill('');
  await expect(status(page)).toHaveText('');
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 2)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 11)).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS - descendantsOf(1).length - 1);
  await expect(page.locator('mark')).toHaveCount(0);
  await expect(page.locator('li.comment.search-miss, li.comment.search-hit')).toHaveCount(0);
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
