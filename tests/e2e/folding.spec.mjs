// Folding and unfolding reply threads, with the mouse and with the keyboard.
import {
  test, expect, openPage, comment, comments, toggle, summary, summaries, permalink, replyList,
  THREAD, TOTAL_COMMENTS,
} from './helpers.mjs';

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

/** Asserts that comment `id` is folded: button state, summary, and no replies in the DOM. */
async function expectFolded(page, id, { count, noun, author, summaryText }) {
  const button = toggle(page, id);
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(button).toHaveAttribute('aria-controls', `replies-${id}`);
  await expect(button).toHaveAccessibleName(`Show ${count} ${noun} to ${author}`);
  await expect(button).toHaveText(`Show ${count} ${noun}`);
  await expect(summary(page, id)).toHaveText(summaryText);
  await expect(replyList(page, id)).toHaveCount(0);
  for (const d of THREAD.subtree(id)) await expect(comment(page, d)).toHaveCount(0);
}

/** Asserts that comment `id` is unfolded. */
async function expectUnfolded(page, id, { count, noun, author }) {
  const button = toggle(page, id);
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(button).toHaveAccessibleName(`Hide ${count} ${noun} to ${author}`);
  await expect(button).toHaveText(`Hide ${count} ${noun}`);
  await expect(summary(page, id)).toHaveCount(0);
  // The replies the button controls, right inside the comment.
  await expect(comment(page, id).locator(`:scope > #replies-${id}`)).toHaveCount(1);
}

const ONE = { count: 8, noun: 'replies', author: 'meanestgenius' };
const ONE_SUMMARY = '8 hidden replies from Fred3, meanestgenius, Ashoaib, Venom and frequency';

test.describe('mouse', () => {
  test('fold and unfold comment 1', async ({ page }) => {
    await toggle(page, 1).click();
    await expectFolded(page, 1, { ...ONE, summaryText: ONE_SUMMARY });
    // Only 1, 2, 12, 11, 16 remain.
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - 8);
    await expect(comment(page, 1)).toBeVisible();
    await expect(comment(page, 2)).toBeVisible();
    await expect(comment(page, 12)).toBeVisible();
    await expect(comment(page, 16)).toBeVisible();

    await toggle(page, 1).click();
    await expectUnfolded(page, 1, ONE);
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    for (const d of THREAD.subtree(1)) await expect(comment(page, d)).toBeVisible();
    await expect(summaries(page)).toHaveCount(0);
  });

  test('singular wording: comment 3 has 1 reply', async ({ page }) => {
    const three = { count: 1, noun: 'reply', author: 'Fred3' };
    await toggle(page, 3).click();
    await expectFolded(page, 3, { ...three, summaryText: '1 hidden reply from meanestgenius' });
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - 1);
    await toggle(page, 3).click();
    await expectUnfolded(page, 3, three);
    await expect(comment(page, 4)).toBeVisible();
  });

  test('summaries list each author once, in page order', async ({ page }) => {
    await toggle(page, 13).click();
    await expectFolded(page, 13, {
      count: 3, noun: 'replies', author: 'Venom',
      summaryText: '3 hidden replies from frequency, Venom and meanestgenius',
    });
    await toggle(page, 13).click();

    await toggle(page, 7).click();
    await expectFolded(page, 7, {
      count: 5, noun: 'replies', author: 'Ashoaib',
      summaryText: '5 hidden replies from meanestgenius, Venom and frequency',
    });
    await toggle(page, 7).click();

    await toggle(page, 2).click();
    await expectFolded(page, 2, {
      count: 1, noun: 'reply', author: 'DellB', summaryText: '1 hidden reply from Venom',
    });
  });

  test('folding one thread leaves the others alone', async ({ page }) => {
    await toggle(page, 2).click();
    await expect(comment(page, 12)).toHaveCount(0);
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle(page, 11)).toHaveAttribute('aria-expanded', 'true');
    await expect(comment(page, 16)).toBeVisible();
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - 1);
  });

  test('unfolding a comment restores the fold state of its descendants', async ({ page }) => {
    await toggle(page, 13).click();
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'false');
    await toggle(page, 1).click();
    await expect(comment(page, 13)).toHaveCount(0);
    await toggle(page, 1).click();

    // 13 is still folded ...
    await expectFolded(page, 13, {
      count: 3, noun: 'replies', author: 'Venom',
      summaryText: '3 hidden replies from frequency, Venom and meanestgenius',
    });
    // ... while 1, 3 and 7 are open.
    await expectUnfolded(page, 1, ONE);
    await expectUnfolded(page, 3, { count: 1, noun: 'reply', author: 'Fred3' });
    await expectUnfolded(page, 7, { count: 5, noun: 'replies', author: 'Ashoaib' });
    await expect(comment(page, 13)).toBeVisible();
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - 3);
  });
});

test.describe('keyboard', () => {
  test('Tab to the toggle of comment 1, Enter folds, Space unfolds, focus stays', async ({ page }) => {
    const button = toggle(page, 1);
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await button.evaluate((el) => document.activeElement === el);
    }
    expect(reached, 'Tab never reached the toggle of comment 1').toBe(true);

    await page.keyboard.press('Enter');
    await expectFolded(page, 1, { ...ONE, summaryText: ONE_SUMMARY });
    await expect(button).toBeFocused();

    await page.keyboard.press('Space');
    await expectUnfolded(page, 1, ONE);
    await expect(button).toBeFocused();
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
  });

  test('while comment 1 is folded, Tab skips its replies', async ({ page }) => {
    await toggle(page, 1).focus();
    await page.keyboard.press('Enter');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
    // Tab out of comment 1: the next comment reached is 2, since 3 to 15 are not in the DOM.
    const focusedComment = () => page.evaluate(() => document.activeElement?.closest('li.comment')?.id ?? null);
    for (let i = 0; i < 10 && (await focusedComment()) === 'comment-1'; i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focusedComment()).toBe('comment-2');
    await expect(permalink(page, 2)).toBeFocused();
  });
});
