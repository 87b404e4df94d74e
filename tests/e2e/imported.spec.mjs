// Real threads imported as a publisher would (`cargo xtask import`): a Hacker News story
// (Algolia) and a Reddit thread, from import/fixtures/ with their sources. `cargo xtask
// test` writes them into target/e2e/; every number here is worked out from the file.
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, card, imported, openImported } from './helpers.mjs';
import { buildThread, drawnIds } from '../model/thread.mjs';
import { LIMITS } from '../model/limits.mjs';

/** Opens the app on `name` in `scheme`. */
async function open(page, name, { scheme = 'light', hash = '' } = {}) {
  await page.emulateMedia({ colorScheme: scheme });
  await openImported(page, name, hash);
}

for (const name of ['hn.json', 'reddit.json']) {
  test.describe(name, () => {
    const { data } = imported(name);
    // After "Expand all" the full view draws 8 levels and 100 siblings a page.
    const drawn = new Set(drawnIds(buildThread(data.comments), () => true, LIMITS));
    const deleted = data.comments.filter((c) => c.state === 'deleted' && drawn.has(c.id)).length;

    test('every comment is there, deleted ones as placeholders that keep their replies', async ({ page }) => {
      await open(page, name);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.article.headline);
      await expect(page.locator('#discussion-title')).toHaveText(`Reader comments (${data.comments.length})`);
      await page.getByRole('button', { name: 'Expand all' }).click();
      await expect(page.locator('.comment-meta .removed')).toHaveCount(deleted);
      // A deleted comment with replies still holds them.
      const parent = data.comments.find((c) => c.state && data.comments.some((r) => r.parent === c.id));
      if (parent) {
        const reply = data.comments.find((r) => r.parent === parent.id);
        await expect(page.locator(`#comment-${parent.id} #comment-${reply.id}`)).toHaveCount(1);
      }
    });

    for (const scheme of ['light', 'dark']) {
      test(`axe finds no violations (${scheme})`, async ({ page }) => {
        // axe walks every node of a page of hundreds of comments: slow on a loaded machine.
        test.setTimeout(120_000);
        await open(page, name, { scheme });
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
      });
    }

    test('links are real links only for the web and mail, and carry rel', async ({ page }) => {
      await open(page, name);
      const links = page.locator('.comment-body a');
      const hrefs = await links.evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')]));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const [href, rel] of hrefs) {
        expect(href).toMatch(/^(https?:|mailto:)/i);
        expect(rel).toBe('nofollow ugc noopener noreferrer');
      }
    });
  });
}

test('Hacker News: times, a code block that scrolls in its own box, quotes', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, 'hn.json');
  const time = card(page, 18476289).locator('time').first();
  await expect(time).toHaveAttribute('datetime', '2018-11-17T16:56:14Z');
  await expect(time).toHaveText('Nov 17, 2018, 16:56 UTC');
  const code = card(page, 18476415).locator('pre.code');
  await expect(code).toContainText('no one will use it if it [...] is unnecessarily');
  // Whitespace kept, and the page itself never scrolls sideways.
  expect(await code.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expect(card(page, 18476346).locator('blockquote')).not.toHaveCount(0);
});

test('Reddit: scores, replies that are not in the file, and the orders real data allows', async ({ page }) => {
  const { data } = imported('reddit.json');
  await open(page, 'reddit.json', { hash: '#comment-cu5x3k9' });
  await expect(card(page, 'cu5x3k9')).toContainText('15 points');
  await expect(card(page, 'cu5x3k9').locator('time')).toHaveAttribute('datetime', '2015-08-17T15:01:00Z');
  await page.goto(`./?data=reddit.json#comment-cu5p1hh`);
  await expect(card(page, 'cu5p1hh')).toContainText('12 more replies are not in this file');
  await expect(page.locator('.discussion > .missing-replies')).toContainText(
    `${data.missing_replies} more replies are not in this file`,
  );
  const order = page.getByRole('combobox', { name: /Order/ });
  await expect(order.getByRole('option')).toHaveText([
    'As on the original site', 'Oldest first', 'Newest first', 'Top (by score)', 'Most replies',
  ]);
  await order.selectOption('top');
  const scores = data.comments.filter((c) => !c.parent).map((c) => c.score ?? -Infinity).sort((a, b) => b - a);
  const first = page.locator('ol.thread > li.comment').first();
  await expect(first.locator(':scope > .comment-card .comment-score')).toHaveText(`${scores[0]} points`);
});

test('screenshot imported-reddit.png: an imported Reddit thread on a desktop', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, 'reddit.json');
  await page.evaluate(() => document.fonts.ready);
  // The thread, from its first comment.
  await page.evaluate(() => {
    const top = document.querySelector('#discussion-title').getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top, behavior: 'instant' });
  });
  await expect(page.locator('#discussion-title')).toBeInViewport();
  const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
  await page.screenshot({ path: `${shots}imported-reddit.png` });
});
