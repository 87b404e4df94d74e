// The article and the comment thread are rendered completely and verbatim.
import {
  test, expect, openPage, comment, comments, card, body, toggle, toggles, summaries, permalink,
  authorButton, repliesOf, topLevelComments, idsOf, replies, THREAD,
} from './helpers.mjs';
import { HEADLINE, PARAGRAPHS, SUBHEADING, REPRINT_NOTICE, HIDDEN_NOTICE, COMMENTS } from './expected.mjs';

/** Comments that have replies, in page order: each has a fold button. */
const FOLDABLE = THREAD.order.filter((id) => THREAD.children(id).length > 0);
// Their numbers of replies in all, counted by hand: a check on the model too.
const REPLY_TOTALS = { 1: 8, 3: 1, 7: 5, 13: 3, 14: 1, 2: 1, 11: 1 };

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

test.describe('article', () => {
  test('title and headline', async ({ page }) => {
    await expect(page).toHaveTitle(HEADLINE);
    await expect(page.getByRole('article').getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  });

  test('7 paragraphs verbatim, subheading between paragraphs 4 and 5, reprint notice last', async ({ page }) => {
    const story = page.getByRole('article');
    await expect(story).toHaveCount(1);
    const paragraphs = story.locator(':scope > p');
    await expect(paragraphs).toHaveText(PARAGRAPHS);

    // Exact text, not just whitespace-normalised (keeps the curly apostrophes honest).
    expect(await paragraphs.allTextContents()).toEqual(PARAGRAPHS);

    await expect(story.getByRole('heading', { level: 2 })).toHaveText(SUBHEADING);

    const layout = await story.locator(':scope > *').evaluateAll((els) =>
      els.map((el) => el.tagName.toLowerCase() + (el.className ? `.${el.className}` : '')),
    );
    expect(layout).toEqual([
      'h1', 'p', 'p', 'p', 'p', 'h2.subheading', 'p', 'p', 'p', 'footer.story-notice',
    ]);

    await expect(story.locator(':scope > footer')).toHaveText(REPRINT_NOTICE);
  });
});

test.describe('discussion', () => {
  test('a region named for its 13 comments, in page order, the hidden notice after the thread', async ({ page }) => {
    const section = page.getByRole('region', { name: 'Reader comments (13)' });
    await expect(section).toHaveCount(1);

    await expect(comments(page)).toHaveCount(13);
    expect(await idsOf(comments(page))).toEqual(COMMENTS.map((c) => `comment-${c.id}`));

    // Top-level order: 1, 2, 11.
    expect(await idsOf(topLevelComments(page))).toEqual([
      'comment-1', 'comment-2', 'comment-11',
    ]);

    // Hidden comments are not shown.
    for (const id of [5, 6, 8, 10]) await expect(comment(page, id)).toHaveCount(0);

    const notice = section.getByText(HIDDEN_NOTICE, { exact: true });
    await expect(notice).toBeVisible();
    expect(await notice.textContent()).toBe(HIDDEN_NOTICE);
    // After the thread.
    expect(await section.evaluate((s, text) => {
      const notice = [...s.querySelectorAll(':scope > p')].find((p) => p.textContent === text);
      return !!(s.querySelector(':scope > ol.thread').compareDocumentPosition(notice) & Node.DOCUMENT_POSITION_FOLLOWING);
    }, HIDDEN_NOTICE)).toBe(true);
  });

  for (const c of COMMENTS) {
    test(`comment #${c.id} by ${c.author}: meta, body, nesting`, async ({ page }) => {
      const li = comment(page, c.id);
      await expect(li).toHaveCount(1);
      await expect(li).toHaveAttribute('data-depth', String(THREAD.depth(c.id)));

      await expect(permalink(page, c.id)).toHaveAttribute('href', `#comment-${c.id}`);
      await expect(authorButton(page, c.id)).toHaveText(c.author);
      await expect(authorButton(page, c.id)).toHaveAccessibleName(c.author);
      await expect(card(page, c.id).getByText(`Posts: ${c.posts}`, { exact: true })).toHaveCount(1);
      await expect(card(page, c.id).getByText(`Member since ${c.since}`, { exact: true })).toHaveCount(1);

      await expect(body(page, c.id).getByRole('paragraph')).not.toHaveCount(0);
      await expect(body(page, c.id)).toHaveText(c.body);
      expect((await body(page, c.id).textContent()).trim()).toBe(c.body);

      // Parent: the replies list of the parent comment, or the top-level thread.
      const siblings = c.parent === null
        ? topLevelComments(page)
        : repliesOf(page, c.parent);
      expect(await idsOf(siblings)).toContain(`comment-${c.id}`);

      // Children, in page order.
      const children = THREAD.children(c.id);
      if (children.length === 0) {
        await expect(repliesOf(page, c.id)).toHaveCount(0);
        await expect(card(page, c.id).getByRole('button', { name: /^(Hide|Show) / })).toHaveCount(0);
      } else {
        expect(await idsOf(repliesOf(page, c.id))).toEqual(children.map((id) => `comment-${id}`));
      }
    });
  }

  test('every comment with replies has an expanded fold button named for its replies and author', async ({ page }) => {
    expect(Object.fromEntries(FOLDABLE.map((id) => [id, THREAD.descendants(id)]))).toEqual(REPLY_TOTALS);
    await expect(toggles(page)).toHaveCount(FOLDABLE.length);
    for (const id of FOLDABLE) {
      const n = REPLY_TOTALS[id];
      const button = toggle(page, id);
      await expect(button).toHaveAttribute('type', 'button');
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      await expect(button).toHaveAttribute('aria-controls', `replies-${id}`);
      await expect(button).toHaveAccessibleName(`Hide ${replies(n)} to ${THREAD.byId.get(id).author}`);
      await expect(button).toHaveText(`Hide ${replies(n)}`);
    }
    await expect(summaries(page)).toHaveCount(0);
  });
});
