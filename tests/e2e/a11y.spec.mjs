// axe-core accessibility scan: light and dark, unfolded and with comment 1 folded.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openPage, toggle } from './helpers.mjs';

/** Runs axe on the page and expects no violations, listing rule ids and targets otherwise. */
async function expectNoViolations(page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes
      .map((n) => `    ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
      .join('\n')}`)
    .join('\n');
  expect(violations.length, `axe violations:\n${report}`).toBe(0);
}

for (const colorScheme of ['light', 'dark']) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme });

    test('unfolded page has no axe violations', async ({ page }) => {
      await openPage(page);
      await expectNoViolations(page);
    });

    test('page with comment 1 folded has no axe violations', async ({ page }) => {
      await openPage(page);
      await toggle(page, 1).click();
      await expect(page.locator('#comment-1 .folded-summary')).toBeVisible();
      await expectNoViolations(page);
    });
  });
}

test.describe('error screen', () => {
  test.use({ allowConsoleErrors: true });

  test('the error screen has no axe violations', async ({ page }) => {
    await page.route('**/discussion.json', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await page.goto('./');
    await expect(page.locator('.load-error')).toBeVisible();
    await expectNoViolations(page);
  });
});
