// The theme switch (Auto / Light / Dark, remembered in this browser) and printing (every
// reply unfolded, controls hidden).
import { test, expect, openPage, comment, toggle, TOTAL_COMMENTS } from './helpers.mjs';

// From style/main.css: --bg is light-dark(#fdfcfa, #141417).
const LIGHT_BG = 'rgb(253, 252, 250)';
const DARK_BG = 'rgb(20, 20, 23)';

function themeRadio(page, name) {
  return page.locator('fieldset.theme-switch').getByRole('radio', { name, exact: true });
}
function dataTheme(page) {
  return page.evaluate(() => document.documentElement.getAttribute('data-theme'));
}
function bodyBackground(page) {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

test.describe('theme switch', () => {
  test.use({ colorScheme: 'light' });

  test('offers Auto, Light and Dark; Auto is chosen at first', async ({ page }) => {
    await openPage(page);
    const switcher = page.locator('fieldset.theme-switch');
    await expect(switcher).toBeVisible();
    await expect(page.getByRole('group', { name: 'Theme' })).toHaveCount(1);
    await expect(switcher.getByRole('radio')).toHaveCount(3);
    for (const name of ['Auto', 'Light', 'Dark']) await expect(themeRadio(page, name)).toHaveCount(1);
    await expect(themeRadio(page, 'Auto')).toBeChecked();
    expect(await dataTheme(page)).toBeNull();
    expect(await bodyBackground(page)).toBe(LIGHT_BG);
  });

  test('Dark sets data-theme="dark", darkens the page and is remembered across a reload', async ({ page }) => {
    await openPage(page);
    await themeRadio(page, 'Dark').check();
    await expect.poll(() => dataTheme(page)).toBe('dark');
    await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);

    await page.reload();
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
    expect(await dataTheme(page)).toBe('dark');
    await expect(themeRadio(page, 'Dark')).toBeChecked();
    await expect(themeRadio(page, 'Auto')).not.toBeChecked();
    expect(await bodyBackground(page)).toBe(DARK_BG);
  });

  test('back to Auto removes data-theme, and that is remembered too', async ({ page }) => {
    await openPage(page);
    await themeRadio(page, 'Dark').check();
    await expect.poll(() => dataTheme(page)).toBe('dark');
    await themeRadio(page, 'Auto').check();
    await expect.poll(() => dataTheme(page)).toBeNull();
    await page.reload();
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
    await expect(themeRadio(page, 'Auto')).toBeChecked();
    expect(await dataTheme(page)).toBeNull();
    expect(await bodyBackground(page)).toBe(LIGHT_BG);
  });
});

test.describe('theme switch, system dark', () => {
  test.use({ colorScheme: 'dark' });

  test('Light overrides a dark system setting and is remembered', async ({ page }) => {
    await openPage(page);
    expect(await bodyBackground(page)).toBe(DARK_BG);
    await themeRadio(page, 'Light').check();
    await expect.poll(() => dataTheme(page)).toBe('light');
    await expect.poll(() => bodyBackground(page)).toBe(LIGHT_BG);
    await page.reload();
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
    await expect(themeRadio(page, 'Light')).toBeChecked();
    expect(await bodyBackground(page)).toBe(LIGHT_BG);
  });
});

test.describe('print', () => {
  test('beforeprint unfolds every comment, print media hides the toolbar; afterprint folds back', async ({ page }) => {
    await openPage(page);
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect(page.locator('li.comment')).toHaveCount(3);

    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
    await expect(comment(page, 17)).toBeVisible();
    await expect(page.locator('.toolbar')).toBeHidden();
    await expect(page.locator('#comment-1 > .comment-card .comment-body')).toBeVisible();
    // The controls are left out; who wrote what stays.
    await expect(toggle(page, 1)).toBeHidden();
    await expect(page.locator('#comment-1 > .comment-card .comment-nav')).toBeHidden();
    await expect(page.locator('#comment-1 > .comment-card button.unfold-below')).toBeHidden();
    await expect(page.locator('#comment-17 > .comment-card .comment-author')).toBeVisible();
    await expect(page.locator('#comment-17 > .comment-card .comment-author')).toHaveText('Venom');
    for (const panel of ['.overview-panel', 'section.participants', 'fieldset.theme-switch']) {
      for (const el of await page.locator(panel).all()) await expect(el).toBeHidden();
    }

    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('li.comment')).toHaveCount(3);
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('.toolbar')).toBeVisible();
  });

  test('after printing, the saved folds are the reader’s again', async ({ page }) => {
    await openPage(page);
    await toggle(page, 13).click();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'false');
    await page.reload();
    await expect(page.locator('li.comment').first()).toBeVisible();
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS - 3);
  });

  test('the dark theme prints black on white', async ({ page }) => {
    await openPage(page);
    await themeRadio(page, 'Dark').check();
    await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => bodyBackground(page)).toBe('rgb(255, 255, 255)');
    expect(await page.locator('#comment-1 > .comment-card .comment-body p').first()
      .evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
  });
});
