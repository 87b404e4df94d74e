// Links to a comment (#comment-N), on arrival and on a change of the hash: they unfold
// what hides the comment, scroll to it, and make it the reader's current comment.
// (Without JavaScript, and across the takeover, see prerender.spec.mjs; past the depth
// cap, reading-deep-thread.spec.mjs.)
import {
  test, expect, openPage, comment, currentComments, toggle, authorButton, permalink, repliesOf,
  expectCurrent, idsOf,
} from './helpers.mjs';

test('opening the page at #comment-17 shows it nested four deep, current, focused and in view', async ({ page }) => {
  await openPage(page, '#comment-17');
  await expectCurrent(page, 17);
  await expect(authorButton(page, 17)).toHaveText('Venom');

  // Nested four levels deep: 1 > 7 > 13 > 14 > 17.
  await expect(page.locator(
    '#comment-1 > ol.replies > #comment-7 > ol.replies > #comment-13 > ol.replies > #comment-14 > ol.replies > #comment-17',
  )).toHaveCount(1);
  await expect(comment(page, 17)).toHaveAttribute('data-depth', '4');
});

test('no comment is current without a hash', async ({ page }) => {
  await openPage(page);
  await expect(currentComments(page)).toHaveCount(0);
});

test('changing the hash to a comment inside two folded threads unfolds both and scrolls to it', async ({ page }) => {
  await openPage(page);
  await toggle(page, 13).click();
  await toggle(page, 7).click();
  await expect(comment(page, 17)).toHaveCount(0);
  // Back to the top, the thread out of sight below the article: the scroll to
  // #comment-17 must really happen.
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  await expect(comment(page, 7)).not.toBeInViewport();

  await page.evaluate(() => { window.location.hash = '#comment-17'; });
  await expect(toggle(page, 7)).toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'true');
  await expectCurrent(page, 17);
  // Drawn in its place: in the reply list of its parent.
  expect(await idsOf(repliesOf(page, 14))).toEqual(['comment-17']);
});

test('the permalink goes to its comment, keeps the base path and moves the current mark', async ({ page }) => {
  await openPage(page, '#comment-13');
  await expectCurrent(page, 13);
  await permalink(page, 9).click();
  await expect(page).toHaveURL(/\/news\/threadview\/#comment-9$/);
  await expectCurrent(page, 9);
  await expect(comment(page, 13)).not.toHaveClass(/\bis-current\b/);
});
