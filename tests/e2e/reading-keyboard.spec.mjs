// Keyboard shortcuts: j/k, Shift+J/K, p, o/Enter, ? and Escape; never while typing.
import {
  test, expect, openPage, comment, comments, currentComments, toggle, toggles, permalink,
  searchField, shortcutsDialog, expectCurrent, THREAD, TOTAL_COMMENTS,
} from './helpers.mjs';

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

test.describe('moving', () => {
  test('j from the top goes to comment 1, then j j to 4', async ({ page }) => {
    await page.keyboard.press('j');
    await expectCurrent(page, 1);
    await page.keyboard.press('j');
    await expectCurrent(page, 3);
    await page.keyboard.press('j');
    await expectCurrent(page, 4);
  });

  test('k goes back; k from nowhere goes to the last comment', async ({ page }) => {
    await page.keyboard.press('k');
    await expectCurrent(page, 16);
    await page.keyboard.press('k');
    await expectCurrent(page, 11);
    await page.keyboard.press('j');
    await expectCurrent(page, 16);
  });

  test('Shift+J / Shift+K move between top-level comments', async ({ page }) => {
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expectCurrent(page, 4);
    await page.keyboard.press('Shift+J');
    await expectCurrent(page, 2);
    await page.keyboard.press('Shift+J');
    await expectCurrent(page, 11);
    await page.keyboard.press('Shift+K');
    await expectCurrent(page, 2);
    await page.keyboard.press('Shift+K');
    await expectCurrent(page, 1);
  });

  test('j skips folded replies', async ({ page }) => {
    // Focus in a comment (here its toggle) makes it the current one.
    await toggle(page, 7).click();
    await expect(comment(page, 7)).toHaveClass(/\bis-current\b/);
    // After 7 comes 2: 7's replies are folded away.
    await page.keyboard.press('j');
    await expectCurrent(page, 2);
    await page.keyboard.press('k');
    await expectCurrent(page, 7);
    await page.keyboard.press('k');
    await expectCurrent(page, 4);
  });

  test('p goes to the parent: 17 → 14 → 13', async ({ page }) => {
    await page.evaluate(() => { window.location.hash = '#comment-17'; });
    await expectCurrent(page, 17);
    await page.keyboard.press('p');
    await expectCurrent(page, 14);
    await page.keyboard.press('p');
    await expectCurrent(page, 13);
  });

  test('Escape clears the current mark', async ({ page }) => {
    await page.keyboard.press('j');
    await expectCurrent(page, 1);
    await page.keyboard.press('Escape');
    await expect(currentComments(page)).toHaveCount(0);
  });
});

test.describe('folding', () => {
  test('o folds and unfolds the current comment', async ({ page }) => {
    await page.keyboard.press('j');
    await expectCurrent(page, 1);
    await page.keyboard.press('o');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - THREAD.descendants(1));
    await page.keyboard.press('o');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
  });

  test('Enter on the focused comment folds and unfolds it', async ({ page }) => {
    await page.evaluate(() => { window.location.hash = '#comment-13'; });
    await expectCurrent(page, 13);
    await page.keyboard.press('Enter');
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'false');
    await expect(comment(page, 14)).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'true');
    await expect(comment(page, 14)).toBeVisible();
  });

  test('Enter on a link or button does its own job, not a fold', async ({ page }) => {
    await page.keyboard.press('j');
    await expectCurrent(page, 1);
    await permalink(page, 1).focus();
    await page.keyboard.press('Enter');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(page).toHaveURL(/#comment-1$/);
  });

  test('o on a comment without replies does nothing', async ({ page }) => {
    await page.evaluate(() => { window.location.hash = '#comment-4'; });
    await expectCurrent(page, 4);
    await page.keyboard.press('o');
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    await expect(toggles(page, { expanded: false })).toHaveCount(0);
  });
});

test.describe('help dialog', () => {
  test('? opens the shortcuts dialog; Escape closes it', async ({ page }) => {
    const dialog = shortcutsDialog(page);
    await expect(dialog).toBeHidden();
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    const rows = dialog.getByRole('row');
    await expect(rows).toHaveCount(9);
    await expect(rows.first()).toHaveText(/j\s*Next comment/);
    await expect(dialog).toContainText('Fold or unfold the current comment');
    await expect(dialog).toContainText('Next comment new since your last visit');
    expect(await dialog.evaluate((d) => d.open && d.matches(':modal'))).toBe(true);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await shortcutsDialog(page, { includeHidden: true }).evaluate((d) => d.open)).toBe(false);
  });

  test('shortcuts do nothing while the dialog is open, and work at once after Escape closes it', async ({ page }) => {
    const dialog = shortcutsDialog(page);
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('j');
    await expect(currentComments(page)).toHaveCount(0);

    // Closed with Escape, then a key straight away: it is not lost.
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await expect(dialog).toBeHidden();
    await expectCurrent(page, 1);
  });

  test('right after its Close button closes it, ? opens it again and j moves', async ({ page }) => {
    const dialog = shortcutsDialog(page);
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();

    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press('j');
    await expect(dialog).toBeHidden();
    await expectCurrent(page, 1);
  });

  test('the toolbar button opens it, Close closes it and focus returns to the button', async ({ page }) => {
    const button = page.getByRole('button', { name: /^Keyboard shortcuts/ });
    await expect(button).toHaveAttribute('aria-haspopup', 'dialog');
    await button.click();
    const dialog = shortcutsDialog(page);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });
});

test.describe('typing', () => {
  test('typing j in the search field types, it does not move', async ({ page }) => {
    const field = searchField(page);
    await field.click();
    await page.keyboard.type('jk');
    await expect(field).toHaveValue('jk');
    await expect(field).toBeFocused();
    await expect(currentComments(page)).toHaveCount(0);
    expect(new URL(page.url()).hash).toBe('');
  });

  test('o and ? typed in the search field neither fold nor open the dialog', async ({ page }) => {
    await page.keyboard.press('j');
    await expectCurrent(page, 1);
    const field = searchField(page);
    await field.click();
    await page.keyboard.type('o?');
    await expect(field).toHaveValue('o?');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(shortcutsDialog(page)).toBeHidden();
  });

  test('shortcuts with Ctrl are left to the browser', async ({ page }) => {
    await page.keyboard.press('Control+j');
    await expect(currentComments(page)).toHaveCount(0);
  });
});
