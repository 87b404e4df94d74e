// `?data=` chooses another discussion file: same-origin relative .json paths only.
import {
  test, expect, comments, repliesOf, authorButton, expectLoadError, idsOf,
} from './helpers.mjs';

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
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Another discussion');
  await expect(comments(page)).toHaveCount(2);
  expect(await idsOf(repliesOf(page, 1))).toEqual(['comment-2']);
  await expect(authorButton(page, 2)).toHaveText('grace');
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
    const detail = await expectLoadError(page, { file: refused });
    await expect(detail).toContainText(
      'accepts only a relative path to a .json file in this site\'s folder',
    );
    expect(fetched).toEqual([]);
  });
}
