// Robustness: markup, scripts, javascript: URLs and template syntax in every text field of
// the data (headline, paragraph, subheading, article notice, author, body, hidden notice)
// are shown as literal text. Nothing runs, no element is made from the data, and the
// Content-Security-Policy reports no attempt to run anything.
import { readFileSync } from 'node:fs';
import { test, expect, comments, body, authorButton } from './helpers.mjs';

const DATA = '**/discussion.json';

// The payload of each core/tests/corpus/hostile-*.json file: every text field holds it.
const PAYLOADS = {
  html: '<img src=x onerror="window.__pwned=1"><b>bold</b><iframe src="data:text/html,<p>x</p>"></iframe>',
  script: '<script>window.__pwned=1</script>',
  'javascript-url': '<a href="javascript:window.__pwned=1">javascript:window.__pwned=1</a>',
  template: "{{ window.__pwned=1 }} {{constructor.constructor('window.__pwned=1')()}} ${window.__pwned=1} {{7*7}}",
};

// Where each field of the file is shown.
const FIELDS = {
  headline: (page) => page.getByRole('article').getByRole('heading', { level: 1 }),
  paragraph: (page) => page.getByRole('article').getByRole('paragraph').first(),
  subheading: (page) => page.getByRole('article').getByRole('heading', { level: 2 }),
  // The notice closes the article.
  'article notice': (page) => page.getByRole('article').getByRole('paragraph').last(),
  author: (page) => authorButton(page, 1),
  body: (page) => body(page, 1),
  // The hidden notice follows the thread, before the list of hidden comments.
  'hidden notice': (page) => page.getByRole('region', { name: /^Reader comments/ }).getByRole('paragraph')
    .filter({ hasNotText: /^Hidden comments: / }).last(),
};

/** What an injected element would request: the image `x`, or the frame's data: URL. */
function isInjectedRequest(url) {
  return /\/x$/.test(new URL(url).pathname) || url.startsWith('data:');
}

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
    const file = readFileSync(new URL(`../../core/tests/corpus/hostile-${kind}.json`, import.meta.url));
    await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: file }));
    // An element made from the data would fetch its source (a broken image's onerror runs
    // only once that fails): every request from the start is noted.
    const injected = [];
    page.on('request', (request) => {
      if (isInjectedRequest(request.url())) injected.push(request.url());
    });
    await page.goto('./');
    await expect(comments(page)).toHaveCount(2);

    // Literal, visible text: in a comment body and in the headline, found by their text.
    await expect(FIELDS.body(page).getByText(payload, { exact: true })).toBeVisible();
    await expect(FIELDS.headline(page).getByText(payload, { exact: true })).toBeVisible();
    // Every field holds exactly the payload, as text.
    for (const [field, locate] of Object.entries(FIELDS)) {
      const text = await locate(page).evaluate((el) => el.textContent);
      expect(text, field).toBe(payload);
    }
    // The reply: the payload inside a sentence, and as a paragraph of its own.
    await expect(body(page, 2).getByRole('paragraph')).toHaveText([
      `Before ${payload} after.`,
      payload,
    ]);
    await expect(authorButton(page, 2)).toHaveText(`${payload} 2`);
    expect(await page.title()).toBe(payload);

    // Nothing was made from the data, so nothing fetched a source or ran a handler.
    expect(injected).toEqual([]);
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
