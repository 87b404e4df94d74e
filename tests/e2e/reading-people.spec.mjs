// Following one person: pressing an author's name highlights all their comments; the
// participants list counts comments per author.
import {
  test, expect, openPage, card, authorButton, authorButtons, byAuthorComments, participants, idsOf,
} from './helpers.mjs';
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
    const name = authorButton(page, 11);
    await expect(name).toHaveText('Venom');
    await expect(name).toHaveAttribute('aria-pressed', 'false');
    await expect(byAuthorComments(page)).toHaveCount(0);

    await name.click();
    await expect(byAuthorComments(page)).toHaveCount(4);
    expect(await idsOf(byAuthorComments(page))).toEqual(byAuthor('Venom'));
    // Every "Venom" name button is pressed, no other.
    await expect(authorButtons(page).and(page.getByRole('button', { pressed: true }))).toHaveCount(4);
    for (const id of [13, 17, 12, 11]) {
      await expect(authorButton(page, id)).toHaveAttribute('aria-pressed', 'true');
    }
    await expect(authorButton(page, 1)).toHaveAttribute('aria-pressed', 'false');
  });

  test('pressing the name again clears the highlight; another name moves it', async ({ page }) => {
    await authorButton(page, 11).click();
    await expect(byAuthorComments(page)).toHaveCount(4);
    await authorButton(page, 13).click();
    await expect(byAuthorComments(page)).toHaveCount(0);
    await expect(authorButtons(page).and(page.getByRole('button', { pressed: true }))).toHaveCount(0);

    await authorButton(page, 4).click();
    await expect(byAuthorComments(page)).toHaveCount(5);
    expect(await idsOf(byAuthorComments(page))).toEqual(byAuthor('meanestgenius'));
  });

  test('the highlighted card looks different', async ({ page }) => {
    const twelve = card(page, 12);
    const before = await twelve.evaluate((el) => getComputedStyle(el).backgroundColor);
    await authorButton(page, 12).click();
    await expect.poll(() => twelve.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(before);
  });
});

test.describe('participants list', () => {
  test('lists every author once with their number of comments, most first', async ({ page }) => {
    const section = participants(page);
    await expect(section).toBeVisible();
    const buttons = section.getByRole('listitem').getByRole('button');
    const expected = counts();
    await expect(section).toHaveAccessibleName(`Participants (${expected.length})`);
    expect(expected.slice(0, 2)).toEqual([{ author: 'meanestgenius', n: 5 }, { author: 'Venom', n: 4 }]);
    await expect(buttons).toHaveCount(expected.length);
    await expect(buttons).toHaveText(expected.map(({ author, n }) => new RegExp(`^\\s*${author}\\s*${n}\\s*$`)));
    await expect(section.getByRole('button', { name: /meanestgenius\s*5/ })).toHaveCount(1);
    await expect(section.getByRole('button', { name: /Venom\s*4/ })).toHaveCount(1);
    for (const b of await buttons.all()) await expect(b).toHaveAttribute('aria-pressed', 'false');
    await expect(section.getByRole('status')).toHaveText('');
  });

  test('pressing Venom highlights their 4 comments and says so; pressing again clears it', async ({ page }) => {
    const section = participants(page);
    const venom = section.getByRole('button', { name: /^Venom \d+$/ });
    await venom.click();
    await expect(venom).toHaveAttribute('aria-pressed', 'true');
    await expect(section.getByRole('button', { pressed: true })).toHaveCount(1);
    const status = section.getByRole('status');
    await expect(status).toHaveText('Venom wrote 4 comments');
    expect(await idsOf(byAuthorComments(page))).toEqual(byAuthor('Venom'));
    // The comment's own name button agrees.
    await expect(authorButton(page, 11)).toHaveAttribute('aria-pressed', 'true');

    await venom.click();
    await expect(venom).toHaveAttribute('aria-pressed', 'false');
    await expect(status).toHaveText('');
    await expect(byAuthorComments(page)).toHaveCount(0);
  });

  test('a name pressed in a comment is pressed in the list too; singular wording', async ({ page }) => {
    await authorButton(page, 3).click();
    const section = participants(page);
    await expect(section.getByRole('button', { name: /^Fred3 \d+$/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(section.getByRole('status')).toHaveText('Fred3 wrote 1 comment');
  });
});
