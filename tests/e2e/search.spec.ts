import { expect, test } from '@playwright/test';
import zlib from 'node:zlib';

// Dan Carpenter's first reply in the sample of_get_property thread.
const DAN = '20191029104917.GI1944@kadam';

test('search from the header box and land on the message in its thread', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('search').getByRole('searchbox', { name: 'Search messages' });
  await box.fill('of_get_property f:dan');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=of_get_property\+f%3Adan$/);
  const results = page.getByRole('list', { name: 'Search results' }).getByRole('listitem');
  await expect(results.first()).toBeVisible();
  // Every hit is Dan's, and the matched words are marked.
  for (const r of await results.all()) await expect(r).toContainText('Dan Carpenter');
  await expect(results.locator('mark').first()).toBeVisible();
  const link = page.getByRole('link', { name: 'Re: detecting misuse of of_get_property' }).first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/linux-sparse\/[^/]+\/#m-[0-9a-f]{10}$/);
  await link.click();
  const anchor = href!.split('#')[1]!;
  await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
  const target = page.locator(`article#${anchor}`);
  await expect(target).toBeVisible();
  await expect(target.locator('.tl-author')).toHaveText('Dan Carpenter');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the search form, sort toggle and errors work as plain pages', async ({ page }) => {
    await page.goto('/search');
    await page.getByRole('searchbox', { name: 'Query' }).fill(`d:20191029 -f:luc`);
    await page.getByRole('combobox', { name: 'List' }).selectOption('linux-sparse');
    await page.getByRole('main').getByRole('button', { name: 'Search' }).click();
    await expect(page.getByText(/^\d+ messages? in linux-sparse/)).toBeVisible();
    await page.getByRole('link', { name: 'sort by date' }).click();
    await expect(page).toHaveURL(/sort=date/);
    const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
    await expect(first).not.toContainText('Luc Van Oostenryck');
    await expect(first).toContainText('2019-10-29');

    await page.goto('/search?q=' + encodeURIComponent('NEAR( <b>x</b>'));
    await expect(page.getByRole('alert')).toHaveText("unbalanced parentheses: '(' without ')'");
  });
});

test('feeds are Atom and downloads are gzipped mbox', async ({ request }) => {
  const feed = await request.get('/linux-sparse/new.atom');
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toContain('<title>detecting misuse of of_get_property</title>');

  const thread = await request.get(`/linux-sparse/${encodeURIComponent(DAN)}/t.atom`);
  expect((await thread.text()).match(/<entry>/g)).toHaveLength(9);

  const all = await request.get('/linux-sparse/all.mbox.gz');
  expect(all.headers()['content-type']).toBe('application/gzip');
  const mbox = zlib.gunzipSync(await all.body()).toString('latin1');
  expect(mbox.match(/^From mboxrd@z /gm)).toHaveLength(46);

  const found = await request.get(
    '/search/results.mbox.gz?q=' + encodeURIComponent('f:dan of_get_property'),
  );
  const some = zlib.gunzipSync(await found.body()).toString('latin1');
  expect(some).toContain(`Message-ID: <${DAN}>`);
  expect((await request.get('/search/results.mbox.gz?q=%28')).status()).toBe(400);
});
