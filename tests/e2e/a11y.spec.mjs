// Accessibility: axe-core in light and dark, unfolded and folded, with the shortcuts
// dialog open, while searching, with a current comment and a highlighted author, with
// the theme switch, and on the error screen; specific names for the controls; focus is
// never dropped.
import AxeBuilder from '@axe-core/playwright';
import {
  test, expect, openPage, comment, comments, byAuthorComments, toggle, toggles, summary, card,
  authorButton, replyList, searchField, searchStatus, shortcutsDialog, themeRadio, tool,
  expectLoadError,
} from './helpers.mjs';

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

    test('unfolded page: no axe violations', async ({ page }) => {
      await openPage(page);
      await expectNoViolations(page);
    });

    test('with comment 1 folded: no axe violations', async ({ page }) => {
      await openPage(page);
      await toggle(page, 1).click();
      await expect(summary(page, 1)).toBeVisible();
      await expectNoViolations(page);
    });

    test('with the shortcuts dialog open: no axe violations', async ({ page }) => {
      await openPage(page);
      await page.getByRole('button', { name: /^Keyboard shortcuts/ }).click();
      await expect(shortcutsDialog(page)).toBeVisible();
      await expectNoViolations(page);
    });

    test('while searching (marks, dimmed comments, a current match): no axe violations', async ({ page }) => {
      await openPage(page);
      await toggle(page, 1).click();
      await searchField(page).fill('Google');
      await expect(searchStatus(page)).toHaveText('4 matches');
      await page.getByRole('button', { name: 'Next match' }).click();
      await expect(searchStatus(page)).toHaveText('1 of 4 matches');
      await expect(page.locator('mark').first()).toBeVisible();
      await expectNoViolations(page);
    });

    test('with a current comment and a highlighted author: no axe violations', async ({ page }) => {
      await openPage(page, '#comment-13');
      await expect(comment(page, 13)).toHaveClass(/\bis-current\b/);
      await authorButton(page, 11).click();
      await expect(byAuthorComments(page)).toHaveCount(4);
      await expectNoViolations(page);
    });

    test('with everything collapsed and a link copied: no axe violations', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await openPage(page);
      await page.getByRole('button', { name: 'Copy link to comment 1', exact: true }).click();
      await expect(card(page, 1).getByRole('status')).toHaveText('Link copied');
      await tool(page, 'Collapse all').click();
      await expect(comments(page)).toHaveCount(3);
      await expectNoViolations(page);
    });
  });
}

test.describe('theme switch', () => {
  test.use({ colorScheme: 'light' });

  test('Dark chosen on a light system: no axe violations', async ({ page }) => {
    await openPage(page);
    await themeRadio(page, 'Dark').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await searchField(page).fill('Google');
    await expect(searchStatus(page)).toHaveText('4 matches');
    await expectNoViolations(page);
  });

  test('Light chosen: no axe violations', async ({ page }) => {
    await openPage(page);
    await themeRadio(page, 'Light').check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expectNoViolations(page);
  });
});

test.describe('error screen', () => {
  test.use({ allowConsoleErrors: true });

  test('the error screen has no axe violations', async ({ page }) => {
    await page.route('**/discussion.json', (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    await page.goto('./');
    await expectLoadError(page);
    await expectNoViolations(page);
  });
});

test.describe('names', () => {
  test('fold buttons name the count and the author; no two fold, unfold or copy buttons share a name', async ({ page }) => {
    await openPage(page);
    // (Every fold button's name: content.spec.mjs; after folding: folding.spec.mjs.)
    await expect(page.getByRole('button', { name: 'Hide 8 replies to meanestgenius', exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Hide 5 replies to Ashoaib', exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Hide 3 replies to Venom', exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Hide 1 reply to Fred3', exact: true })).toHaveCount(1);

    const controls = [
      toggles(page),
      page.getByRole('button', { name: /^Unfold all below comment / }),
      page.getByRole('button', { name: /^Copy link to comment / }),
    ];
    const names = [];
    for (const control of controls) {
      await expect(control).not.toHaveCount(0);
      for (const button of await control.all()) names.push(await button.evaluate((el) => el.getAttribute('aria-label') ?? el.textContent));
    }
    expect(new Set(names).size, `duplicate names: ${names.join(' | ')}`).toBe(names.length);
  });

  test('toolbar controls have names', async ({ page }) => {
    await openPage(page);
    for (const name of ['Expand all', 'Collapse all', 'Reset saved folds']) {
      await expect(tool(page, name)).toHaveCount(1);
    }
    for (const name of ['Previous match', 'Next match']) {
      await expect(page.getByRole('search').getByRole('button', { name, exact: true })).toHaveCount(1);
    }
    await expect(page.getByRole('combobox', { name: 'Order' })).toHaveCount(1);
    await expect(searchField(page)).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Keyboard shortcuts/ })).toHaveCount(1);
  });
});

test.describe('focus is never lost', () => {
  test('clicking the thread line of comment 1 while a reply inside has focus', async ({ page }) => {
    await openPage(page);
    await toggle(page, 14).focus();
    await expect(toggle(page, 14)).toBeFocused();
    await replyList(page, 1).click({ position: { x: 3, y: 10 } });
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

  test('clearing a search after stepping to a match keeps focus in the field and the match on screen', async ({ page }) => {
    await openPage(page);
    await toggle(page, 1).click();
    const field = searchField(page);
    await field.fill('Google');
    const next = page.getByRole('button', { name: 'Next match' });
    await next.click();
    // Stepping through matches keeps focus on the button, so it can be pressed again.
    await expect(comment(page, 14)).toHaveClass(/\bis-current\b/);
    await expect(next).toBeFocused();
    // Clear the field with the keyboard: select all and delete.
    await field.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect(page.getByRole('status').filter({ hasText: /match/ })).toHaveCount(0);
    // The address names comment 14: it stays on screen, inside the reader's fold of 1.
    await expect(comment(page, 14)).toBeVisible();
    await expect(field).toBeFocused();
  });
});
