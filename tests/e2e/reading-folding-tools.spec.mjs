// Folding many comments at once: "Expand all", "Collapse all", "Unfold all below", and
// the thread line (the left gutter of a reply list), which folds with one click.
import {
  test, expect, openPage, comment, comments, card, body, toggle, toggles, summaries, unfoldBelow,
  replyList, repliesOf, searchField, tool, idsOf, THREAD, TOTAL_COMMENTS,
} from './helpers.mjs';

/** Comments that have replies, in page order: each has a fold button. */
const FOLDABLE = THREAD.order.filter((id) => THREAD.children(id).length > 0);
const TOP_LEVEL = THREAD.roots;

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

test.describe('Expand all / Collapse all', () => {
  test('Collapse all leaves the 3 top-level comments, folded; Expand all shows all 13', async ({ page }) => {
    expect(TOP_LEVEL).toEqual([1, 2, 11]);

    await tool(page, 'Collapse all').click();
    await expect(comments(page)).toHaveCount(TOP_LEVEL.length);
    expect(await idsOf(comments(page))).toEqual(TOP_LEVEL.map((id) => `comment-${id}`));
    for (const id of TOP_LEVEL) {
      await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'false');
      await expect(replyList(page, id)).toHaveCount(0);
    }
    await expect(toggle(page, 1)).toHaveAccessibleName('Show 8 replies to meanestgenius');
    await expect(summaries(page)).toHaveCount(TOP_LEVEL.length);

    await tool(page, 'Expand all').click();
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    await expect(toggles(page)).toHaveCount(FOLDABLE.length);
    for (const id of FOLDABLE) await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'true');
    await expect(summaries(page)).toHaveCount(0);
  });

  test('Collapse all folds the inner threads too: unfolding comment 1 shows only 3 and 7', async ({ page }) => {
    await tool(page, 'Collapse all').click();
    await toggle(page, 1).click();
    await expect(repliesOf(page, 1)).toHaveCount(2);
    expect(await idsOf(repliesOf(page, 1))).toEqual(['comment-3', 'comment-7']);
    await expect(toggle(page, 3)).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle(page, 7)).toHaveAttribute('aria-expanded', 'false');
    await expect(comment(page, 4)).toHaveCount(0);
    await expect(comment(page, 9)).toHaveCount(0);
  });
});

test.describe('Unfold all below', () => {
  test('only comments with replies to replies (1, 7, 13) offer it, with a specific name', async ({ page }) => {
    const withButton = await page.getByRole('button', { name: /^Unfold all below comment / }).evaluateAll(
      (els) => els.map((el) => el.closest('li.comment').id),
    );
    expect(withButton).toEqual(['comment-1', 'comment-7', 'comment-13']);
    const button = unfoldBelow(page, 1);
    await expect(button).toHaveText('Unfold all below');
    await expect(button).toHaveAccessibleName('Unfold all below comment 1 (8 replies)');
  });

  test('on comment 1 after folding 13 and 7, it shows every reply again', async ({ page }) => {
    await toggle(page, 13).click();
    await toggle(page, 7).click();
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - THREAD.descendants(7));
    for (const id of THREAD.subtree(7)) await expect(comment(page, id)).toHaveCount(0);

    await unfoldBelow(page, 1).click();
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    await expect(toggle(page, 7)).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'true');
    for (const id of THREAD.subtree(1)) await expect(comment(page, id)).toBeVisible();
  });

  test('on comment 7 it leaves other threads folded', async ({ page }) => {
    await toggle(page, 13).click();
    await toggle(page, 2).click();
    await unfoldBelow(page, 7).click();
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'true');
    await expect(comment(page, 17)).toBeVisible();
    await expect(toggle(page, 2)).toHaveAttribute('aria-expanded', 'false');
    await expect(comment(page, 12)).toHaveCount(0);
  });
});

test.describe('thread line', () => {
  test('clicking the thread line of comment 1 folds it; clicking again on its toggle unfolds', async ({ page }) => {
    await replyList(page, 1).click({ position: { x: 3, y: 10 } });
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
    await expect(replyList(page, 1)).toHaveCount(0);
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - THREAD.descendants(1));
    await expect(comment(page, 2)).toBeVisible();

    await toggle(page, 1).click();
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
  });

  test('the thread line of comment 13 folds 13 only', async ({ page }) => {
    await replyList(page, 13).click({ position: { x: 3, y: 10 } });
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle(page, 7)).toHaveAttribute('aria-expanded', 'true');
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - 3);
  });

  test('clicking inside a reply does not fold its parent', async ({ page }) => {
    await body(page, 3).click();
    await card(page, 3).click({ position: { x: 5, y: 5 } });
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
  });

  test('the thread line is not a keyboard stop', async ({ page }) => {
    for (const id of FOLDABLE) {
      const list = replyList(page, id);
      await expect(list).toHaveCount(1);
      await expect(list).not.toHaveAttribute('tabindex');
      expect(await list.evaluate((el) => { el.focus(); return document.activeElement === el; })).toBe(false);
    }
    // Tabbing through the whole thread never lands on a reply list.
    await searchField(page).focus();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const tag = await page.evaluate(() => document.activeElement?.tagName);
      expect(tag).not.toBe('OL');
    }
  });
});
