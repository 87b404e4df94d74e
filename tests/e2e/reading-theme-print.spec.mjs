// The theme switch (Auto / Light / Dark, remembered in this browser) and printing (every
// reply unfolded, controls hidden).
import {
  test, expect, openPage, comment, comments, card, body, toggle, authorButton, themeRadio, tool,
  TOTAL_COMMENTS,
} from './helpers.mjs';

// From style/main.css: --bg is light-dark(#fdfcfa, #141417).
const LIGHT_BG = 'rgb(253, 252, 250)';
const DARK_BG = 'rgb(20, 20, 23)';

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
    const switcher = page.getByRole('group', { name: 'Theme' });
    await expect(switcher).toBeVisible();
    await expect(switcher).toHaveCount(1);
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
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
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
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
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
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    await expect(themeRadio(page, 'Light')).toBeChecked();
    expect(await bodyBackground(page)).toBe(LIGHT_BG);
  });
});

test.describe('print', () => {
  test('beforeprint unfolds every comment, print media hides the toolbar; afterprint folds back', async ({ page }) => {
    await openPage(page);
    await tool(page, 'Collapse all').click();
    await expect(comments(page)).toHaveCount(3);
    // What printing leaves out. (Role queries skip hidden elements unless told not to.)
    const all = { includeHidden: true };
    const controls = {
      folding: page.getByRole('group', { name: 'Folding', ...all }),
      order: page.getByRole('combobox', { name: 'Order', ...all }),
      search: page.getByRole('search', all),
      shortcuts: page.getByRole('button', { name: /^Keyboard shortcuts/, ...all }),
      'thread overview': page.getByText('Thread overview', { exact: true }),
      participants: page.getByRole('region', { name: /^Participants/, ...all }),
      theme: page.getByRole('group', { name: 'Theme', ...all }),
      'fold button': card(page, 1).getByRole('button', { name: /^(Hide|Show) 8 replies to meanestgenius$/, ...all }),
      'unfold all below': card(page, 1).getByRole('button', { name: /^Unfold all below comment 1 /, ...all }),
      'next link': card(page, 1).getByRole('link', { name: /^Next: /, ...all }),
      'copy link': card(page, 1).getByRole('button', { name: 'Copy link to comment 1', ...all }),
    };
    for (const [name, control] of Object.entries(controls)) await expect(control, name).toBeVisible();

    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    await expect(comment(page, 17)).toBeVisible();
    await expect(body(page, 1)).toBeVisible();
    // The controls are left out; who wrote what stays.
    for (const [name, control] of Object.entries(controls)) await expect(control, name).toBeHidden();
    await expect(authorButton(page, 17)).toBeVisible();
    await expect(authorButton(page, 17)).toHaveText('Venom');

    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect(comments(page)).toHaveCount(3);
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
    await expect(controls.folding).toBeVisible();
  });

  test('after printing, the saved folds are the reader’s again', async ({ page }) => {
    await openPage(page);
    await toggle(page, 13).click();
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'false');
    await page.reload();
    await expect(comments(page).first()).toBeVisible();
    await expect(toggle(page, 13)).toHaveAttribute('aria-expanded', 'false');
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS - 3);
  });

  test('the dark theme prints black on white', async ({ page }) => {
    await openPage(page);
    await themeRadio(page, 'Dark').check();
    await expect.poll(() => bodyBackground(page)).toBe(DARK_BG);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(() => bodyBackground(page)).toBe('rgb(255, 255, 255)');
    expect(await body(page, 1).getByRole('paragraph').first()
      .evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)');
  });
});
