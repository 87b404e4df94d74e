// Finding one's way between comments: copy link, parent/top/prev/next links, and "in
// reply to" where the parent is far above. (Arriving by a #comment-N link, and the
// permalink: deeplink.spec.mjs.)
import {
  test, expect, openPage, card, navLinks, replyContext, expectCurrent,
} from './helpers.mjs';

test.describe('copy link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link on comment 7 puts its full address on the clipboard and says so', async ({ page, baseURL }) => {
    await openPage(page);
    const button = page.getByRole('button', { name: 'Copy link to comment 7', exact: true });
    await expect(button).toHaveCount(1);
    await expect(button).toHaveText('Copy link');
    const status = card(page, 7).getByRole('status');
    await expect(status).toHaveText('');

    await button.click();
    await expect(status).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}#comment-7`);
    expect(copied.endsWith('/news/threadview/#comment-7')).toBe(true);
    // Only comment 7 says it.
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveCount(1);
  });

  test('copying while another comment is in the URL still copies the right comment', async ({ page }) => {
    await openPage(page, '#comment-17');
    await page.getByRole('button', { name: 'Copy link to comment 4', exact: true }).click();
    await expect(card(page, 4).getByRole('status')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.endsWith('/news/threadview/#comment-4')).toBe(true);
  });
});

test.describe('parent, top, prev and next', () => {
  test('comment 15 has parent, top and prev links with descriptive names, no next', async ({ page }) => {
    await openPage(page);
    const nav = card(page, 15);
    await expect(navLinks(page, 15)).toHaveText(['parent', 'top', 'previous']);
    await expect(nav.getByRole('link', { name: 'Parent: comment 13 by Venom' })).toHaveAttribute('href', '#comment-13');
    await expect(nav.getByRole('link', { name: 'Top of this thread: comment 1 by meanestgenius' })).toHaveAttribute('href', '#comment-1');
    await expect(nav.getByRole('link', { name: 'Previous: comment 14 by frequency' })).toHaveAttribute('href', '#comment-14');
    await expect(nav.getByRole('link', { name: /^Next:/ })).toHaveCount(0);
  });

  test('comment 3: parent and next; no top (the parent is the top), no prev', async ({ page }) => {
    await openPage(page);
    await expect(navLinks(page, 3)).toHaveText(['parent', 'next']);
    await expect(card(page, 3).getByRole('link', { name: 'Parent: comment 1 by meanestgenius' })).toHaveCount(1);
    await expect(card(page, 3).getByRole('link', { name: 'Next: comment 7 by Ashoaib' })).toHaveCount(1);
  });

  test('top-level comments: 1 has next (2), 2 has both, 11 has prev (2)', async ({ page }) => {
    await openPage(page);
    await expect(navLinks(page, 1)).toHaveText(['next']);
    await expect(card(page, 1).getByRole('link', { name: 'Next: comment 2 by DellB' })).toHaveCount(1);
    await expect(card(page, 2).getByRole('link', { name: 'Previous: comment 1 by meanestgenius' })).toHaveCount(1);
    await expect(card(page, 2).getByRole('link', { name: 'Next: comment 11 by Venom' })).toHaveCount(1);
    await expect(navLinks(page, 11)).toHaveText(['previous']);
    await expect(card(page, 11).getByRole('link', { name: 'Previous: comment 2 by DellB' })).toHaveCount(1);
  });

  test('following the links goes to the right comments', async ({ page }) => {
    await openPage(page);
    await card(page, 17).getByRole('link', { name: 'Parent: comment 14 by frequency' }).click();
    await expectCurrent(page, 14);

    await card(page, 14).getByRole('link', { name: 'Next: comment 15 by meanestgenius' }).click();
    await expectCurrent(page, 15);

    await card(page, 15).getByRole('link', { name: 'Previous: comment 14 by frequency' }).click();
    await expectCurrent(page, 14);

    await card(page, 14).getByRole('link', { name: 'Top of this thread: comment 1 by meanestgenius' }).click();
    await expectCurrent(page, 1);

    await card(page, 1).getByRole('link', { name: 'Next: comment 2 by DellB' }).click();
    await expectCurrent(page, 2);
  });
});

test.describe('in reply to', () => {
  test('shown on 7 and 15, whose parents are far above; not on 3 or other replies', async ({ page }) => {
    await openPage(page);
    await expect(replyContext(page, 7)).toHaveText('in reply to meanestgenius #1');
    await expect(replyContext(page, 7).getByRole('link', { name: 'meanestgenius #1' })).toHaveAttribute('href', '#comment-1');
    await expect(replyContext(page, 15)).toHaveText('in reply to Venom #13');
    await expect(replyContext(page, 3)).toHaveCount(0);
    const withContext = await page.getByText(/^in reply to /).evaluateAll(
      (els) => els.map((el) => el.closest('li.comment').id),
    );
    expect(withContext).toEqual(['comment-7', 'comment-15']);
  });

  test('the "in reply to" link goes to the parent', async ({ page }) => {
    await openPage(page);
    await replyContext(page, 15).getByRole('link', { name: 'Venom #13' }).click();
    await expectCurrent(page, 13);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the links around a comment wait behind "More", a native disclosure', async ({ page }) => {
    await openPage(page);
    const more = page.locator('#comment-4 > .comment-card summary');
    await expect(more).toHaveAccessibleName('More for comment 4');
    const parentLink = page.locator('#comment-4 > .comment-card').getByRole('link', { name: /^Parent:/ });
    await expect(parentLink).toBeHidden();
    await more.click();
    await expect(page.locator('#comment-4 > .comment-card details')).toHaveJSProperty('open', true);
    await expect(parentLink).toBeVisible();
    await parentLink.click();
    await expect(page).toHaveURL(/#comment-3$/);
  });
});
