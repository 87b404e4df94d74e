// An archive built from real exports (`cargo xtask test` builds target/e2e-archive/ from
// import/fixtures/: the Chinese Disqus export of six threads with comments, the WordPress
// theme unit test with five, and the Turkish Disqus export of one), served under a
// sub-path of its own. Expectations come from the discussion files beside each page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './helpers.mjs';
import { ARCHIVE_URL } from './playwright.config.mjs';

const ROOT = new URL('../../target/e2e-archive/', import.meta.url);
if (!existsSync(ROOT)) {
  throw new Error(`${fileURLToPath(ROOT)} is missing: \`cargo xtask test\` builds it.`);
}
const SLUGS = readdirSync(new URL('d/', ROOT));
const DATA = new Map(SLUGS.map((slug) => [slug, JSON.parse(readFileSync(new URL(`d/${slug}/discussion.json`, ROOT), 'utf8'))]));
const bySlugTitle = (title) => SLUGS.find((s) => DATA.get(s).article.headline === title);

const url = (path = '') => new URL(path, ARCHIVE_URL).href;

/** Fails the test on any Content-Security-Policy violation in the page. */
async function watchCsp(page) {
  const violations = [];
  await page.exposeFunction('reportCspViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return violations;
}

test('the index lists every discussion with its comments, and what was left out', async ({ page }) => {
  // Six of the Chinese export's nine threads have comments, five WordPress posts do, and
  // the Turkish export is one thread.
  expect(SLUGS).toHaveLength(12);
  await page.goto(url());
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Discussions (12)');
  const entries = page.locator('.archive-entry');
  await expect(entries).toHaveCount(12);
  for (const slug of SLUGS) {
    const data = DATA.get(slug);
    const link = page.getByRole('link', { name: data.article.headline, exact: true }).and(page.locator(`a[href="d/${slug}/"]`));
    await expect(link).toHaveCount(1);
    const n = data.comments.length;
    await expect(page.locator('.archive-entry', { has: link })).toContainText(n === 1 ? '1 comment' : `${n} comments`);
  }
  await expect(page.locator('.archive-left-out')).toContainText('left out: no comments, or only spam or unapproved ones');
});

test('the orders: most comments first, and by title', async ({ page }) => {
  await page.goto(url());
  await page.getByRole('navigation', { name: 'Order' }).getByRole('link', { name: 'Most comments' }).click();
  const most = [...DATA.values()].sort((a, b) => b.comments.length - a.comments.length)[0];
  await expect(page.locator('.archive-entry').first()).toContainText(most.article.headline);
  await expect(page.getByRole('link', { name: 'Most comments' })).toHaveAttribute('aria-current', 'page');
});

test('a discussion page opens with its comments and links back to the index', async ({ page }) => {
  const slug = bySlugTitle('Template: Comments');
  const data = DATA.get(slug);
  await page.goto(url());
  await page.getByRole('link', { name: 'Template: Comments', exact: true }).click();
  await expect(page).toHaveURL(url(`d/${slug}/`));
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(data.article.headline);
  await expect(page.locator('#discussion-title')).toHaveText(`Reader comments (${data.comments.length})`);
  await page.getByRole('navigation', { name: 'Archive' }).getByRole('link', { name: 'All discussions' }).click();
  await expect(page).toHaveURL(url());
});

for (const [phrase, title] of [
  ['保研', '保研个人陈述等材料分享'],
  ['anonymous', 'Template: Comments'],
]) {
  test(`search finds "${phrase}" and opens the discussion at the comment`, async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto(url());
    await page.getByRole('searchbox', { name: 'Search every comment' }).fill(phrase);
    const results = page.locator('#archive-search-results li');
    await expect(results.first()).toBeVisible({ timeout: 15_000 });
    const link = results.locator('a', { hasText: title }).first();
    const href = await link.getAttribute('href');
    const [, slug, id] = href.match(/d\/([^/]+)\/#comment-(.+)$/);
    const comment = DATA.get(slug).comments.find((c) => String(c.id) === id);
    expect(JSON.stringify(comment)).toContain(phrase);
    await link.click();
    await expect(page).toHaveURL(url(`d/${slug}/#comment-${id}`));
    await expect(page.locator(`#comment-${id}`)).toBeFocused();
    expect(violations).toEqual([]);
  });
}

test('Turkish text is searchable', async ({ page }) => {
  const slug = SLUGS.find((s) => JSON.stringify(DATA.get(s)).includes('teşekkür'));
  await page.goto(url());
  await page.getByRole('searchbox', { name: 'Search every comment' }).fill('teşekkür');
  await expect(page.locator(`#archive-search-results a[href^="d/${slug}/#comment-"]`).first()).toBeVisible({ timeout: 15_000 });
});

test('with JavaScript off, the index and a page read', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url());
  await expect(page.locator('.archive-entry')).toHaveCount(12);
  const slug = bySlugTitle('保研个人陈述等材料分享');
  await page.locator(`a[href="d/${slug}/"]`).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('保研个人陈述等材料分享');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('li.comment').first()).toBeVisible();
  await context.close();
});

