// Keyboard shortcuts: j/k, Shift+J/K, p, o/Enter, ? and Escape; never while typing.
import { test, expect, openPage, comment, toggle, descendantsOf, TOTAL_COMMENTS } from './helpers.mjs';

/** The id of the focused element. */
function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? null);
}

/** Ids (numbers) of the comments marked current. */
function currentIds(page) {
  return page.locator('li.comment.is-current').evaluateAll((els) => els.map((el) => Number(el.id.replace('comment-', ''))));
}

/** Asserts comment `id` is the one current comment, is focused and in view. */
async function expectCurrent(page, id) {
  await expect.poll(() => currentIds(page)).toEqual([id]);
  await expect.poll(() => focusedId(page)).toBe(`comment-${id}`);
  await expect(comment(page, id)).toBeInViewport();
  await expect(page).toHaveURL(new RegExp(`#comment-${id}$`));
}

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
    await expect(page.locator('li.comment.is-current')).toHaveCount(0);
  });
});

test.describe('folding', () => {
  test('o folds and unfolds the current comment', async ({ page }) => {
    await page.keyboard.press('j');
    await expectCurrent(page, 1);
    await page.keyboard.press('o');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS - descendantsOf(1).length);
    await page.keyboard.press('o');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
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
    await page.locator('#comment-1 > .comment-card a.permalink').focus();
    await page.keyboard.press('Enter');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(page).toHaveURL(/#comment-1$/);
  });

  test('o on a comment without replies does nothing', async ({ page }) => {
    await page.evaluate(() => { window.location.hash = '#comment-4'; });
    await expectCurrent(page, 4);
    await page.keyboard.press('o');
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
    await expect(page.locator('button.toggle[aria-expanded="false"]')).toHaveCount(0);
  });
});

test.describe('help dialog', () => {
  test('? opens the shortcuts dialog; Escape closes it', async ({ page }) => {
    const dialog = page.locator('dialog.shortcuts');
    await expect(dialog).toBeHidden();
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await expect(dialog.locator('tr')).toHaveCount(8);
    await expect(dialog.locator('tr').first()).toHaveText(/j\s*Next comment/);
    await expect(dialog).toContainText('Fold or unfold the current comment');
    expect(await dialog.evaluate((d) => d.open && d.matches(':modal'))).toBe(true);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await dialog.evaluate((d) => d.open)).toBe(false);
  });

  test('shortcuts do nothing while the dialog is open; it opens again after closing', async ({ page }) => {
    await page.keyboard.press('?');
    const dialog = page.locator('dialog.shortcuts');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('j');
    await expect(page.locator('li.comment.is-current')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    // The dialog's "close" event, which re-enables the shortcuts, comes a moment after it
    // hides: a key pressed within that moment is ignored. Wait as a reader would.
    await page.waitForTimeout(100);
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await page.waitForTimeout(100);
    await page.keyboard.press('j');
    await expect(comment(page, 1)).toHaveClass(/\bis-current\b/);
  });

  test('the toolbar button opens it, Close closes it and focus returns to the button', async ({ page }) => {
    const button = page.locator('.toolbar button.shortcuts-button');
    await expect(button).toHaveAccessibleName(/Keyboard shortcuts/);
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });
});

test.describe('typing', () => {
  test('typing j in the search field types, it does not move', async ({ page }) => {
    const field = page.getByLabel('Search comments');
    await field.click();
    await page.keyboard.type('jk');
    await expect(field).toHaveValue('jk');
    await expect(field).toBeFocused();
    await expect(page.locator('li.comment.is-current')).toHaveCount(0);
    expect(new URL(page.url()).hash).toBe('');
  });

  test('o and ? typed in the search field neither fold nor open the dialog', async ({ page }) => {
    await page.keyboard.press('j');
    await expectCurrent(page, 1);
    const field = page.getByLabel('Search comments');
    await field.click();
    await page.keyboard.type('o?');
    await expect(field).toHaveValue('o?');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('dialog.shortcuts')).toBeHidden();
  });

  test('shortcuts with Ctrl are left to the browser', async ({ page }) => {
    await page.keyboard.press('Control+j');
    await expect(page.locator('li.comment.is-current')).toHaveCount(0);
  });
});
