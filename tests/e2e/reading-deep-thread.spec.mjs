// Deep threads: past 8 levels, "Continue this thread" opens that branch on its own, with a
// way back. Served a generated chain of 20 replies instead of the bundled discussion.
import { test, expect, comment, idsOf } from './helpers.mjs';

const CHAIN = 20;
/** Comments 1..20, each replying to the one before: depths 0..19. */
const DATA = {
  version: 1,
  article: { headline: 'A very deep thread', body: [{ paragraph: 'Replies all the way down.' }] },
  comments: Array.from({ length: CHAIN }, (_, k) => ({
    id: k + 1,
    parent: k === 0 ? null : k,
    author: k % 2 === 0 ? 'alice' : 'bob',
    posts: k + 1,
    member_since: '2014-05-28',
    body: `Reply at depth ${k}.`,
  })),
};
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => `comment-${from + i}`);

test.beforeEach(async ({ page }) => {
  await page.route('**/discussion.json', (route) => route.fulfill({ json: DATA }));
});

async function open(page, hash = '') {
  await page.goto(`./${hash}`);
  await expect(page.getByRole('heading', { name: 'A very deep thread' })).toBeVisible();
  await expect(page.locator('li.comment').first()).toBeVisible();
}

test('the full view shows 8 levels, then "Continue this thread" on comment 8', async ({ page }) => {
  await open(page);
  expect(await idsOf(page.locator('li.comment'))).toEqual(range(1, 8));
  await expect(page.locator('nav.branch-nav')).toHaveCount(0);
  const more = page.locator('a.continue');
  await expect(more).toHaveCount(1);
  await expect(page.locator('#comment-8 > .comment-card a.continue')).toHaveText('Continue this thread (12 replies)');
  await expect(more).toHaveAttribute('href', '#thread-8');
  // Comment 8 offers the link instead of a fold toggle.
  await expect(page.locator('#comment-8 > .comment-card button.toggle')).toHaveCount(0);
  await expect(page.locator('#comment-7 > .comment-card button.toggle')).toHaveAttribute('aria-expanded', 'true');
});

test('Continue this thread opens the branch alone, with a link back', async ({ page }) => {
  await open(page);
  await page.locator('#comment-8 > .comment-card a.continue').click();
  await expect(page).toHaveURL(/\/news\/threadview\/#thread-8$/);

  const branchNav = page.locator('nav.branch-nav');
  await expect(branchNav).toBeVisible();
  await expect(branchNav).toContainText('You are reading one branch of the discussion.');
  await expect.poll(() => idsOf(page.locator('li.comment'))).toEqual(range(8, 15));
  await expect(comment(page, 1)).toHaveCount(0);
  // The branch starts at 8 and says whom 8 answers.
  await expect(page.locator('ol.thread > li.comment')).toHaveCount(1);
  await expect(page.locator('ol.thread > #comment-8')).toHaveCount(1);
  await expect(page.locator('#comment-8 > .comment-card .reply-context')).toHaveText('in reply to alice #7');
  // Deeper again: another continuation.
  await expect(page.locator('#comment-15 > .comment-card a.continue')).toHaveText('Continue this thread (5 replies)');
  await expect(page.locator('#comment-15 > .comment-card a.continue')).toHaveAttribute('href', '#thread-15');

  const back = branchNav.getByRole('link', { name: 'Back to the full discussion at #8' });
  await expect(back).toHaveAttribute('href', '#comment-8');
  await back.click();
  await expect(page).toHaveURL(/#comment-8$/);
  await expect(page.locator('nav.branch-nav')).toHaveCount(0);
  await expect.poll(() => idsOf(page.locator('li.comment'))).toEqual(range(1, 8));
  await expect(comment(page, 8)).toHaveClass(/\bis-current\b/);
  await expect(comment(page, 8)).toBeInViewport();
});

test('the browser Back button leaves the branch view', async ({ page }) => {
  await open(page);
  await page.locator('#comment-8 > .comment-card a.continue').click();
  await expect(page.locator('nav.branch-nav')).toBeVisible();
  await page.goBack();
  await expect(page.locator('nav.branch-nav')).toHaveCount(0);
  await expect.poll(() => idsOf(page.locator('li.comment'))).toEqual(range(1, 8));
});

test('the branch view goes deeper still: #thread-15 shows 15 to 20', async ({ page }) => {
  await open(page);
  await page.locator('#comment-8 > .comment-card a.continue').click();
  await page.locator('#comment-15 > .comment-card a.continue').click();
  await expect(page).toHaveURL(/#thread-15$/);
  await expect.poll(() => idsOf(page.locator('li.comment'))).toEqual(range(15, 20));
  await expect(page.locator('a.continue')).toHaveCount(0);
  await expect(page.locator('nav.branch-nav').getByRole('link')).toHaveText('Back to the full discussion at #15');
});

test('a link to comment 20 opens the branch that shows it, marked current', async ({ page }) => {
  await open(page, '#comment-20');
  await expect(page.locator('nav.branch-nav')).toBeVisible();
  await expect.poll(() => idsOf(page.locator('li.comment'))).toEqual(range(15, 20));
  await expect(comment(page, 20)).toHaveClass(/\bis-current\b/);
  await expect(comment(page, 20)).toBeInViewport();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('comment-20');
});

test('p inside a branch view goes to the parent', async ({ page }) => {
  await open(page, '#comment-15');
  await expect(comment(page, 15)).toHaveClass(/\bis-current\b/);
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/#comment-14$/);
  await expect(comment(page, 14)).toHaveClass(/\bis-current\b/);
  await expect(comment(page, 14)).toBeInViewport();
});