test('the index at 360 px: no sideways scrolling, search results included', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(url());
  await page.getByRole('searchbox', { name: 'Search every comment' }).fill('comment');
  await expect(page.locator('#archive-search-results li').first()).toBeVisible({ timeout: 15_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test('axe finds no violations on the index', async ({ page }) => {
  await page.goto(url());
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

test.describe('a missing address', () => {
  // The page itself is a 404: the browser logs that.
  test.use({ allowConsoleErrors: true });

  test('gets the 404 page, styled, linking to the index', async ({ page }) => {
    const failed = [];
    page.on('response', (r) => r.status() >= 400 && r.url() !== url('d/no-such-thread/') && failed.push(r.url()));
    const response = await page.goto(url('d/no-such-thread/'));
    expect(response.status()).toBe(404);
    // The archive is built with --base-url https://archive.example/old/comments/, the
    // path it is served at: the page's styles and link go there, from any address.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not found');
    expect(failed).toEqual([]);
    await page.getByRole('link', { name: 'See every discussion' }).click();
    await expect(page).toHaveURL(url());
  });
});

test('each page names its public address', async ({ page }) => {
  const slug = SLUGS[0];
  await page.goto(url(`d/${slug}/`));
  const canonical = `https://archive.example/old/comments/d/${slug}/`;
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', canonical);
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical);
});

test('a taken-down comment keeps its place as removed, with its reply, and its text is gone', async ({ page }) => {
  // `cargo xtask test` builds the archive with a takedown list naming comment 2473649308.
  const slug = bySlugTitle('保研个人陈述等材料分享');
  const data = DATA.get(slug);
  const removed = data.comments.find((c) => c.id === 2473649308 || c.id === '2473649308');
  expect(removed.state).toBe('removed');
  expect(removed.author).toBeUndefined();
  expect(removed.body).toBeUndefined();
  const raw = readFileSync(new URL(`d/${slug}/discussion.json`, ROOT), 'utf8');
  const page_ = readFileSync(new URL(`d/${slug}/index.html`, ROOT), 'utf8');
  for (const text of [raw, page_]) expect(text).not.toContain('这些那么私密的东西都献出了分享');
  await page.goto(url(`d/${slug}/#comment-${removed.id}`));
  const card = page.locator(`#comment-${removed.id} > .comment-card`);
  await expect(card.locator('.removed')).toHaveText('removed by a moderator');
  const reply = data.comments.find((c) => c.parent === removed.id);
  await expect(page.locator(`#comment-${removed.id} #comment-${reply.id}`)).toHaveCount(1);
});

// This machine has no CJK font, so the screenshot searches English words.
test('screenshot archive-index.png: the index of an archive, searching', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url());
  await page.getByRole('searchbox', { name: 'Search every comment' }).fill('comments');
  await expect(page.locator('#archive-search-results li').first()).toBeVisible({ timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready);
  const shots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
  await page.screenshot({ path: `${shots}archive-index.png` });
});
