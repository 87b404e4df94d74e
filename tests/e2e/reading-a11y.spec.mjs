// Accessibility of the reading features: axe-core with the shortcuts dialog open, while
// searching, with a current comment and a highlighted author, in light and dark and with
// the theme switch; specific names for every fold control; focus is never dropped.
import AxeBuilder from '@axe-core/playwright';
import {
  test, expect, openPage, comment, toggle, childrenOf, descendantsOf, authorOf,
} from './helpers.mjs';
import { COMMENTS } from './expected.mjs';

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

function focusedId(page) {
  return page.evaluate(() => document.activeElement?.id ?? null);
}

for (const colorScheme of ['light', 'dark']) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme });

    test('with the shortcuts dialog open: no axe violations', async ({ page }) => {
      await openPage(page);
      await page.locator('.toolbar button.shortcuts-button').click();
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoViolations(page);
    });

    test('while searching (marks, dimmed comments, a current match): no axe violations', async ({ page }) => {
      await openPage(page);
      await toggle(page, 1).click();
      await page.getByLabel('Search comments').fill('Google');
      await expect(page.locator('.search-status')).toHaveText('4 matches');
      await page.getByRole('button', { name: 'Next match' }).click();
      await expect(page.locator('.search-status')).toHaveText('1 of 4 matches');
      await expect(page.locator('mark').first()).toBeVisible();
      await expectNoViolations(page);
    });

    test('with a current comment and a highlighted author: no axe violations', async ({ page }) => {
      await openPage(page, '#comment-13');
      await expect(comment(page, 13)).toHaveClass(/\bis-current\b/);
      await page.locator('#comment-11 > .comment-card button.comment-author').click();
      await expect(page.locator('li.comment.by-author')).toHaveCount(4);
      await expectNoViolations(page);
    });

    test('with everything collapsed and a link copied: no axe violations', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await openPage(page);
      await page.getByRole('button', { name: 'Copy link to comment 1', exact: true }).click();
      await expect(page.locator('#comment-1 > .comment-card .copy-status')).toHaveText('Link copied');
      await page.getByRole('button', { name: 'Collapse all' }).click();
      await expect(page.locator('li.comment')).toHaveCount(3);
      await expectNoViolations(page);
    });
  });
}

test.describe('theme switch', () => {
  test.use({ colorScheme: 'light' });

  test('Dark chosen on a light system: no axe violations', async ({ page }) => {
    await openPage(page);
    await page.locator('fieldset.theme-switch').getByRole('radio', { name: 'Dark', exact: true }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByLabel('Search comments').fill('Google');
    await expect(page.locator('.search-status')).toHaveText('4 matches');
    await expectNoViolations(page);
  });

  test('Light chosen: no axe violations', async ({ page }) => {
    await openPage(page);
    await page.locator('fieldset.theme-switch').getByRole('radio', { name: 'Light', exact: true }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expectNoViolations(page);
  });
});

test.describe('names', () => {
  /** "Hide 8 replies to meanestgenius" for comment `id`. */
  function hideName(id) {
    const n = descendantsOf(id).length;
    return `Hide ${n} ${n === 1 ? 'reply' : 'replies'} to ${authorOf(id)}`;
  }
  const FOLDABLE = COMMENTS.filter((c) => childrenOf(c.id).length > 0).map((c) => c.id);

  test('each fold toggle names the count and the author, and no two are alike', async ({ page }) => {
    await openPage(page);
    await expect(page.getByRole('button', { name: 'Hide 8 replies to meanestgenius', exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Hide 5 replies to Ashoaib', exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Hide 3 replies to Venom', exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Hide 1 reply to Fred3', exact: true })).toHaveCount(1);
    for (const id of FOLDABLE) {
      await expect(toggle(page, id)).toHaveAccessibleName(hideName(id));
      await expect(page.getByRole('button', { name: hideName(id), exact: true })).toHaveCount(1);
    }
    const names = await page.locator('button.toggle, button.unfold-below, button.copy-link').evaluateAll(
      (els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent),
    );
    expect(new Set(names).size, `duplicate names: ${names.join(' | ')}`).toBe(names.length);
  });

  test('a folded toggle says Show, with the same detail', async ({ page }) => {
    await openPage(page);
    await toggle(page, 1).click();
    await expect(page.getByRole('button', { name: 'Show 8 replies to meanestgenius', exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Hide 8 replies to meanestgenius', exact: true })).toHaveCount(0);
  });

  test('toolbar controls have names', async ({ page }) => {
    await openPage(page);
    const toolbar = page.locator('.toolbar');
    for (const name of ['Expand all', 'Collapse all', 'Reset saved folds', 'Previous match', 'Next match']) {
      await expect(toolbar.getByRole('button', { name, exact: true })).toHaveCount(1);
    }
    await expect(toolbar.getByRole('combobox', { name: 'Order' })).toHaveCount(1);
    await expect(toolbar.getByRole('searchbox', { name: 'Search comments' })).toHaveCount(1);
    await expect(toolbar.getByRole('button', { name: /Keyboard shortcuts/ })).toHaveCount(1);
  });
});

test.describe('focus is never lost', () => {
  test('clicking the thread line of comment 1 while a reply inside has focus', async ({ page }) => {
    await openPage(page);
    await toggle(page, 14).focus();
    await expect(toggle(page, 14)).toBeFocused();
    await page.locator('#replies-1').click({ position: { x: 3, y: 10 } });
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
    const active = await page.evaluate(() => ({
      tag: document.activeElement?.tagName,
      inComment1: !!document.activeElement?.closest('#comment-1'),
    }));
    expect(active.tag).not.toBe('BODY');
    expect(active.inComment1).toBe(true);
  });

  test('o acts on the comment that holds focus, and focus stays on its toggle', async ({ page }) => {
    await openPage(page);
    await page.keyboard.press('j');
    await expect(comment(page, 1)).toHaveClass(/\bis-current\b/);
    await expect.poll(() => focusedId(page)).toBe('comment-1');
    // Tabbing into comment 14 makes it the current comment.
    await toggle(page, 14).focus();
    await expect(comment(page, 14)).toHaveClass(/\bis-current\b/);
    await page.keyboard.press('o');
    await expect(toggle(page, 14)).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'true');
    await expect(toggle(page, 14)).toBeFocused();
  });

  test('clicking the toggle of comment 1 keeps focus on it', async ({ page }) => {
    await openPage(page);
    await toggle(page, 1).click();
    await expect(toggle(page, 1)).toBeFocused();
  });

  test('clearing a search that re-folds the focused match keeps focus somewhere sensible', async ({ page }) => {
    await openPage(page);
    await toggle(page, 1).click();
    const field = page.getByLabel('Search comments');
    await field.fill('Google');
    const next = page.getByRole('button', { name: 'Next match' });
    await next.click();
    // Stepping through matches keeps focus on the button, so it can be pressed again.
    await expect(page.locator('#comment-14')).toHaveClass(/is-current/);
    await expect(next).toBeFocused();
    // Clear the field with the keyboard: select all and delete.
    await field.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect(toggle(page, 1)).toHaveAttribute('aria-expanded', 'false');
    await expect(field).toBeFocused();
  });
});
