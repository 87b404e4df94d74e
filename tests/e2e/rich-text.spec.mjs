// Format 2's rich text in the browser (core/tests/corpus/format-2-rich.json): elements,
// never markup; links only for the web and mail; spoilers hidden until revealed;
// right-to-left paragraphs read right to left; search reads the rich text.
import { readFileSync } from 'node:fs';
import { test, expect, appTookOver, searchField, searchStatus } from './helpers.mjs';

const TEXT = readFileSync(new URL('../../core/tests/corpus/format-2-rich.json', import.meta.url), 'utf8');

test.beforeEach(async ({ page }) => {
  await page.route('**/rich.json', (route) => route.fulfill({ contentType: 'application/json', body: TEXT }));
  await page.goto('./?data=rich.json');
  await appTookOver(page);
});

function card(page, id) {
  return page.locator(`#comment-${id} > .comment-card`);
}

test('a javascript: link stays text; a web link is a link with its rel', async ({ page }) => {
  const body = card(page, 'c1').locator('.comment-body');
  await expect(body.getByRole('link')).toHaveCount(1);
  await expect(body.getByRole('link', { name: 'this' })).toHaveAttribute('href', 'https://example.org');
  await expect(body.getByRole('link', { name: 'this' })).toHaveAttribute('rel', 'nofollow ugc noopener noreferrer');
  await expect(body).toContainText('not that (javascript:alert(1))');
  await expect(body.locator('em')).toHaveText('good');
  await expect(body.locator('blockquote')).toHaveText('quoted text');
});

test('a spoiler stays hidden until the reader reveals it', async ({ page }) => {
  const spoiler = card(page, 'c5').getByRole('button', { name: 'Spoiler' });
  await expect(spoiler).toHaveAttribute('aria-expanded', 'false');
  await expect(card(page, 'c5').getByText('the butler did it')).toBeHidden();
  await spoiler.click();
  await expect(spoiler).toHaveAttribute('aria-expanded', 'true');
  await expect(card(page, 'c5').getByText('the butler did it')).toBeVisible();
});

test('each block keeps its own direction: an Arabic paragraph reads right to left', async ({ page }) => {
  const paragraphs = card(page, 'c5').locator('.comment-body > p');
  await expect(paragraphs).toHaveCount(2);
  const directions = await paragraphs.evaluateAll((ps) => ps.map((p) => getComputedStyle(p).direction));
  expect(directions).toEqual(['ltr', 'rtl']);
  await expect(card(page, 'c5').locator('ol.rich-list > li')).toHaveText(['first', 'second']);
});

test('search reads rich text: quotes and lists find their comment and mark the words', async ({ page }) => {
  await searchField(page).fill('quoted');
  await expect(searchStatus(page)).toHaveText('1 match');
  await expect(card(page, 'c1').locator('blockquote mark')).toHaveText('quoted');
  await searchField(page).fill('second');
  await expect(searchStatus(page)).toHaveText('1 match');
  await expect(card(page, 'c5').locator('li mark')).toHaveText('second');
});
