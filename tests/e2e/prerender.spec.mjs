// The page prerendered into dist/index.html by `cargo xtask dist` (src/prerender.rs):
// readable without JavaScript, with preview tags in <head>, and taken over by the app
// without moving, duplicating or changing anything the reader sees. (An error after the
// prerendered page: errors.spec.mjs, whose every error screen checks the takeover.)
import { readFileSync } from 'node:fs';
import {
  test, expect, comment, comments, body, permalink, authorButtons, participants, toggles, TOGGLE_NAME,
  LIMITS, TOTAL_COMMENTS,
} from './helpers.mjs';
import { HEADLINE, PARAGRAPHS, HIDDEN_NOTICE, COMMENTS } from './expected.mjs';

const DATA = JSON.parse(readFileSync(new URL('../../data/discussion.json', import.meta.url), 'utf8'));
const NOSCRIPT = 'Folding replies and the reading tools need JavaScript; the discussion is all here to read.';

/** The preview description, computed as the build does: the first paragraph, cut at a word near DESCRIPTION_CHARS characters. */
function expectedDescription() {
  const first = DATA.article.body.find((block) => 'paragraph' in block)?.paragraph ?? DATA.article.headline;
  const text = first.trim().split(/\s+/).join(' ');
  const chars = Array.from(text);
  if (chars.length <= LIMITS.DESCRIPTION_CHARS) return text;
  const cut = chars.slice(0, LIMITS.DESCRIPTION_CHARS).join('');
  const space = cut.lastIndexOf(' ');
  return `${space < 0 ? cut : cut.slice(0, space)}…`;
}

/** Holds back the wasm until the returned function is called, so the prerendered page stays on screen. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route('**/*.wasm', async (route) => {
    await released;
    // The page may be gone if the test already failed.
    await route.continue().catch(() => {});
  });
  return release;
}

/** Sums the layout shifts of the page from its very start (read with `cls(page)`). */
async function recordLayoutShifts(page) {
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

function cls(page) {
  return page.evaluate(() => window.__cls);
}

/** Waits until the app has replaced the prerendered page and shows the whole thread. */
async function expectTakenOver(page) {
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.locator('#app')).toBeVisible();
  await expect(page.locator('#app li.comment')).toHaveCount(TOTAL_COMMENTS);
}

/** What the reader reads: the article, and each comment's meta line and body. */
function readText() {
  const card = (li, selector) => li.querySelector(`:scope > .comment-card ${selector}`).innerText;
  return {
    article: document.querySelector('article.story').innerText,
    comments: [...document.querySelectorAll('li.comment')].map((li) => ({
      id: li.id,
      meta: card(li, '.comment-meta'),
      body: card(li, '.comment-body'),
    })),
  };
}

/** Where the article and each comment are on the page (document coordinates), and the page height. */
function readLayout() {
  const top = (el) => Math.round(el.getBoundingClientRect().top + window.scrollY);
  return {
    height: document.documentElement.scrollHeight,
    tops: [...document.querySelectorAll('article.story, li.comment')].map((el) => `${el.id || 'story'} ${top(el)}`),
  };
}

/** What is on screen: each block of the page, paragraph of the article and comment card in the viewport, with its top. */
function readView() {
  const seen = [];
  const blocks = document.querySelectorAll('main > *, article.story > *, li.comment > .comment-card');
  for (const [i, el] of [...blocks].entries()) {
    const r = el.getBoundingClientRect();
    const name = el.closest('li.comment')?.id ?? `${el.tagName.toLowerCase()}.${el.className} ${i}`;
    if (r.bottom > 0 && r.top < window.innerHeight) seen.push(`${name} at ${Math.round(r.top)}`);
  }
  return { scrollY: window.scrollY, seen };
}

/**
 * Resolves once the page has painted twice and the scroll position has stopped moving
 * for ten frames: the browser glides to a #comment target (`scroll-behavior: smooth`).
 */
