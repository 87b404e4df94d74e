// No console errors and no uncaught exceptions across a full load, fold and unfold.
// (The `test` fixture in helpers.mjs checks this for every test; this test spells it out,
// listening from before the very first request of a fresh page.)
import { test, expect, comments, toggle, collectErrors, TOTAL_COMMENTS } from './helpers.mjs';

test('no console errors and no page errors across load, fold and unfold', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);

  // Fold 13 first: folding 1 removes 13's button from the DOM.
  for (const id of [13, 1, 2, 11]) {
    await toggle(page, id).click();
    await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'false');
  }
  for (const id of [1, 13, 2, 11]) {
    await toggle(page, id).click();
    await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'true');
  }
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);

  // Let late errors (e.g. the favicon request) arrive before judging.
  await page.waitForLoadState('networkidle');
  expect(errors, errors.join('\n')).toEqual([]);
});
