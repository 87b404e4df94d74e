// Robustness: every way fetching discussion.json can fail on the network, each named on the
// error screen, and Retry recovering once the real file is served again.
import { test, expect, comment, TOTAL_COMMENTS } from './helpers.mjs';

// Failed requests make Chromium log "Failed to load resource"; that is the point here.
// Uncaught page errors (a Rust panic) still fail the test.
test.use({ allowConsoleErrors: true });

const DATA = '**/discussion.json';
/** `TIMEOUT_MS` in src/api.rs. */
const TIMEOUT_MS = 20_000;
/** `MAX_BYTES` in src/api.rs. */
const MAX_BYTES = 50 * 1024 * 1024;

/** The error screen is shown; returns the detail text's locator. */
async function errorDetail(page, options) {
  const error = page.locator('.load-error');
  await expect(error).toBeVisible(options);
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(page.locator('li.comment')).toHaveCount(0);
  const detail = error.locator('.error-detail');
  await expect(detail).toContainText('discussion.json');
  return detail;
}

/** Serves the real file again, clicks Retry and expects the whole discussion. */
async function retryRecovers(page) {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.locator('.load-error button.retry').click();
  await expect(page.locator('li.comment')).toHaveCount(TOTAL_COMMENTS);
  await expect(page.locator('.load-error')).toHaveCount(0);
  await expect(comment(page, 17)).toBeVisible();
}

test('HTTP 404: names the file and the status; Retry recovers', async ({ page }) => {
  await page.route(DATA, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
  await page.goto('./');
  const detail = await errorDetail(page);
  await expect(detail).toHaveText(/^discussion\.json: the server answered 404\b/);
  await retryRecovers(page);
});

test('HTTP 500: names the file and the status; Retry recovers', async ({ page }) => {
  await page.route(DATA, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal error' }));
  await page.goto('./');
  const detail = await errorDetail(page);
  await expect(detail).toHaveText(/^discussion\.json: the server answered 500\b/);
  await retryRecovers(page);
});

test('an empty 200 answer: "the file is empty"; Retry recovers', async ({ page }) => {
  await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '' }));
  await page.goto('./');
  const detail = await errorDetail(page);
  await expect(detail).toHaveText('discussion.json, the file is empty.');
  await retryRecovers(page);
});

test('a web page instead of the file (text/html): says so; Retry recovers', async ({ page }) => {
  await page.route(DATA, (route) => route.fulfill({
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Oops</h1></body></html>',
  }));
  await page.goto('./');
  const detail = await errorDetail(page);
  await expect(detail).toContainText('the server sent a web page instead of the data file');
  await retryRecovers(page);
});

for (const reason of ['connectionreset', 'failed']) {
  test(`a dropped connection (${reason}): the request failed; Retry recovers`, async ({ page }) => {
    await page.route(DATA, (route) => route.abort(reason));
    await page.goto('./');
    const detail = await errorDetail(page);
    await expect(detail).toContainText('discussion.json could not be fetched: the network request failed');
    await retryRecovers(page);
  });
}

test('an answer slower than the timeout: the prerendered page meanwhile, then the timeout error; Retry recovers', async ({ page }) => {
  test.setTimeout(TIMEOUT_MS + 40_000);
  await page.route(DATA, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS + 8_000));
    await route.continue().catch(() => {}); // the page gave up long ago
  });
  const started = Date.now();
  await page.goto('./');
  // The page prerendered at build time is there to read while the app waits.
  const prerendered = page.locator('#prerendered li.comment').first();
  await expect(prerendered).toBeVisible({ timeout: 2_000 });
  // Still waiting well before the timeout: nothing gave up early.
  await page.waitForTimeout(TIMEOUT_MS / 2);
  await expect(prerendered).toBeVisible();
  await expect(page.locator('.load-error')).toHaveCount(0);

  const detail = await errorDetail(page, { timeout: TIMEOUT_MS });
  const elapsed = Date.now() - started;
  await expect(detail).toHaveText(`discussion.json did not arrive within ${TIMEOUT_MS / 1000} seconds.`);
  expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 1_000);
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await retryRecovers(page);
});

test('a file just over 50 MB: refused as over the limit, and the tab stays responsive', async ({ page }) => {
  test.setTimeout(90_000);
  // Valid-looking JSON, padded with white space to one byte over the limit.
  const prefix = '{"version": 1, "article": {"headline": "H", "body": []}, "comments": [';
  const suffix = ']}';
  const body = prefix + ' '.repeat(MAX_BYTES + 1 - prefix.length - suffix.length) + suffix;
  expect(body.length).toBe(MAX_BYTES + 1);
  await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  await page.goto('./');
  const detail = await errorDetail(page, { timeout: 30_000 });
  await expect(detail).toContainText('over the 50 MB limit');
  await expect(detail).toHaveText(/^discussion\.json is 50\.0 MB, over the 50 MB limit\.$/);

  const started = Date.now();
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  expect(Date.now() - started).toBeLessThan(1_000);
  await retryRecovers(page);
});
