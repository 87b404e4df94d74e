// Following one person: pressing an author's name highlights all their comments; the
// participants list counts comments per author.
import { test, expect, openPage, idsOf } from './helpers.mjs';
import { COMMENTS } from './expected.mjs';

/** Comment element ids by `author`, in page order. */
function byAuthor(author) {
  return COMMENTS.filter((c) => c.author === author).map((c) => `comment-${c.id}`);
}

/** Authors with their number of comments: most first, ties in order of first appearance. */
function counts() {
  const out = [];
  for (const c of COMMENTS) {
    const row = out.find((r) => r.author === c.author);
    if (row) row.n += 1; else out.push({ author: c.author, n: 1 });
  }
  return out.sort((a, b) => b.n - a.n);
}

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

test.describe('author names', () => {
  test('pressing "Venom" on comment 11 highlights Venom’s 4 comments', async ({ page }) => {
    expect(byAuthor('Venom')).toEqual(['comment-13', 'comment-17', 'comment-12', 'comment-11']);
    const name = page.locator('#comment-11 > .comment-card button.comment-author');
    await expect(name).toHaveText('Venom');
    await expect(name).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('li.comment.by-author')).toHaveCount(0);

    await name.click();
    await expect(page.locator('li.comment.by-author')).toHaveCount(4);
    expect(await idsOf(page.locator('li.comment.by-author'))).toEqual(byAuthor('Venom'));
    // Every "Venom" name button is pressed, no other.
    await expect(page.locator('button.comment-author[aria-pressed="true"]')).toHaveCount(4);
    for (const id of [13, 17, 12, 11]) {
      await expect(page.locator(`#comment-${id} > .comment-card button.comment-author`)).toHaveAttribute('aria-pressed', 'true');
    }
    await expect(page.locator('#comment-1 > .comment-card button.comment-author')).toHaveAttribute('aria-pressed', 'false');
  });

  test('pressing the name again clears the highlight; another name moves it', async ({ page }) => {
    await page.locator('#comment-11 > .comment-card button.comment-author').click();
    await expect(page.locator('li.comment.by-author')).toHaveCount(4);
    await page.locator('#comment-13 > .comment-card button.comment-author').click();
    await expect(page.locator('li.comment.by-author')).toHaveCount(0);
    await expect(page.locator('button.comment-author[aria-pressed="true"]')).toHaveCount(0);

    await page.locator('#comment-4 > .comment-card button.comment-author').click();
    expect(await idsOf(page.locator('li.comment.by-author'))).toEqual(byAuthor('meanestgenius'));
    await expect(page.locator('li.comment.by-author')).toHaveCount(5);
  });

  test('the highlighted card looks different', async ({ page }) => {
    const card = page.locator('#comment-12 > .comment-card');
    const before = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.locator('#comment-12 > .comment-card button.comment-author').click();
    await expect.poll(() => card.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(before);
  });
});

test.describe('participants list', () => {
  test('lists every author once with their number of comments, most first', async ({ page }) => {
    const section = page.locator('section.participants');
    await expect(section).toBeVisible();
    const buttons = section.locator('button.participant');
    const expected = counts();
    expect(expected.slice(0, 2)).toEqual([{ author: 'meanestgenius', n: 5 }, { author: 'Venom', n: 4 }]);
    await expect(buttons).toHaveCount(expected.length);
    await expect(buttons).toHaveText(expected.map(({ author, n }) => new RegExp(`^\\s*${author}\\s*${n}\\s*$`)));
    await expect(section.getByRole('button', { name: /meanestgenius\s*5/ })).toHaveCount(1);
    await expect(section.getByRole('button', { name: /Venom\s*4/ })).toHaveCount(1);
    for (const b of await buttons.all()) await expect(b).toHaveAttribute('aria-pressed', 'false');
    await expect(section.locator('.author-status')).toHaveText('');
  });

  test('pressing Venom highlights their 4 comments and says so; pressing again clears it', async ({ page }) => {
    const section = page.locator('section.participants');
    const venom = section.locator('button.participant', { hasText: 'Venom' });
    await venom.click();
    await expect(venom).toHaveAttribute('aria-pressed', 'true');
    await expect(section.locator('button.participant[aria-pressed="true"]')).toHaveCount(1);
    const status = section.locator('.author-status');
    await expect(status).toHaveAttribute('role', 'status');
    await expect(status).toHaveText('Venom wrote 4 comments');
    expect(await idsOf(page.locator('li.comment.by-author'))).toEqual(byAuthor('Venom'));
    // The comment's own name button agrees.
    await expect(page.locator('#comment-11 > .comment-card button.comment-author')).toHaveAttribute('aria-pressed', 'true');

    await venom.click();
    await expect(venom).toHaveAttribute('aria-pressed', 'false');
    await expect(status).toHaveText('');
    await expect(page.locator('li.comment.by-author')).toHaveCount(0);
  });

  test('a name pressed in a comment is pressed in the list too; singular wording', async ({ page }) => {
    await page.locator('#comment-3 > .comment-card button.comment-author').click();
    const section = page.locator('section.participants');
    await expect(section.locator('button.participant', { hasText: 'Fred3' })).toHaveAttribute('aria-pressed', 'true');
    await expect(section.locator('.author-status')).toHaveText('Fred3 wrote 1 comment');
  });
});
