// The order of sibling comments: thread order, newest first, most replies; kept in the
// URL (?sort=...) so a reload or a shared link keeps it.
import {
  test, expect, openPage, comment, comments, card, replyContext, repliesOf as replies, topLevelComments, idsOf,
  TOTAL_COMMENTS,
} from './helpers.mjs';

/** Ids of the top-level comments, in page order. */
function topLevel(page) {
  return idsOf(topLevelComments(page));
}

/** Ids of the direct replies of comment `id`, in page order. */
function repliesOf(page, id) {
  return idsOf(replies(page, id));
}

function order(page) {
  return page.getByRole('combobox', { name: 'Order' });
}

test('the default order is the thread order, with no sort in the URL', async ({ page }) => {
  await openPage(page);
  await expect(order(page)).toHaveValue('thread');
  expect(await topLevel(page)).toEqual(['comment-1', 'comment-2', 'comment-11']);
  expect(await repliesOf(page, 13)).toEqual(['comment-14', 'comment-15']);
  expect(new URL(page.url()).search).toBe('');
});

test('the choices are the three orders', async ({ page }) => {
  await openPage(page);
  await expect(order(page).getByRole('option')).toHaveText(['Thread order (oldest first)', 'Newest first', 'Most replies']);
});

test('Newest first: top level 11, 2, 1; replies of 13: 15 before 14; URL has ?sort=newest', async ({ page }) => {
  await openPage(page);
  await order(page).selectOption({ label: 'Newest first' });
  await expect.poll(() => topLevel(page)).toEqual(['comment-11', 'comment-2', 'comment-1']);
  expect(await repliesOf(page, 13)).toEqual(['comment-15', 'comment-14']);
  expect(await repliesOf(page, 1)).toEqual(['comment-7', 'comment-3']);
  await expect(page).toHaveURL(/\/news\/threadview\/\?sort=newest$/);
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
});

test('the order survives a reload and a shared link', async ({ page }) => {
  await openPage(page);
  await order(page).selectOption('newest');
  await expect(page).toHaveURL(/\?sort=newest$/);
  await page.reload();
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
  await expect(order(page)).toHaveValue('newest');
  expect(await topLevel(page)).toEqual(['comment-11', 'comment-2', 'comment-1']);

  await page.goto('./?sort=replies#comment-15');
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
  await expect(order(page)).toHaveValue('replies');
  await expect(comment(page, 15)).toHaveClass(/\bis-current\b/);
});

test('Most replies: comment 1 (8 replies) first, and 7 before 3 under it', async ({ page }) => {
  await openPage(page);
  await order(page).selectOption({ label: 'Most replies' });
  await expect(page).toHaveURL(/\?sort=replies$/);
  await expect.poll(() => topLevel(page)).toEqual(['comment-1', 'comment-2', 'comment-11']);
  expect(await repliesOf(page, 1)).toEqual(['comment-7', 'comment-3']);
  expect(await repliesOf(page, 7)).toEqual(['comment-13', 'comment-9']);
});

test('going back to thread order removes ?sort from the URL and keeps the hash', async ({ page }) => {
  await openPage(page, '#comment-4');
  await order(page).selectOption('newest');
  await expect(page).toHaveURL(/\?sort=newest#comment-4$/);
  await order(page).selectOption('thread');
  await expect(page).toHaveURL(/\/news\/threadview\/#comment-4$/);
  expect(await topLevel(page)).toEqual(['comment-1', 'comment-2', 'comment-11']);
});

test('an unknown sort in the URL falls back to thread order', async ({ page }) => {
  await page.goto('./?sort=bogus');
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
  await expect(order(page)).toHaveValue('thread');
  expect(await topLevel(page)).toEqual(['comment-1', 'comment-2', 'comment-11']);
});

test('prev/next links and "in reply to" follow the chosen order', async ({ page }) => {
  await openPage(page);
  await order(page).selectOption('newest');
  const nav = card(page, 2);
  await expect(nav.getByRole('link', { name: 'Previous: comment 11 by Venom' })).toHaveCount(1);
  await expect(nav.getByRole('link', { name: 'Next: comment 1 by meanestgenius' })).toHaveCount(1);
  // Newest first puts 7 (and its 5 replies) above 3: 3's parent is now far away.
  await expect(replyContext(page, 3)).toHaveText('in reply to meanestgenius #1');
  await expect(replyContext(page, 7)).toHaveCount(0);
});
