// Robustness: files of the corpus (core/tests/corpus/) served as discussion.json. Broken
// ones name the place of the problem on the error screen; odd but valid ones render,
// their text verbatim.
import { readFileSync } from 'node:fs';
import {
  test, expect, comment, comments, card, body, authorButton, expectLoadError,
} from './helpers.mjs';

const DATA = '**/discussion.json';

/** The bytes of a corpus file. */
function corpusFile(name) {
  return readFileSync(new URL(`../../core/tests/corpus/${name}`, import.meta.url));
}

/** Serves the corpus file `name` as discussion.json and opens the page. */
async function openWith(page, name) {
  const body = corpusFile(name);
  await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto('./');
}

/** The exact text of `locator`, control characters and all. */
function textOf(locator) {
  return locator.evaluate((el) => el.textContent);
}

/** The article's headline. */
function headline(page) {
  return page.getByRole('article').getByRole('heading', { level: 1 });
}

/** The note saying a comment replies to one missing from the file. */
function orphanNote(page, id) {
  return card(page, id).getByText(/^In reply to comment #\d+, which is not in this file$/);
}

test.describe('broken files', () => {
  // The error screen follows a 200 answer; nothing is logged. (Checked by the fixture.)

  test('truncated.json: the error names line and column', async ({ page }) => {
    await openWith(page, 'truncated.json');
    const detail = await expectLoadError(page);
    await expect(detail).toHaveText('discussion.json, line 14, column 42: EOF while parsing a string.');
  });

  test('duplicate-id.json: the error names the comment', async ({ page }) => {
    await openWith(page, 'duplicate-id.json');
    await expect(await expectLoadError(page)).toHaveText('discussion.json, comment 2 appears more than once.');
  });

  test('null-author.json: the error names the comment and the field', async ({ page }) => {
    await openWith(page, 'null-author.json');
    await expect(await expectLoadError(page))
      .toHaveText('discussion.json, comment 2: the field "author" is missing or null.');
  });
});

test('unknown-parent.json: renders, the orphans say so, and a banner lists the problems', async ({ page }) => {
  await openWith(page, 'unknown-parent.json');
  await expect(comments(page)).toHaveCount(4);
  await expect(page.getByRole('alert')).toHaveCount(0);

  await expect(orphanNote(page, 12)).toHaveText('In reply to comment #99, which is not in this file');
  await expect(orphanNote(page, 20)).toHaveText('In reply to comment #0, which is not in this file');
  // The orphan's own reply stays under it; top-level comments have no note.
  await expect(comment(page, 12).locator('#comment-13')).toBeVisible();
  await expect(orphanNote(page, 1)).toHaveCount(0);
  await expect(orphanNote(page, 13)).toHaveCount(0);

  const banner = page.getByRole('note');
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('This discussion file has problems. Every comment in it is still shown.');
  await expect(banner.getByRole('listitem')).toHaveText([
    'comment 12 replies to comment 99, which is not in the file',
    'comment 20 replies to comment 0, which is not in the file',
  ]);
});

test.describe('at 360 px wide', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('long-word.json: a 500-character word causes no sideways scrolling', async ({ page }) => {
    await openWith(page, 'long-word.json');
    await expect(comments(page)).toHaveCount(2);
    const word = 'Supercalifragilistic'.repeat(25);
    await expect(body(page, 1)).toHaveText(word);
    await expect(headline(page)).toHaveText('H' + 'e'.repeat(499));
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      body: document.body.scrollWidth,
    }));
    expect(widths.document, 'document scroll width').toBeLessThanOrEqual(360);
    expect(widths.body, 'body scroll width').toBeLessThanOrEqual(360);
  });
});

test('right-to-left.json: Arabic and Hebrew text, and a right-to-left override, verbatim', async ({ page }) => {
  await openWith(page, 'right-to-left.json');
  await expect(comments(page)).toHaveCount(2);
  await expect(headline(page)).toHaveText('عنوان المقال: هواوي والجيل الخامس');
  await expect(page.getByText('هذا تعليق باللغة العربية. وهذا سطر ثانٍ.', { exact: true })).toBeVisible();
  await expect(page.getByText('תגובה בעברית, mixed with English and 123.', { exact: true })).toBeVisible();
  expect(await textOf(authorButton(page, 1))).toBe('محمد\u202eevil.exe');
  expect(await textOf(authorButton(page, 2))).toBe('אבי');
});

test('emoji-combining.json: emoji sequences and combining marks, verbatim', async ({ page }) => {
  await openWith(page, 'emoji-combining.json');
  await expect(comments(page)).toHaveCount(2);
  const zalgo = 'Z\u0364\u0351\u0307a\u0308\u0356\u032dl\u036e\u0312g\u030c\u0317\u035ao\u0319\u0314';
  const emoji = 'Family 👨\u200d👩\u200d👧\u200d👦, flag 🇺🇸, skin tone 👍🏽, keycap 1\ufe0f\u20e3, '
    + `${zalgo}, \u00e9 as e\u0301`;
  await expect(page.getByText(emoji, { exact: true })).toBeVisible();
  expect(await textOf(body(page, 1))).toBe(emoji);
  expect(await textOf(body(page, 2))).toBe(zalgo.repeat(20));
  expect(await textOf(headline(page))).toBe(`Headline 🎉 ${zalgo}`);
});

test('control-characters.json: NUL and escape characters are kept as text', async ({ page }) => {
  await openWith(page, 'control-characters.json');
  await expect(comments(page)).toHaveCount(2);
  expect(await textOf(authorButton(page, 1))).toBe('author\u0000nul');
  expect(await textOf(headline(page))).toBe('Headline with NUL\u0000 and BEL\u0007');
  expect(await textOf(body(page, 1))).toContain('ESC\u001b[31mred\u001b[0m');
});