function settled(page) {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    await frame();
    await frame();
    for (let still = 0, y = window.scrollY; still < 10; ) {
      await frame();
      still = window.scrollY === y ? still + 1 : 0;
      y = window.scrollY;
    }
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the article, all 13 comments verbatim and nested, the hidden notice, the noscript line', async ({ page }) => {
    await page.goto('./');
    await expect(page).toHaveTitle(HEADLINE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(HEADLINE);
    await expect(page.getByRole('article').locator(':scope > p')).toHaveText(PARAGRAPHS);
    await expect(page.getByText(NOSCRIPT, { exact: true })).toBeVisible();

    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    // Page order and nesting: each comment's nearest enclosing comment is its parent.
    const tree = await comments(page).evaluateAll((els) => els.map((el) => ({
      id: el.id,
      parent: el.parentElement.closest('li.comment')?.id ?? null,
    })));
    expect(tree).toEqual(COMMENTS.map((c) => ({
      id: `comment-${c.id}`,
      parent: c.parent === null ? null : `comment-${c.parent}`,
    })));
    for (const c of COMMENTS) {
      await expect(body(page, c.id)).toBeVisible();
      expect((await body(page, c.id).textContent()).trim()).toBe(c.body);
    }
    const discussion = page.getByRole('region', { name: /^Reader comments/ });
    await expect(discussion.getByText(HIDDEN_NOTICE, { exact: true })).toBeVisible();
  });

  test('controls that need the app are not shown; names are shown on disabled buttons', async ({ page }) => {
    await page.goto('./');
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    // Role queries skip hidden elements unless told not to: these find them all.
    const all = { includeHidden: true };
    const button = (name) => page.getByRole('button', { name, ...all });
    // Each kind is really there (7 comments have replies), so "hidden" is not vacuous.
    await expect(button(TOGGLE_NAME)).toHaveCount(7);
    await expect(button(/^Copy link to comment /)).toHaveCount(TOTAL_COMMENTS);
    const controls = [
      button(TOGGLE_NAME),
      button(/^Unfold all below comment /),
      button(/^Copy link to comment /),
      page.getByRole('group', { name: 'Folding', ...all }),
      page.getByRole('combobox', { name: 'Order', ...all }),
      page.getByRole('search', all),
      button(/^Keyboard shortcuts/),
      page.getByRole('group', { name: 'Theme', ...all }),
      // Not in this discussion, hidden wherever they are.
      button(/^Show \d+ more of /),
      button(/^Show all \d+$/),
    ];
    for (const control of controls) {
      for (const element of await control.all()) await expect(element).toBeHidden();
    }

    const authors = authorButtons(page);
    await expect(authors).toHaveCount(TOTAL_COMMENTS);
    for (const [i, c] of COMMENTS.entries()) {
      await expect(authors.nth(i)).toBeVisible();
      await expect(authors.nth(i)).toHaveText(c.author);
      await expect(authors.nth(i)).toBeDisabled();
    }
    const names = participants(page).getByRole('listitem').getByRole('button');
    await expect(names).not.toHaveCount(0);
    for (const participant of await names.all()) {
      await expect(participant).toBeVisible();
      await expect(participant).toBeDisabled();
    }
  });

  test('#comment-14 in the address scrolls comment 14 into view', async ({ page }) => {
    await page.goto('./#comment-14');
    await expect(comment(page, 14)).toBeInViewport();
    // It is far down the page: the browser really scrolled.
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  // Far down the page: the cards above it must have their real height (no
  // content-visibility on a short thread), or the browser lands short.
  test('#comment-16 in the address scrolls comment 16 into view', async ({ page }) => {
    await page.goto('./#comment-16');
    await expect(comment(page, 16)).toBeInViewport();
  });

  test('permalinks and the parent/top links are plain links that work', async ({ page }) => {
    await page.goto('./');
    await expect(comment(page, 9)).not.toBeInViewport();
    await permalink(page, 9).click();
    await expect(page).toHaveURL(/\/news\/threadview\/#comment-9$/);
    await expect(comment(page, 9)).toBeInViewport();

    // From comment 17 (deep down) up to the top of its thread, comment 1, then to its parent.
    await page.goto('./#comment-17');
    await expect(comment(page, 17)).toBeInViewport();
    // (The permalink stands for the top of a comment's card.)
    await expect(permalink(page, 1)).not.toBeInViewport();
    await comment(page, 17).getByRole('link', { name: 'Top of this thread: comment 1 by meanestgenius' }).click();
    await expect(page).toHaveURL(/#comment-1$/);
    await expect(permalink(page, 1)).toBeInViewport();

    await page.goto('./#comment-16');
    await expect(permalink(page, 11)).not.toBeInViewport();
    await comment(page, 16).getByRole('link', { name: 'Parent: comment 11 by Venom' }).click();
    await expect(page).toHaveURL(/#comment-11$/);
    await expect(permalink(page, 11)).toBeInViewport();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    test('no sideways scrolling at 360 px', async ({ page }) => {
      await page.goto('./');
      await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `page is ${scrollWidth}px wide in a 360px viewport`).toBeLessThanOrEqual(360);
    });
  });
});

test.describe('without JavaScript, the head', () => {
  test.use({ javaScriptEnabled: false });

  test('title, description and link-preview tags describe the article', async ({ page }) => {
    await page.goto('./');
    const description = expectedDescription();
    // Guards the expectation itself: the first paragraph is long, so it is cut.
    expect(description.endsWith('…')).toBe(true);
    expect(Array.from(description).length).toBeLessThanOrEqual(LIMITS.DESCRIPTION_CHARS + 1);

    await expect(page).toHaveTitle(DATA.article.headline);
    const meta = (attr, name) => page.locator(`head meta[${attr}="${name}"]`);
    const expected = [
      ['name', 'description', description],
      ['property', 'og:type', 'article'],
      ['property', 'og:title', DATA.article.headline],
      ['property', 'og:description', description],
      ['name', 'twitter:card', 'summary'],
      ['name', 'twitter:title', DATA.article.headline],
      ['name', 'twitter:description', description],
    ];
    for (const [attr, name, content] of expected) {
      await expect(meta(attr, name), `${name}`).toHaveCount(1);
      expect(await meta(attr, name).getAttribute('content'), `${name}`).toBe(content);
    }
  });
});

test.describe('the app takes over', () => {
  test('the same text, once, without layout shift', async ({ page }) => {
    await recordLayoutShifts(page);
    const release = await holdWasm(page);
    // The load event waits for the held-back wasm, so only wait for the document.
    await page.goto('./', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#prerendered li.comment')).toHaveCount(TOTAL_COMMENTS);
    await expect(page.getByText(NOSCRIPT)).toHaveCount(0);
    await settled(page);
    const before = await page.evaluate(readText);
    const layoutBefore = await page.evaluate(readLayout);
    expect(before.comments).toHaveLength(TOTAL_COMMENTS);

    release();
    await expectTakenOver(page);
    await settled(page);
    expect(await cls(page)).toBeLessThanOrEqual(0.01);

    // Nothing is left twice in the document.
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByRole('region', { name: /^Reader comments/ })).toHaveCount(1);
    await expect(comments(page)).toHaveCount(TOTAL_COMMENTS);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);

    expect(await page.evaluate(readText)).toEqual(before);
    // The app draws everything where the prerendered page had it.
    expect(await page.evaluate(readLayout)).toEqual(layoutBefore);
    await expect(page).toHaveTitle(HEADLINE);
    // The app works: its controls are shown and the names are buttons again.
    await expect(toggles(page).first()).toBeVisible();
    await expect(authorButtons(page).first()).toBeEnabled();
  });

  // The browser lands on #comment-16 in the prerendered page; the app must keep it
  // there, without a jump.
  test('#comment-16 stays in view and the scroll position is kept', async ({ page }) => {
    await recordLayoutShifts(page);
    const release = await holdWasm(page);
    await page.goto('./#comment-16', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#prerendered')).toHaveCount(1);
    await expect(comment(page, 16)).toBeInViewport();
    await settled(page);
    const before = await page.evaluate(readView);
    expect(before.scrollY).toBeGreaterThan(0);

    release();
    await expectTakenOver(page);
    await settled(page);
    await expect(comment(page, 16)).toBeInViewport();
    await expect(page).toHaveURL(/#comment-16$/);
    const after = await page.evaluate(readView);
    expect(Math.abs(after.scrollY - before.scrollY)).toBeLessThanOrEqual(3);
    expect(after.seen).toEqual(before.seen);
    expect(await cls(page)).toBeLessThanOrEqual(0.01);
  });

  for (const [device, viewport] of [['desktop', { width: 1280, height: 720 }], ['phone', { width: 360, height: 740 }]]) {
    test.describe(device, () => {
      test.use({ viewport });

      test(`a reader scrolled to 1500 px stays there, with the page unmoved (${device})`, async ({ page }) => {
        await recordLayoutShifts(page);
        const release = await holdWasm(page);
        await page.goto('./', { waitUntil: 'domcontentloaded' });
        await expect(page.locator('#prerendered li.comment')).toHaveCount(TOTAL_COMMENTS);
        await settled(page);
        // Instant: the page scrolls smoothly otherwise.
        await page.evaluate(() => window.scrollTo({ top: 1500, behavior: 'instant' }));
        await settled(page);
        const before = await page.evaluate(readView);
        expect(before.scrollY).toBe(1500);

        release();
        await expectTakenOver(page);
        await settled(page);
        const after = await page.evaluate(readView);
        expect(Math.abs(after.scrollY - 1500)).toBeLessThanOrEqual(2);
        expect(after.seen).toEqual(before.seen);
        expect(await cls(page)).toBeLessThanOrEqual(0.01);
      });
    });
  }

  // The app's cards on screen must be drawn at their real height in the very frame
  // the app appears, or the comments the reader is looking at jump.
  test('a reader scrolled into the thread sees the same comments in the same place', async ({ page }) => {
    await recordLayoutShifts(page);
    const release = await holdWasm(page);
    await page.goto('./', { waitUntil: 'domcontentloaded' });
    await expect(page.locator('#prerendered li.comment')).toHaveCount(TOTAL_COMMENTS);
    // Twice: the cards on the way take their real height and move comment 2.
    for (let i = 0; i < 2; i++) {
      await page.evaluate(() => document.querySelector('#comment-2 > .comment-card')
        .scrollIntoView({ block: 'start', behavior: 'instant' }));
      await settled(page);
    }
    const before = await page.evaluate(readView);
    expect(before.seen.some((s) => s.startsWith('comment-2 '))).toBe(true);
    // The jump above shifts the prerendered cards too (as in the app): count only the takeover.
    const shiftBefore = await cls(page);

    release();
    await expectTakenOver(page);
    await settled(page);
    expect(await page.evaluate(readView)).toEqual(before);
    expect((await cls(page)) - shiftBefore).toBeLessThanOrEqual(0.01);
  });
});
