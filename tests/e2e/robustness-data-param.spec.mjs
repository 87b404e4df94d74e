// `?data=` chooses another discussion file: same-origin relative .json paths only.
import { test, expect } from './helpers.mjs';

const OTHER = {
  version: 1,
  article: { headline: 'Another discussion', body: [{ paragraph: 'A second file.' }] },
  comments: [
    { id: 1, parent: null, author: 'ada', posts: 3, member_since: '2020-01-31', body: 'First.' },
    { id: 2, parent: 1, author: 'grace', posts: 9, member_since: '2019-12-01', body: 'Reply.' },
  ],
};

test('?data=threads/other.json loads that file from beside the page', async ({ page }) => {
  let requested = null;
  await page.route('**/threads/other.json', (route) => {
    requested = new URL(route.request().url()).pathname;
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(OTHER) });
  });
  await page.goto('./?data=threads%2Fother.json');
  await expect(page.locator('h1')).toHaveText('Another discussion');
  await expect(page.locator('li.comment')).toHaveCount(2);
  await expect(page.locator('#comment-1 > #replies-1 > #comment-2 .comment-author')).toHaveText('grace');
  expect(requested).toBe('/news/threadview/threads/other.json');
});

for (const refused of [
  'https://evil.example/x.json',
  '//evil.example/x.json',
  '/news/threadview/discussion.json',
  'javascript:alert(1)//.json',
  'notes.txt',
  '../other/discussion.json',
]) {
  test(`?data=${refused} is refused with a clear message and nothing is fetched`, async ({ page }) => {
    const fetched = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'fetch') fetched.push(request.url());
    });
    await page.goto(`./?data=${encodeURIComponent(refused)}`);
    const error = page.locator('.load-error');
    await expect(error).toBeVisible();
    await expect(error.locator('.error-detail')).toContainText(refused);
    await expect(error.locator('.error-detail')).toContainText(
      'accepts only a relative path to a .json file in this site\'s folder',
    );
    await expect(page.locator('li.comment')).toHaveCount(0);
    expect(fetched).toEqual([]);
  });
}
