// Robustness: the release build's Content-Security-Policy (added by `cargo xtask dist`) is
// in dist/index.html and in the served headers, and reading the page breaks none of it.
import { readFileSync } from 'node:fs';
import { test, expect, comment, comments, toggle, TOTAL_COMMENTS } from './helpers.mjs';

test('dist/index.html carries the policy as a <meta>', async () => {
  const html = readFileSync(new URL('../../dist/index.html', import.meta.url), 'utf8');
  expect(html, 'built with `cargo xtask dist`, not a plain `trunk build`')
    .toMatch(/<meta http-equiv="Content-Security-Policy" content="[^"]*default-src 'self'/);
});

test('reading, folding and following a link cause no policy violation', async ({ page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  const response = await page.goto('./');
  const header = response.headers()['content-security-policy'] ?? '';
  expect(header).toContain("frame-ancestors 'none'");
  expect(header).toContain("default-src 'self'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
  await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);

  // Fold and unfold.
  await toggle(page, 1).click();
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
  await expect(comment(page, 17)).toBeHidden();
  await toggle(page, 1).click();
  await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
  await expect(comment(page, 17)).toBeVisible();

  // Fold again, then follow a link to a comment inside the fold.
  await toggle(page, 13).click();
  await expect(comment(page, 17)).toBeHidden();
  await page.evaluate(() => { window.location.hash = '#comment-17'; });
  await expect(comment(page, 17)).toBeVisible();
  await expect(comment(page, 17)).toBeInViewport();

  // A violation is reported in a task of its own: let a frame and a task go by, so that
  // whatever the last step broke has been reported. (The fixture would also fail the test
  // on the console error the browser logs for it.)
  const violations = await page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(() => resolve(window.__cspViolations)));
  }));
  expect(violations).toEqual([]);
});
