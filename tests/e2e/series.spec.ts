import { expect, test } from '@playwright/test';
import { messageAnchor } from '../../lib/anchors';
import { gotoEnhanced } from './helpers';

// The sample list `b4` holds b4's four-patch test series with a reviewer's reply to patch 4.
const id = (n: number) => `20221025-test1-v1-${n}-e4f28f57990c@linuxfoundation.org`;
const thread = (n: number) => `/b4/${encodeURIComponent(id(n))}/`;

test('the thread page of a patch leads to its series', async ({ page }) => {
  await page.goto(thread(2));
  const banner = page.locator('.tl-series-banner');
  await expect(banner).toContainText('Part 2/4 of [PATCH] This is a cover for test series 1');
  await banner.getByRole('link', { name: 'series view' }).click();
  await expect(page).toHaveURL(
    new RegExp(`${encodeURIComponent(id(0)).replace(/\./g, '\\.')}/series$`),
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    '[PATCH] This is a cover for test series 1',
  );
});

test('the series view shows parts in order with their review', async ({ page }) => {
  await page.goto(`${thread(3)}series`);
  const parts = page.locator('.tl-series-parts > li');
  await expect(parts).toHaveCount(4);
  await expect(parts.locator('a.font-medium')).toHaveText([
    '[PATCH 1/4] Remove line 2 from file2',
    '[PATCH 2/4] Add more lines to file 1',
    '[PATCH 3/4] Add some paragraphs to lipsum',
    '[PATCH 4/4] Minor typo changes imitation',
  ]);
  const fourth = parts.nth(3);
  const review = fourth.locator('li[data-kind="reviewed-by"][data-from="reply"]');
  await expect(review).toContainText('Reviewed-by: Follow Upper <follow.upper@example.org>');
  await expect(parts.nth(0).locator('li[data-from="reply"]')).toHaveCount(0);
  await expect(page.locator('.tl-series-people')).toContainText('Reviewed by');
  await expect(page.locator('.tl-series-people')).toContainText('Follow Upper');
  // Each part carries its commit message and diff, rendered as on the thread page.
  await expect(fourth.locator('details.tl-patch figure[data-kind="diff"]')).toHaveCount(1);
  // The review discussion sits beneath its part: who answered, when, their text folded.
  const discussion = fourth.locator('details.tl-discussion');
  await expect(discussion.locator(':scope > summary')).toHaveText(
    '1 reply in the review discussion',
  );
  await expect(discussion).toHaveAttribute('open', '');
  await expect(discussion.locator('li.tl-reply')).toHaveCount(1);
  await expect(discussion.locator('li.tl-reply details.tl-reply-text')).toHaveCount(1);
  await expect(parts.nth(0).locator('details.tl-discussion')).toHaveCount(0);
  await discussion.getByRole('link', { name: /Follow Upper/ }).click();
  await expect(page.locator('article.tl-msg[data-message-id="fwup1@example.org"]')).toBeVisible();
});

test('the series mbox is a git am download with the collected trailers', async ({ request }) => {
  const res = await request.get(`${thread(1)}series.mbox`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/mbox');
  expect(res.headers()['content-disposition']).toBe('attachment; filename="series.mbox"');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  const text = await res.text();
  const entries = text.split('From mboxrd@z Thu Jan  1 00:00:00 1970\n').slice(1);
  expect(entries.map((e) => /^Subject: (.*)$/m.exec(e)?.[1])).toEqual([
    '[PATCH 1/4] Remove line 2 from file2',
    '[PATCH 2/4] Add more lines to file 1',
    '[PATCH 3/4] Add some paragraphs to lipsum',
    '[PATCH 4/4] Minor typo changes imitation',
  ]);
  expect(entries[3]).toContain(
    'Signed-off-by: Konstantin Ryabitsev <konstantin@linuxfoundation.org>\n' +
      'Reviewed-by: Follow Upper <follow.upper@example.org>\n---\n',
  );
  expect(entries[0]).not.toContain('Follow Upper');
});

test('a message outside any series has no series view', async ({ page, request }) => {
  expect((await request.get('/b4/no-such-message%40x/series.mbox')).status()).toBe(404);
  const res = await page.goto('/b4/no-such-message%40x/series');
  expect(res?.status()).toBe(404);
});

test('a line permalink on the series page opens the folded reply holding it', async ({ page }) => {
  // Body line 5 of the review of patch 4 (`Reviewed-by: Follow Upper …`), folded by default.
  const line = `${messageAnchor('fwup1@example.org')}-L5`;
  await gotoEnhanced(page, `${thread(4)}series#${line}`);
  const target = page.locator(`[id="${line}"]`);
  await expect(target).toBeVisible();
  await expect(target).toHaveClass(/\btl-hl\b/);
  await expect(target).toContainText('Reviewed-by: Follow Upper');
  await expect(page.locator('details.tl-reply-text', { has: target })).toHaveAttribute('open', '');
  // A diff line number gives a permalink to this series page, as on the thread page.
  await page.locator('details.tl-patch[open] figure[data-kind="diff"] a.tl-ln').first().click();
  await expect(page.locator('.tl-copy-link input')).toHaveValue(/\/series#m-[0-9a-f]{10}-L\d+$/);
  // The theme switch moves one step per click (the script and React both listen to it).
  const theme = page.locator('button[data-theme-toggle]');
  const before = await theme.getAttribute('data-theme-toggle');
  await theme.click();
  await expect(theme).toHaveAttribute(
    'data-theme-toggle',
    { system: 'dark', dark: 'light', light: 'system' }[before ?? 'system'] ?? 'dark',
  );
});
