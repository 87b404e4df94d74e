// One real thread per importer beyond Hacker News and Reddit, imported as a publisher
// would (`cargo xtask import`) from import/fixtures/ (sources in SOURCES.md): a Disqus
// export, a WordPress export (one thread of several), a Discourse topic and a Mastodon
// thread. `cargo xtask test` writes them into target/e2e/; every number here is worked
// out from the file.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, card, comments, imported, openImported as open, tool } from './helpers.mjs';
import { buildThread, drawnIds } from '../model/thread.mjs';
import { LIMITS } from '../model/limits.mjs';

const KIND_LABEL = { pingback: 'Pingback', trackback: 'Trackback', action: 'Moderator action' };

for (const name of ['disqus.json', 'wordpress.json', 'wordpress-pingbacks.json', 'discourse.json', 'mastodon.json']) {
  test.describe(name, () => {
    const { data } = imported(name);
    const drawn = new Set(drawnIds(buildThread(data.comments), () => true, LIMITS));
    const shown = data.comments.filter((c) => drawn.has(c.id));

    test('the thread reads as in the file: headline, every comment, what the import says', async ({ page }) => {
      await open(page, name);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.article.headline);
      await expect(page.locator('#discussion-title')).toHaveText(`Reader comments (${data.comments.length})`);
      await tool(page, 'Expand all').click();
      await expect(comments(page)).toHaveCount(shown.length);
      // Nesting: every drawn reply sits inside its parent.
      for (const c of shown.filter((c) => c.parent != null).slice(0, 20)) {
        await expect(page.locator(`#comment-${c.parent} #comment-${c.id}`)).toHaveCount(1);
      }
      await expect(page.locator('.comment-meta .removed')).toHaveCount(shown.filter((c) => c.state).length);
      const kinds = shown.filter((c) => c.kind);
      await expect(page.locator('.comment-meta .comment-kind')).toHaveText(kinds.map((c) => KIND_LABEL[c.kind]));
      await expect(page.locator('details.content-warning')).toHaveCount(shown.filter((c) => c.warning?.trim()).length);
      const notes = page.getByRole('complementary', { name: 'About this copy of the discussion' });
      if (data.notes?.length) await expect(notes.getByRole('listitem')).toHaveText(data.notes);
      else await expect(notes).toHaveCount(0);
    });

    test('the first comments read with their authors and times', async ({ page }) => {
      await open(page, name);
      for (const c of data.comments.filter((c) => !c.state && !c.parent).slice(0, 3)) {
        await expect(card(page, c.id).locator('.comment-author')).toHaveText(c.author);
        if (c.time) {
          await expect(card(page, c.id).locator('time').first()).toHaveAttribute(
            'datetime',
            new Date(c.time).toISOString().replace('.000Z', 'Z'),
          );
        }
      }
    });

    test('axe finds no violations', async ({ page }) => {
      test.setTimeout(120_000);
      await open(page, name);
      await tool(page, 'Expand all').click();
      await expect(comments(page)).toHaveCount(shown.length);
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    });
  });
}

test('WordPress: replies ten deep go on past the eighth level as "Continue this thread"', async ({ page }) => {
  const { data } = imported('wordpress.json');
  const thread = buildThread(data.comments);
  const deepest = Math.max(...data.comments.map((c) => thread.depth(c.id)));
  expect(deepest).toBeGreaterThanOrEqual(LIMITS.DEPTH_CAP);
  await open(page, 'wordpress.json');
  await tool(page, 'Expand all').click();
  await expect(page.getByRole('link', { name: /^Continue this thread/ }).first()).toBeVisible();
});

test('WordPress: pingbacks and trackbacks are labelled, and the note says so', async ({ page }) => {
  const { data } = imported('wordpress-pingbacks.json');
  await open(page, 'wordpress-pingbacks.json');
  const pingbacks = data.comments.filter((c) => c.kind === 'pingback');
  expect(pingbacks.length).toBe(2);
  for (const c of pingbacks) await expect(card(page, c.id).locator('.comment-kind')).toHaveText('Pingback');
  await expect(page.getByRole('complementary', { name: 'About this copy of the discussion' })).toContainText(
    '2 pingbacks and 2 trackbacks',
  );
});

test('Discourse: a quote names who is quoted, inside the quote', async ({ page }) => {
  const { data } = imported('discourse.json');
  const quoting = data.comments.find((c) => JSON.stringify(c.body ?? '').includes('"quote"'));
  await open(page, 'discourse.json', `#comment-${quoting.id}`);
  await expect(card(page, quoting.id).locator('blockquote').first()).toContainText('Elliot:');
});
