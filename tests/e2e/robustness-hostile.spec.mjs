// Robustness: markup, scripts, javascript: URLs and template syntax in every text field of
// the data (headline, paragraph, subheading, article notice, author, body, hidden notice)
// are shown as literal text. Nothing runs, no element is made from the data, and the
// Content-Security-Policy reports no attempt to run anything.
import { readFileSync } from 'node:fs';
import { test, expect } from './helpers.mjs';

const DATA = '**/discussion.json';

// The payload of each tests/corpus/hostile-*.json file: every text field holds it.
const PAYLOADS = {
  html: '<img src=x onerror="window.__pwned=1"><b>bold</b><iframe src="data:text/html,<p>x</p>"></iframe>',
  script: '<script>window.__pwned=1</script>',
  'javascript-url': '<a href="javascript:window.__pwned=1">javascript:window.__pwned=1</a>',
  template: "{{ window.__pwned=1 }} {{constructor.constructor('window.__pwned=1')()}} ${window.__pwned=1} {{7*7}}",
};

// Where each field of the file is shown.
const FIELDS = {
  headline: 'article.story h1',
  paragraph: 'article.story > p',
  subheading: 'article.story h2.subheading',
  'article notice': 'article.story .story-notice',
  author: '#comment-1 > .comment-card .comment-author',
  body: '#comment-1 > .comment-card .comment-body',
  'hidden notice': '.hidden-notice',
};

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
});

for (const [kind, payload] of Object.entries(PAYLOADS)) {
  test(`hostile-${kind}.json: shown as literal text in every field, nothing runs`, async ({ page }) => {
    const body = readFileSync(new URL(`../corpus/hostile-${kind}.json`, import.meta.url));
    await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto('./');
    await expect(page.locator('li.comment')).toHaveCount(2);

    // Literal, visible text: in a comment body and in the headline, found by their text.
    await expect(page.locator(FIELDS.body).getByText(payload, { exact: true })).toBeVisible();
    await expect(page.locator(FIELDS.headline).getByText(payload, { exact: true })).toBeVisible();
    // Every field holds exactly the payload, as text.
    for (const [field, selector] of Object.entries(FIELDS)) {
      const text = await page.locator(selector).first().evaluate((el) => el.textContent);
      expect(text, field).toBe(payload);
    }
    // The reply: the payload inside a sentence, and as a paragraph of its own.
    await expect(page.locator('#comment-2 > .comment-card .comment-body p')).toHaveText([
      `Before ${payload} after.`,
      payload,
    ]);
    await expect(page.locator('#comment-2 > .comment-card .comment-author')).toHaveText(`${payload} 2`);
    expect(await page.title()).toBe(payload);

    // Give an injected handler (onerror of a broken image) time to fire.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('iframe')).toHaveCount(0);
    await expect(page.locator('main b, main script, main img')).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
    const scripts = await page.locator('script').evaluateAll((els) => els.map((el) => el.outerHTML));
    for (const script of scripts) expect(script).not.toContain('__pwned');
    expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  });
}
