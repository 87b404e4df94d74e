// Folding many comments at once: "Expand all", "Collapse all", "Unfold all below", and
// the thread line (the left gutter of a reply list), which folds with one click.
import {
  test, expect, openPage, comment, toggle, childrenOf, descendantsOf, idsOf, TOTAL_COMMENTS,
} from './helpers.mjs';
import { COMMENTS } from './expected.mjs';

/** Comments that have replies, in page order: each has a fold toggle. */
const FOLDABLE = COMMENTS.filter((c) => childrenOf(c.id).length > 0).map((c) => c.id);
const TOP_LEVEL = childrenOf(null);

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

test.describe('Expand all / Collapse all', () => {
  test('Collapse all leaves the 3 top-level comments, folded; Expand all shows all 13', async ({ page }) => {
    expect(TOP_LEVEL).toEqual([1, 2, 11]);
    const toolbar = page.locator('.toolbar');

    await toolbar.getByRole('button', { name: 'Collapse all' }).click();
    await expect(page.locator('li.comment')).toHaveCount(TOP_LEVEL.length);
    expect(await idsOf(page.locator('li.comment'))).toEqual(TOP_LEVEL.map((id) => `comment-${id}`));
    for (const id of TOP_LEVEL) {
      await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'false');
      await expect(page.locator(`#replies-${id}`)).toHaveCount(0);
    }
    await expect(toggle(page, 1)).toHaveAccessibleName('Show 8 replies to meanestgenius');
    await expect(page.locator('.folded-summary')).toHaveCount(TOP_LEVEL.length);

    await toolbar.getByRole('button', { name: 'Expand all' }).click();
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
    await expect(page.locator('button.toggle')).toHaveCount(FOLDABLE.length);
    for (const id of FOLDABLE) await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('.folded-summary')).toHaveCount(0);
  });

  test('Collapse all folds the inner threads too: unfolding comment 1 shows only 3 and 7', async ({ page }) => {
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await toggle(page, 1).click();
    await expect(page.locator('#replies-1 > li.comment')).toHaveCount(2);
    expect(await idsOf(page.locator('#replies-1 > li.comment'))).toEqual(['comment-3', 'comment-7']);
    await expect(toggle(page, 3)).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle(page, 7)).toHaveAttribute('aria-expanded', 'false');
    await expect(comment(page, 4)).toHaveCount(0);
    await expect(comment(page, 9)).toHaveCount(0);
  });
});

test.describe('Unfold all below', () => {
  test('only comments with replies to replies (1, 7, 13) offer it, with a specific name', async ({ page }) => {
    const withButton = await page.locator('button.unfold-below').evaluateAll(
      (els) => els.map((el) => el.closest('li.comment').id),
    );
    expect(withButton).toEqual(['comment-1', 'comment-7', 'comment-13']);
    const button = page.locator('#comment-1 > .comment-card button.unfold-below');
    await expect(button).toHaveText('Unfold all below');
    await expect(button).toHaveAccessibleName('Unfold all below comment 1 (8 replies)');
  });

  test('on comment 1 after folding 13 and 7, it shows every reply again', async ({ page }) => {
    await toggle(page, 13).click();
    await toggle(page, 7).click();
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS - descendantsOf(7).length);
    for (const id of descendantsOf(7)) await expect(comment(page, id)).toHaveCount(0);

    await page.locator('#comment-1 > .comment-card button.unfold-below').click();
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
    await expect(toggle(page, 7)).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'true');
    for (const id of descendantsOf(1)) await expect(comment(page, id)).toBeVisible();
  });

  test('on comment 7 it leaves other threads folded', async ({ page }) => {
    await toggle(page, 13).click();
    await toggle(page, 2).click();
    await page.locator('#comment-7 > .comment-card button.unfold-below').click();
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'true');
    await expect(comment(page, 17)).toBeVisible();
    await expect(toggle(page, 2)).toHaveAttribute('aria-expanded', 'false');
    await expect(comment(page, 12)).toHaveCount(0);
  });
});

test.describe('thread line', () => {
  test('clicking the thread line of comment 1 folds it; clicking again on its toggle unfolds', async ({ page }) => {
    await page.locator('#replies-1').click({ position: { x: 3, y: 10 } });
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#replies-1')).toHaveCount(0);
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS - descendantsOf(1).length);
    await expect(comment(page, 2)).toBeVisible();

    await toggle(page, 1).click();
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
  });

  test('the thread line of comment 13 folds 13 only', async ({ page }) => {
    await page.locator('#replies-13').click({ position: { x: 3, y: 10 } });
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle(page, 7)).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS - 3);
  });

  test('clicking inside a reply does not fold its parent', async ({ page }) => {
    await page.locator('#comment-3 > .comment-card .comment-body').click();
    await page.locator('#comment-3 > .comment-card').click({ position: { x: 5, y: 5 } });
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
  });

  test('the thread line is not a keyboard stop', async ({ page }) => {
    const lists = page.locator('ol.replies');
    await expect(lists).toHaveCount(FOLDABLE.length);
    for (const list of await lists.all()) {
      await expect(list).not.toHaveAttribute('tabindex');
      expect(await list.evaluate((el) => { el.focus(); return document.activeElement === el; })).toBe(false);
    }
    // Tabbing through the whole thread never lands on a reply list.
    await page.locator('#comment-search').focus();
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      const tag = await page.evaluate(() => document.activeElement?.tagName);
      expect(tag).not.toBe('OL');
    }
  });
});
