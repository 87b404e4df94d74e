// Folds are remembered in this browser (localStorage) and come back after a reload;
// damaged or stale saved folds are ignored; "Reset saved folds" forgets them.
import {
  test, expect, openPage, comment, comments, toggle, toggles, loadError, searchField, tool, THREAD,
  TOTAL_COMMENTS,
} from './helpers.mjs';

const PREFIX = 'threadview:folds:';

/** The localStorage keys the app uses for folds. */
function foldKeys(page) {
  return page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), PREFIX);
}

/** Folds comment 1 and returns the one storage key the app saves it under. */
async function discoverKey(page) {
  await toggle(page, 1).click();
  await expect.poll(() => foldKeys(page)).toHaveLength(1);
  const [key] = await foldKeys(page);
  return key;
}

test('folds survive a reload', async ({ page }) => {
  await openPage(page);
  await toggle(page, 13).click();
  await toggle(page, 2).click();
  await expect.poll(() => foldKeys(page)).toHaveLength(1);
  const [key] = await foldKeys(page);
  expect(key).toContain('/news/threadview/');

  await page.reload();
  await expect(comment(page, 1)).toBeVisible();
  await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 2)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
  await expect(comment(page, 17)).toHaveCount(0);
  await expect(comment(page, 12)).toHaveCount(0);
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - 3 - 1);
});

test('unfolding everything by hand leaves nothing folded after a reload', async ({ page }) => {
  await openPage(page);
  await toggle(page, 13).click();
  await toggle(page, 13).click();
  await page.reload();
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
});

test('damaged saved folds are ignored without a console error', async ({ page }) => {
  await openPage(page);
  const key = await discoverKey(page);

  for (const garbage of ['{not json', 'null', '[1,13]', '{"version":2,"folded":[1]}', '{"folded":"x"}', '']) {
    await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [key, garbage]);
    await page.reload();
    // Everything unfolded, and the page works: folding still saves.
    await expect(comments(page), `saved value ${JSON.stringify(garbage)}`).toHaveCount(TOTAL_COMMENTS);
    await expect(toggles(page, { expanded: false })).toHaveCount(0);
    await expect(loadError(page)).toHaveCount(0);
  }
  await toggle(page, 7).click();
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - THREAD.descendants(7));
  // (The test fixture fails the test on any console error.)
});

test('saved ids that are not in this discussion are ignored; the rest apply', async ({ page }) => {
  await openPage(page);
  const key = await discoverKey(page);
  await page.addInitScript(
    ([k, v]) => localStorage.setItem(k, v),
    [key, JSON.stringify({ version: 1, folded: [999, 13, 123456] })],
  );
  await page.reload();
  await expect(comment(page, 1)).toBeVisible();
  await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'false');
  await expect(toggles(page, { expanded: false })).toHaveCount(1);
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - 3);
});

test('Reset saved folds unfolds everything and stays reset after a reload', async ({ page }) => {
  await openPage(page);
  await toggle(page, 13).click();
  await toggle(page, 1).click();
  await toggle(page, 11).click();
  await expect.poll(() => foldKeys(page)).toHaveLength(1);
  await page.reload();
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');

  await tool(page, 'Reset saved folds').click();
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
  await expect(toggles(page, { expanded: false })).toHaveCount(0);
  await expect.poll(() => foldKeys(page)).toHaveLength(0);

  await page.reload();
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
  await expect(toggles(page, { expanded: false })).toHaveCount(0);
});

test('unfolds made by a search are not saved', async ({ page }) => {
  await openPage(page);
  await toggle(page, 1).click();
  await searchField(page).fill('Google');
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
  await page.reload();
  await expect(comment(page, 1)).toBeVisible();
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - THREAD.descendants(1));
});
