// Loading discussion.json, and every way fetching it can fail: the prerendered page (or a
// loading line) while it comes; an error screen that names the file and the problem when
// it cannot be had; Retry, which fetches again. (Files that arrive but cannot be used,
// broken JSON or invalid data, are in robustness-corpus.spec.mjs.)
import { readFileSync } from 'node:fs';
import {
  test, expect, comment, comments, loadError, loadingStatus, retryButton, expectLoadError,
  LIMITS, TOTAL_COMMENTS,
} from './helpers.mjs';

// Failed requests make Chromium log "Failed to load resource"; that is the point here.
// Uncaught page errors (a Rust panic) still fail the test.
test.use({ allowConsoleErrors: true });

const DATA = '**/discussion.json';

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

/** Serves the real file again, clicks Retry and expects the whole discussion. */
async function retryRecovers(page) {
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await retryButton(page).click();
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
  await expect(loadError(page)).toHaveCount(0);
  await expect(comment(page, 17)).toBeVisible();
}

test.describe('loading', () => {
  test('the prerendered discussion is shown until discussion.json arrives, then the app takes over', async ({ page }) => {
    const release = await holdData(page);

    await page.goto('./');
    await expect(page.locator('#prerendered li.comment')).toHaveCount(TOTAL_COMMENTS);
    // The app waits out of sight: no loading line over a page that can already be read.
    await expect(loadingStatus(page)).toBeHidden();

    release();
    await expect(page.locator('#prerendered')).toHaveCount(0);
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    await expect(loadingStatus(page)).toHaveCount(0);
  });

  test('without a prerendered page, a loading status is shown until discussion.json arrives', async ({ page }) => {
    // Trunk's page as built, before the prerender: what `trunk serve` shows.
    const plain = readFileSync(new URL('../../target/index-without-prerender.html', import.meta.url));
    await page.route(/\/news\/threadview\/$/, (route) => route.fulfill({ contentType: 'text/html', body: plain }));
    const release = await holdData(page);

    await page.goto('./');
    const loading = loadingStatus(page);
    await expect(loading).toBeVisible();
    await expect(loading).toHaveText('Loading the discussion…');
    await expect(comments(page)).toHaveCount(0);

    release();
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    await expect(loading).toHaveCount(0);
  });
});

test.describe('HTTP errors', () => {
  for (const [status, body] of [[404, 'Not Found'], [500, 'Internal error']]) {
    test(`HTTP ${status}: the error names the file and the status; Retry recovers`, async ({ page }) => {
      await page.route(DATA, (route) => route.fulfill({ status, contentType: 'text/plain', body }));
      await page.goto('./');
      const detail = await expectLoadError(page);
      await expect(detail).toHaveText(new RegExp(`^discussion\\.json: the server answered ${status}\\b`));
      await retryRecovers(page);
    });
  }

  test('Retry fetches again and can fail again', async ({ page }) => {
    let calls = 0;
    await page.route(DATA, (route) => {
      calls += 1;
      return route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' });
    });
    await page.goto('./');
    await expect(await expectLoadError(page)).toContainText('503');
    expect(calls).toBe(1);

    await retryButton(page).click();
    await expect.poll(() => calls).toBe(2);
    await expect(await expectLoadError(page)).toContainText('503');
  });
});

test.describe('network errors', () => {
  test('an empty 200 answer: "the file is empty"; Retry recovers', async ({ page }) => {
    await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '' }));
    await page.goto('./');
    const detail = await expectLoadError(page);
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
    const detail = await expectLoadError(page);
    await expect(detail).toContainText('the server sent a web page instead of the data file');
    await retryRecovers(page);
  });

  for (const reason of ['connectionreset', 'failed']) {
    test(`a dropped connection (${reason}): the request failed; Retry recovers`, async ({ page }) => {
      await page.route(DATA, (route) => route.abort(reason));
      await page.goto('./');
      const detail = await expectLoadError(page);
      await expect(detail).toContainText('discussion.json could not be fetched: the network request failed');
      await retryRecovers(page);
    });
  }

  test('an answer slower than the timeout: the prerendered page meanwhile, then the timeout error; Retry recovers', async ({ page }) => {
    const { TIMEOUT_MS } = LIMITS;
    // The time is what is tested, so it is faked: page.clock also drives
    // AbortSignal.timeout, which the app's fetch uses, and runs no faster or slower than
    // real time until told to.
    await page.clock.install();
    // Never answered: the request stays open until the app gives up on it.
    await page.route(DATA, () => {});
    await page.goto('./');
    // The page prerendered at build time is there to read while the app waits.
    const prerendered = page.locator('#prerendered li.comment').first();
    await expect(prerendered).toBeVisible();
    // The app has started (it mounts beside the prerendered page, then fetches at once).
    await expect(page.locator('#app')).toBeAttached();

    // A second short of the timeout, nothing has given up.
    await page.clock.runFor(TIMEOUT_MS - 1_000);
    await expect(prerendered).toBeVisible();
    await expect(loadError(page)).toHaveCount(0);

    await page.clock.runFor(2_000);
    const detail = await expectLoadError(page);
    await expect(detail).toHaveText(`discussion.json did not arrive within ${TIMEOUT_MS / 1000} seconds.`);
    await retryRecovers(page);
  });

  test('a file just over the size limit: refused as over it, and the tab stays responsive', async ({ page }) => {
    const { MAX_BYTES } = LIMITS;
    const megabytes = MAX_BYTES / (1024 * 1024);
    test.setTimeout(90_000);
    // Valid-looking JSON, padded with white space to one byte over the limit.
    const prefix = '{"version": 1, "article": {"headline": "H", "body": []}, "comments": [';
    const suffix = ']}';
    const body = prefix + ' '.repeat(MAX_BYTES + 1 - prefix.length - suffix.length) + suffix;
    expect(body.length).toBe(MAX_BYTES + 1);
    await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto('./');
    const detail = await expectLoadError(page, { timeout: 30_000 });
    await expect(detail).toHaveText(
      `discussion.json is ${megabytes.toFixed(1)} MB, over the ${megabytes} MB limit.`,
    );

    // A round trip into the page answers at once: nothing is still chewing on the file.
    const started = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_000);
    await retryRecovers(page);
  });
});
