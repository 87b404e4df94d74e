// Links to a comment (#comment-N) open, unfold and scroll to that comment.
import { test, expect, openPage, comment, toggle } from './helpers.mjs';

test('opening the page at #comment-17 shows comment 17 in the viewport', async ({ page }) => {
  await openPage(page, '#comment-17');
  await expect(page).toHaveURL(/\/news\/threadview\/#comment-17$/);

  const seventeen = comment(page, 17);
  await expect(seventeen).toBeVisible();
  await expect(seventeen).toBeInViewport();
  await expect(seventeen.locator('.comment-author')).toHaveText('Venom');

  // Nested four levels deep: 1 > 7 > 13 > 14 > 17.
  await expect(page.locator(
    '#comment-1 > ol.replies > #comment-7 > ol.replies > #comment-13 > ol.replies > #comment-14 > ol.replies > #comment-17',
  )).toHaveCount(1);
  await expect(seventeen).toHaveAttribute('data-depth', '4');
});

test('changing the hash to a folded-away comment unfolds its parent and scrolls to it', async ({ page }) => {
  await openPage(page);
  await toggle(page, 3).click();
  await expect(comment(page, 4)).toHaveCount(0);

  // Scroll away so that the scroll to #comment-4 must really happen.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(comment(page, 3)).not.toBeInViewport();

  await page.evaluate(() => { window.location.hash = '#comment-4'; });
  await expect(toggle(page, 3)).toHaveAttribute('aria-expanded', 'true');
  await expect(comment(page, 4)).toBeVisible();
  await expect(comment(page, 4)).toBeInViewport();
  await expect(page.locator('#replies-3 > #comment-4')).toHaveCount(1);
});

test('changing the hash to a comment inside two folded threads unfolds both', async ({ page }) => {
  await openPage(page);
  await toggle(page, 13).click();
  await toggle(page, 1).click();
  await expect(comment(page, 17)).toHaveCount(0);

  await page.evaluate(() => { window.location.hash = '#comment-17'; });
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'true');
  await expect(comment(page, 17)).toBeInViewport();
});

test('the permalink of a comment points at the comment and keeps the base path', async ({ page }) => {
  await openPage(page);
  await page.locator('#comment-13 > .comment-card a.permalink').click();
  await expect(page).toHaveURL(/\/news\/threadview\/#comment-13$/);
  await expect(comment(page, 13)).toBeInViewport();
});
