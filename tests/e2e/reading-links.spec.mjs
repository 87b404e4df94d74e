// Finding one's way between comments: copy link, #comment-N marks the reader's place,
// parent/top/prev/next links, and "in reply to" where the parent is far above.
import { test, expect, openPage, comment, toggle } from './helpers.mjs';

/** The parent/top/prev/next links of comment `id`. */
function nav(page, id) {
  return page.locator(`#comment-${id} > .comment-card .comment-nav`);
}

/** Asserts that comment `id` is the reader's current comment: marked, focused, in view, in the URL. */
async function expectCurrent(page, id) {
  await expect(page).toHaveURL(new RegExp(`/news/threadview/#comment-${id}$`));
  await expect(comment(page, id)).toHaveClass(/\bis-current\b/);
  await expect(page.locator('li.comment.is-current')).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`comment-${id}`);
  await expect(comment(page, id)).toBeInViewport();
}

test.describe('copy link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link on comment 7 puts its full address on the clipboard and says so', async ({ page, baseURL }) => {
    await openPage(page);
    const button = page.getByRole('button', { name: 'Copy link to comment 7' });
    await expect(button).toHaveCount(1);
    await expect(button).toHaveText('Copy link');
    const status = page.locator('#comment-7 > .comment-card .copy-status');
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toHaveText('');

    await button.click();
    await expect(status).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${baseURL}#comment-7`);
    expect(copied.endsWith('/news/threadview/#comment-7')).toBe(true);
    // Only comment 7 says it.
    await expect(page.locator('.copy-status', { hasText: 'Link copied' })).toHaveCount(1);
  });

  test('copying while another comment is in the URL still copies the right comment', async ({ page }) => {
    await openPage(page, '#comment-17');
    await page.getByRole('button', { name: 'Copy link to comment 4' }).click();
    await expect(page.locator('#comment-4 > .comment-card .copy-status')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.endsWith('/news/threadview/#comment-4')).toBe(true);
  });
});

test.describe('current comment from the URL', () => {
  test('opening #comment-13 marks comment 13 current and focuses it', async ({ page }) => {
    await openPage(page, '#comment-13');
    await expectCurrent(page, 13);
  });

  test('a link to a folded-away comment unfolds it and marks it current', async ({ page }) => {
    await openPage(page);
    await toggle(page, 13).click();
    await toggle(page, 1).click();
    await page.evaluate(() => { window.location.hash = '#comment-14'; });
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'true');
    await expectCurrent(page, 14);
  });

  test('the permalink moves the mark: only one comment is current', async ({ page }) => {
    await openPage(page, '#comment-13');
    await page.locator('#comment-9 > .comment-card a.permalink').click();
    await expectCurrent(page, 9);
    await expect(comment(page, 13)).not.toHaveClass(/\bis-current\b/);
  });

  test('no comment is current without a hash', async ({ page }) => {
    await openPage(page);
    await expect(page.locator('li.comment.is-current')).toHaveCount(0);
  });
});

test.describe('parent, top, prev and next', () => {
  test('comment 15 has parent, top and prev links with descriptive names, no next', async ({ page }) => {
    await openPage(page);
    const links = nav(page, 15).getByRole('link');
    await expect(links).toHaveText(['parent', 'top', 'previous']);
    await expect(nav(page, 15).getByRole('link', { name: 'Parent: comment 13 by Venom' })).toHaveAttribute('href', '#comment-13');
    await expect(nav(page, 15).getByRole('link', { name: 'Top of this thread: comment 1 by meanestgenius' })).toHaveAttribute('href', '#comment-1');
    await expect(nav(page, 15).getByRole('link', { name: 'Previous: comment 14 by frequency' })).toHaveAttribute('href', '#comment-14');
    await expect(nav(page, 15).getByRole('link', { name: /^Next:/ })).toHaveCount(0);
  });

  test('comment 3: parent and next; no top (the parent is the top), no prev', async ({ page }) => {
    await openPage(page);
    await expect(nav(page, 3).getByRole('link')).toHaveText(['parent', 'next']);
    await expect(nav(page, 3).getByRole('link', { name: 'Parent: comment 1 by meanestgenius' })).toHaveCount(1);
    await expect(nav(page, 3).getByRole('link', { name: 'Next: comment 7 by Ashoaib' })).toHaveCount(1);
  });

  test('top-level comments: 1 has next (2), 2 has both, 11 has prev (2)', async ({ page }) => {
    await openPage(page);
    await expect(nav(page, 1).getByRole('link')).toHaveText(['next']);
    await expect(nav(page, 1).getByRole('link', { name: 'Next: comment 2 by DellB' })).toHaveCount(1);
    await expect(nav(page, 2).getByRole('link', { name: 'Previous: comment 1 by meanestgenius' })).toHaveCount(1);
    await expect(nav(page, 2).getByRole('link', { name: 'Next: comment 11 by Venom' })).toHaveCount(1);
    await expect(nav(page, 11).getByRole('link')).toHaveText(['previous']);
    await expect(nav(page, 11).getByRole('link', { name: 'Previous: comment 2 by DellB' })).toHaveCount(1);
  });

  test('following the links goes to the right comments', async ({ page }) => {
    await openPage(page);
    await nav(page, 17).getByRole('link', { name: 'Parent: comment 14 by frequency' }).click();
    await expectCurrent(page, 14);

    await nav(page, 14).getByRole('link', { name: 'Next: comment 15 by meanestgenius' }).click();
    await expectCurrent(page, 15);

    await nav(page, 15).getByRole('link', { name: 'Previous: comment 14 by frequency' }).click();
    await expectCurrent(page, 14);

    await nav(page, 14).getByRole('link', { name: 'Top of this thread: comment 1 by meanestgenius' }).click();
    await expectCurrent(page, 1);

    await nav(page, 1).getByRole('link', { name: 'Next: comment 2 by DellB' }).click();
    await expectCurrent(page, 2);
  });
});

test.describe('in reply to', () => {
  test('shown on 7 and 15, whose parents are far above; not on 3 or other replies', async ({ page }) => {
    await openPage(page);
    const seven = page.locator('#comment-7 > .comment-card .reply-context');
    await expect(seven).toHaveText('in reply to meanestgenius #1');
    await expect(seven.getByRole('link')).toHaveAttribute('href', '#comment-1');
    await expect(page.locator('#comment-15 > .comment-card .reply-context')).toHaveText('in reply to Venom #13');
    await expect(page.locator('#comment-3 > .comment-card .reply-context')).toHaveCount(0);
    const with_ = await page.locator('.reply-context').evaluateAll(
      (els) => els.map((el) => el.closest('li.comment').id),
    );
    expect(with_).toEqual(['comment-7', 'comment-15']);
  });

  test('the "in reply to" link goes to the parent', async ({ page }) => {
    await openPage(page);
    await page.locator('#comment-15 > .comment-card .reply-context a').click();
    await expectCurrent(page, 13);
  });
});
