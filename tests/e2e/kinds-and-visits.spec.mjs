// What format 2 says beside the text (core/tests/corpus/format-2-kinds.json): pingbacks,
// trackbacks and moderator actions labelled, a content warning that hides its text until
// the reader opens it, and the import's notes shown. And "new since your last visit" on a
// real imported thread (target/e2e/hn.json), every count worked out from the file.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, appTookOver, card, body, comments, imported, openImported, tool } from './helpers.mjs';
import { buildThread } from '../model/thread.mjs';

const KINDS = readFileSync(new URL('../../core/tests/corpus/format-2-kinds.json', import.meta.url), 'utf8');
const KINDS_DATA = JSON.parse(KINDS);

async function openKinds(page) {
  await page.route('**/kinds.json', (route) => route.fulfill({ contentType: 'application/json', body: KINDS }));
  await page.goto('./?data=kinds.json');
  await appTookOver(page);
}

test.describe('kinds, warnings and notes', () => {
  test('pingbacks, trackbacks and moderator actions say what they are', async ({ page }) => {
    await openKinds(page);
    const label = { pingback: 'Pingback', trackback: 'Trackback', action: 'Moderator action' };
    for (const c of KINDS_DATA.comments) {
      const kind = card(page, c.id).locator('.comment-meta .comment-kind');
      if (c.kind) await expect(kind).toHaveText(label[c.kind]);
      else await expect(kind).toHaveCount(0);
    }
  });

  test('a content warning keeps the text folded until the reader opens it', async ({ page }) => {
    await openKinds(page);
    const warned = KINDS_DATA.comments.find((c) => c.warning && c.warning.trim());
    const disclosure = card(page, warned.id).getByText(`Content warning: ${warned.warning}`);
    await expect(disclosure).toBeVisible();
    const text = card(page, warned.id).getByText('The butler did it.');
    await expect(text).toBeHidden();
    await disclosure.focus();
    await page.keyboard.press('Enter');
    await expect(text).toBeVisible();
    await expect(card(page, warned.id).locator('details.content-warning')).toHaveAttribute('open', '');
    // A blank warning is no warning: that comment's text shows at once.
    const blank = KINDS_DATA.comments.find((c) => c.warning === ' ');
    await expect(body(page, blank.id)).toHaveText(blank.body);
    await expect(card(page, blank.id).locator('details.content-warning')).toHaveCount(0);
  });

  test('the import notes are listed under the heading', async ({ page }) => {
    await openKinds(page);
    const notes = page.getByRole('complementary', { name: 'About this copy of the discussion' });
    await expect(notes.getByRole('listitem')).toHaveText(KINDS_DATA.notes);
  });

  for (const scheme of ['light', 'dark']) {
    test(`axe finds no violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await openKinds(page);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    });
  }
});

test.describe('new since your last visit', () => {
  const { data } = imported('hn.json');
  const openHn = (page) => openImported(page, 'hn.json');

  /** The kept visit's key for this page, as the app wrote it on the first open. */
  async function visitKey(page) {
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('threadview:visit:')));
    expect(keys).toHaveLength(1);
    return keys[0];
  }

  // The visit before: the median comment's time, so about half the thread is new.
  const times = data.comments.filter((c) => c.time).map((c) => Date.parse(c.time) / 1000).sort((a, b) => a - b);
  const since = times[Math.floor(times.length / 2)];
  const newIds = buildThread(data.comments).order.filter((id) => {
    const c = data.comments.find((x) => x.id === id);
    return !c.state && c.time && Date.parse(c.time) / 1000 > since;
  });
  const group = (page) => page.getByRole('group', { name: 'New comments' });

  test('a first visit marks nothing; the next day marks what came since', async ({ page }) => {
    await openHn(page);
    await expect(group(page)).toHaveCount(0);
    await expect(page.locator('.new-mark')).toHaveCount(0);
    const key = await visitKey(page);
    expect(await page.evaluate((k) => localStorage.getItem(k), key)).toMatch(/^1 \d+ -$/);

    // A reload within the same visit still knows of no earlier one.
    await page.reload();
    await appTookOver(page);
    await expect(group(page)).toHaveCount(0);

    // As if the reader had last come at `since`.
    await page.evaluate(([k, t]) => localStorage.setItem(k, `1 ${t} -`), [key, since]);
    await page.reload();
    await appTookOver(page);
    await expect(group(page)).toContainText(`${newIds.length} new comments since your last visit`);
    await tool(page, 'Expand all').click();
    await expect(comments(page)).toHaveCount(data.comments.length);
    await expect(page.locator('li.comment.is-new')).toHaveCount(newIds.length);
    await expect(page.locator('.comment-meta .new-mark')).toHaveCount(newIds.length);
    await expect(page.locator(`#comment-${newIds[0]} > .comment-card .new-mark`)).toHaveText('New');

    // A reload keeps the marks: it is the same visit.
    await page.reload();
    await appTookOver(page);
    await expect(group(page)).toContainText(`${newIds.length} new comments`);
  });

  test('Next new and the n key go from one new comment to the next, in reading order', async ({ page }) => {
    await openHn(page);
    const key = await visitKey(page);
    await page.evaluate(([k, t]) => localStorage.setItem(k, `1 ${t} -`), [key, since]);
    await page.reload();
    await appTookOver(page);
    await group(page).getByRole('button', { name: /^Next new/ }).click();
    await expect(page).toHaveURL(new RegExp(`#comment-${newIds[0]}$`));
    await expect(page.locator(`#comment-${newIds[0]}`)).toBeFocused();
    await page.keyboard.press('n');
    await expect(page).toHaveURL(new RegExp(`#comment-${newIds[1]}$`));
    await expect(page.locator(`#comment-${newIds[1]}`)).toBeFocused();
    await page.keyboard.press('n');
    await expect(page.locator(`#comment-${newIds[2]}`)).toBeFocused();
  });

  test('a corrupt memory or one from the future is a first visit, and is replaced', async ({ page }) => {
    await openHn(page);
    const key = await visitKey(page);
    for (const kept of ['{"last": 5}', `1 ${Math.floor(Date.now() / 1000) + 86_400} ${since}`]) {
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, kept]);
      await page.reload();
      await appTookOver(page);
      await expect(group(page)).toHaveCount(0);
      expect(await page.evaluate((k) => localStorage.getItem(k), key)).toMatch(/^1 \d+ -$/);
    }
  });
});
