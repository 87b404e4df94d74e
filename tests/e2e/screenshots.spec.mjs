// Full-page screenshots of the unfolded page into docs/screenshots/, light and dark,
// desktop and phone; the phone layout must not scroll sideways.
import { fileURLToPath } from 'node:url';
import { test, expect, openPage, comment, searchField, searchStatus } from './helpers.mjs';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
};

for (const [device, viewport] of Object.entries(SIZES)) {
  for (const colorScheme of ['light', 'dark']) {
    test.describe(`${device} ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });

      test(`screenshot ${device}-${colorScheme}.png`, async ({ page }) => {
        await openPage(page);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches))
          .toBe(colorScheme === 'dark');
        expect(await page.evaluate(() => window.innerWidth)).toBe(viewport.width);

        // No horizontal scrolling at any width.
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(scrollWidth, `page is ${scrollWidth}px wide in a ${viewport.width}px viewport`)
          .toBeLessThanOrEqual(viewport.width);

        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: `${SCREENSHOTS}${device}-${colorScheme}.png`, fullPage: true });
      });
    });
  }
}

/** Relative luminance (0..1) of the page background. */
async function backgroundLuminance(page) {
  return page.evaluate(() => {
    const parse = (css) => (css.match(/[\d.]+/g) || []).map(Number);
    const canvas = () => {
      // With no background set anywhere, the page shows the Canvas system colour.
      const probe = document.createElement('div');
      probe.style.backgroundColor = 'Canvas';
      document.body.append(probe);
      const colour = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return colour;
    };
    const opaque = [document.body, document.documentElement]
      .map((el) => parse(getComputedStyle(el).backgroundColor))
      .find(([, , , a = 1]) => a > 0) || parse(canvas());
    const [R, G, B] = opaque;
    const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(R) + 0.7152 * lin(G) + 0.0722 * lin(B);
  });
}

test.describe('colour schemes', () => {
  test('the dark scheme has a dark background, the light scheme a light one', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await openPage(page);
    await expect.poll(() => backgroundLuminance(page), { message: 'light background luminance' })
      .toBeGreaterThan(0.5);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => backgroundLuminance(page), { message: 'dark background luminance' })
      .toBeLessThan(0.2);
  });
});

test.describe('reading tools', () => {
  test.use({ viewport: { width: 1400, height: 900 }, colorScheme: 'light' });

  test('screenshot reading-tools.png: search matches in the thread and the overview', async ({ page }) => {
    await openPage(page);
    await searchField(page).fill('Google');
    await expect(searchStatus(page)).toHaveText('4 matches');
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect(comment(page, 14)).toHaveClass(/\bis-current\b/);
    // Show the search field and the filtered thread together, without smooth scrolling,
    // once the app has finished setting the page straight on comment 14 (three frames).
    await page.evaluate(async () => {
      for (let i = 0; i < 6; i++) await new Promise((r) => requestAnimationFrame(() => r()));
      document.documentElement.style.scrollBehavior = 'auto';
      document.querySelector('#discussion-title').scrollIntoView({ block: 'start' });
    });
    await expect(searchField(page)).toBeInViewport();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `${SCREENSHOTS}reading-tools.png` });
  });
});
