// The article and the comment thread are rendered completely and verbatim.
import { test, expect, openPage, comment, toggle, childrenOf, depthOf, idsOf } from './helpers.mjs';
import { HEADLINE, PARAGRAPHS, SUBHEADING, REPRINT_NOTICE, HIDDEN_NOTICE, COMMENTS } from './expected.mjs';

// Comments that have replies, with their number of descendants.
const REPLY_TOTALS = { 1: 8, 3: 1, 7: 5, 13: 3, 14: 1, 2: 1, 11: 1 };

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

test.describe('article', () => {
  test('title and headline', async ({ page }) => {
    await expect(page).toHaveTitle(HEADLINE);
    await expect(page.locator('main article.story > h1')).toHaveText(HEADLINE);
    await expect(page.locator('h1')).toHaveCount(1);
  });

  test('7 paragraphs verbatim, subheading between paragraphs 4 and 5, reprint notice last', async ({ page }) => {
    const story = page.locator('main > article.story');
    await expect(story.locator(':scope > p')).toHaveText(PARAGRAPHS);

    // Exact text, not just whitespace-normalised (keeps the curly apostrophes honest).
    expect(await story.locator(':scope > p').allTextContents()).toEqual(PARAGRAPHS);

    const subheading = story.locator(':scope > h2.subheading');
    await expect(subheading).toHaveText(SUBHEADING);

    const layout = await story.locator(':scope > *').evaluateAll((els) =>
      els.map((el) => el.tagName.toLowerCase() + (el.className ? `.${el.className}` : '')),
    );
    expect(layout).toEqual([
      'h1', 'p', 'p', 'p', 'p', 'h2.subheading', 'p', 'p', 'p', 'footer.story-notice',
    ]);

    await expect(story.locator(':scope > footer.story-notice > p')).toHaveText(REPRINT_NOTICE);
  });
});

test.describe('discussion', () => {
  test('section structure, 13 comments in page order, hidden notice after the thread', async ({ page }) => {
    const section = page.locator('main > section.discussion');
    await expect(section).toHaveAttribute('aria-labelledby', 'discussion-title');
    await expect(section.locator(':scope > h2#discussion-title')).toHaveText(/\S/);

    await expect(page.locator('li.comment')).toHaveCount(13);
    expect(await idsOf(page.locator('li.comment'))).toEqual(COMMENTS.map((c) => `comment-${c.id}`));

    // Top-level order: 1, 2, 11.
    expect(await idsOf(section.locator(':scope > ol.thread > li.comment'))).toEqual([
      'comment-1', 'comment-2', 'comment-11',
    ]);

    // Hidden comments are not shown.
    for (const id of [5, 6, 8, 10]) await expect(comment(page, id)).toHaveCount(0);

    const notice = section.locator(':scope > ol.thread ~ p.hidden-notice');
    await expect(notice).toHaveText(HIDDEN_NOTICE);
    expect(await notice.textContent()).toBe(HIDDEN_NOTICE);
  });

  for (const c of COMMENTS) {
    test(`comment #${c.id} by ${c.author}: meta, body, nesting`, async ({ page }) => {
      const li = comment(page, c.id);
      await expect(li).toHaveCount(1);
      await expect(li).toHaveClass(/(^| )comment( |$)/);
      await expect(li).toHaveAttribute('data-depth', String(depthOf(c.id)));

      const meta = li.locator(':scope > .comment-card header.comment-meta');
      const permalink = meta.locator('a.permalink');
      await expect(permalink).toHaveText(`#${c.id}`);
      await expect(permalink).toHaveAttribute('href', `#comment-${c.id}`);
      await expect(meta.locator('.comment-author')).toHaveText(c.author);
      await expect(meta.locator('.comment-posts')).toHaveText(`Posts: ${c.posts}`);
      await expect(meta.locator('.comment-since')).toHaveText(`Member since ${c.since}`);

      const body = li.locator(':scope > .comment-card .comment-body');
      await expect(body.locator('p')).not.toHaveCount(0);
      await expect(body).toHaveText(c.body);
      expect((await body.textContent()).trim()).toBe(c.body);

      // Parent: the replies list of the parent comment, or the top-level thread.
      const parentList = c.parent === null
        ? page.locator('main > section.discussion > ol.thread')
        : page.locator(`#comment-${c.parent} > ol.replies#replies-${c.parent}`);
      await expect(parentList.locator(`:scope > li#comment-${c.id}`)).toHaveCount(1);

      // Children, in page order.
      const children = childrenOf(c.id);
      const replies = li.locator(`:scope > ol.replies#replies-${c.id}`);
      if (children.length === 0) {
        await expect(replies).toHaveCount(0);
        await expect(toggle(page, c.id)).toHaveCount(0);
      } else {
        expect(await idsOf(replies.locator(':scope > li.comment'))).toEqual(
          children.map((id) => `comment-${id}`),
        );
      }
    });
  }

  test('every comment with replies has an expanded toggle labelled with its reply count', async ({ page }) => {
    await expect(page.locator('li.comment > .comment-card button.toggle')).toHaveCount(Object.keys(REPLY_TOTALS).length);
    for (const [id, n] of Object.entries(REPLY_TOTALS)) {
      const c = COMMENTS.find((x) => x.id === Number(id));
      const noun = n === 1 ? 'reply' : 'replies';
      const button = toggle(page, id);
      await expect(button).toHaveAttribute('type', 'button');
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      await expect(button).toHaveAttribute('aria-controls', `replies-${id}`);
      await expect(button).toHaveAttribute('aria-label', `Hide ${n} ${noun} to ${c.author}`);
      await expect(button).toHaveText(`Hide ${n} ${noun}`);
    }
    await expect(page.locator('.folded-summary')).toHaveCount(0);
  });
});
