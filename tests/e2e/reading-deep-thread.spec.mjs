// Deep threads: past DEPTH_CAP (8) levels, "Continue this thread" opens that branch on its
// own, with a way back. Served a generated chain of 20 replies instead of the bundled
// discussion.
import {
  test, expect, comment, comments, topLevelComments, toggle, replyContext, expectCurrent, idsOf, LIMITS,
} from './helpers.mjs';
import { buildThread } from '../model/thread.mjs';

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
const THREAD = buildThread(DATA.comments);
const CAP = LIMITS.DEPTH_CAP;
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => `comment-${from + i}`);

/** The branch view: a navigation landmark with the link back. */
function branchNav(page) {
  return page.getByRole('navigation', { name: 'Thread branch' });
}

/** "Continue this thread (N replies)" links: all of them, or comment `id`'s. */
function continueLink(page, id) {
  const scope = id === undefined ? page : comment(page, id);
  return scope.getByRole('link', { name: /^Continue this thread \(/ });
}

/** Ids of the comments drawn, in page order. */
function drawn(page) {
  return idsOf(comments(page));
}

test.beforeEach(async ({ page }) => {
  await page.route('**/discussion.json', (route) => route.fulfill({ json: DATA }));
});

async function open(page, hash = '') {
  await page.goto(`./${hash}`);
  await expect(page.getByRole('heading', { name: 'A very deep thread' })).toBeVisible();
  await expect(comments(page).first()).toBeVisible();
}

test(`the full view shows ${CAP} levels, then "Continue this thread" on comment ${CAP}`, async ({ page }) => {
  expect(CAP).toBe(8);
  await open(page);
  expect(await drawn(page)).toEqual(range(1, CAP));
  await expect(branchNav(page)).toHaveCount(0);
  await expect(continueLink(page)).toHaveCount(1);
  await expect(continueLink(page, 8)).toHaveText('Continue this thread (12 replies)');
  await expect(continueLink(page, 8)).toHaveAttribute('href', '#thread-8');
  // Comment 8 offers the link instead of a fold button.
  await expect(comment(page, 8).getByRole('button', { name: /^(Hide|Show) / })).toHaveCount(0);
  await expect(toggle(page, 7, THREAD)).toHaveAttribute('aria-expanded', 'true');
});

test('Continue this thread opens the branch alone, with a link back', async ({ page }) => {
  await open(page);
  await continueLink(page, 8).click();
  await expect(page).toHaveURL(/\/news\/threadview\/#thread-8$/);

  await expect(branchNav(page)).toBeVisible();
  await expect(branchNav(page)).toContainText('You are reading one branch of the discussion.');
  await expect.poll(() => drawn(page)).toEqual(range(8, 15));
  await expect(comment(page, 1)).toHaveCount(0);
  // The branch starts at 8 and says whom 8 answers.
  expect(await idsOf(topLevelComments(page))).toEqual(['comment-8']);
  await expect(replyContext(page, 8)).toHaveText('in reply to alice #7');
  // Deeper again: another continuation.
  await expect(continueLink(page, 15)).toHaveText('Continue this thread (5 replies)');
  await expect(continueLink(page, 15)).toHaveAttribute('href', '#thread-15');

  const back = branchNav(page).getByRole('link', { name: 'Back to the full discussion at #8' });
  await expect(back).toHaveAttribute('href', '#comment-8');
  await back.click();
  await expect(page).toHaveURL(/#comment-8$/);
  await expect(branchNav(page)).toHaveCount(0);
  await expect.poll(() => drawn(page)).toEqual(range(1, 8));
  await expect(comment(page, 8)).toHaveClass(/\bis-current\b/);
  await expect(comment(page, 8)).toBeInViewport();
});

test('the browser Back button leaves the branch view', async ({ page }) => {
  await open(page);
  await continueLink(page, 8).click();
  await expect(branchNav(page)).toBeVisible();
  await page.goBack();
  await expect(branchNav(page)).toHaveCount(0);
  await expect.poll(() => drawn(page)).toEqual(range(1, 8));
});

test('the branch view goes deeper still: #thread-15 shows 15 to 20', async ({ page }) => {
  await open(page);
  await continueLink(page, 8).click();
  await continueLink(page, 15).click();
  await expect(page).toHaveURL(/#thread-15$/);
  await expect.poll(() => drawn(page)).toEqual(range(15, 20));
  await expect(continueLink(page)).toHaveCount(0);
  await expect(branchNav(page).getByRole('link')).toHaveText('Back to the full discussion at #15');
});

test('a link to comment 20 opens the branch that shows it, marked current', async ({ page }) => {
  await open(page, '#comment-20');
  await expect(branchNav(page)).toBeVisible();
  await expect.poll(() => drawn(page)).toEqual(range(15, 20));
  await expectCurrent(page, 20);
});

test('p inside a branch view goes to the parent', async ({ page }) => {
  await open(page, '#comment-15');
  await expect(comment(page, 15)).toHaveClass(/\bis-current\b/);
  await page.keyboard.press('p');
  await expectCurrent(page, 14);
});
