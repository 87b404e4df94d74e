// Loading state, and the error screen when discussion.json cannot be used.
import { readFileSync } from 'node:fs';
import { test, expect, comment, TOTAL_COMMENTS } from './helpers.mjs';

// A failed fetch makes Chromium log "Failed to load resource"; that is expected here.
test.use({ allowConsoleErrors: true });

const DATA = '**/discussion.json';

/** Asserts the error screen is shown and returns its detail locator. */
async function expectErrorScreen(page) {
  const error = page.locator('.load-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(error.getByRole('heading')).toHaveCount(1);
  await expect(error.getByRole('heading')).toHaveText(/\S/);
  await expect(error.locator('button.retry')).toHaveText('Retry');
  await expect(page.locator('li.comment')).toHaveCount(0);
  await expect(page.locator('p.loading')).toHaveCount(0);
  const detail = error.locator('.error-detail');
  await expect(detail).toContainText('discussion.json');
  return detail;
}

/** Holds discussion.json back until the returned function is called. */
async function holdData(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(DATA, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('the prerendered discussion is shown until discussion.json arrives, then the app takes over', async ({ page }) => {
  const release = await holdData(page);

  await page.goto('./');
  await expect(page.locator('#prerendered li.comment')).toHaveCount(TOTAL_COMMENTS);
  // The app waits out of sight: no loading line over a page that can already be read.
  await expect(page.locator('p.loading')).toBeHidden();

  release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
  await expect(page.locator('p.loading')).toHaveCount(0);
});

test('without a prerendered page, a loading status is shown until discussion.json arrives', async ({ page }) => {
  // Trunk's page as built, before the prerender: what `trunk serve` shows.
  const plain = readFileSync(new URL('../../target/index-without-prerender.html', import.meta.url));
  await page.route(/\/news\/threadview\/$/, (route) => route.fulfill({ contentType: 'text/html', body: plain }));
  const release = await holdData(page);

  await page.goto('./');
  const loading = page.locator('p.loading');
  await expect(loading).toBeVisible();
  await expect(loading).toHaveAttribute('role', 'status');
  await expect(loading).toContainText('Loading');
  await expect(page.locator('li.comment')).toHaveCount(0);

  release();
  await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
  await expect(loading).toHaveCount(0);
});

test('HTTP 404: the error names the file and the status; Retry loads the page', async ({ page }) => {
  await page.route(DATA, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
  await page.goto('./');
  const detail = await expectErrorScreen(page);
  await expect(detail).toContainText('404');

  await page.unroute(DATA);
  await page.locator('.load-error button.retry').click();
  await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
  await expect(page.locator('.load-error')).toHaveCount(0);
  await expect(comment(page, 17)).toBeVisible();
});

test('HTTP 500: the error names the status', async ({ page }) => {
  await page.route(DATA, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'oops' }));
  await page.goto('./');
  const detail = await expectErrorScreen(page);
  await expect(detail).toContainText('500');
});

test('Retry fetches again and can fail again', async ({ page }) => {
  let calls = 0;
  await page.route(DATA, (route) => {
    calls += 1;
    return route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' });
  });
  await page.goto('./');
  await expect(await expectErrorScreen(page)).toContainText('503');
  expect(calls).toBe(1);

  await page.locator('.load-error button.retry').click();
  await expect.poll(() => calls).toBe(2);
  await expect(await expectErrorScreen(page)).toContainText('503');
});

test('broken JSON: the error names line and column', async ({ page }) => {
  await page.route(DATA, (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: '{"version": 1, "article": ',
  }));
  await page.goto('./');
  const detail = await expectErrorScreen(page);
  await expect(detail).toContainText('line');
  await expect(detail).toContainText('column');
  await expect(detail).toContainText(/line 1, column \d+/);
});

test('broken JSON on line 3: the line number is right', async ({ page }) => {
  await page.route(DATA, (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: '{\n  "version": 1,\n  "article": }\n}\n',
  }));
  await page.goto('./');
  const detail = await expectErrorScreen(page);
  await expect(detail).toContainText(/line 3, column \d+/);
});

test('valid JSON but invalid data: the error names comment 4 and its author', async ({ page }) => {
  await page.route(DATA, async (route) => {
    const response = await route.fetch();
    const doc = await response.json();
    const four = doc.comments.find((c) => c.id === 4);
    expect(four, 'comment 4 in the real discussion.json').toBeTruthy();
    four.author = '';
    await route.fulfill({ response, json: doc });
  });
  await page.goto('./');
  const detail = await expectErrorScreen(page);
  await expect(detail).toContainText(/comment 4\b/i);
  await expect(detail).toContainText(/author/i);
});
