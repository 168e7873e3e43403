import { expect, test } from '@playwright/test';
import { messagePath } from '../../lib/urls';

// tests/fixtures/e2e/attachments: Linus Torvalds' reply carrying `patch.diff` (text/x-patch).
const LINUS = 'CAHk-=wheEHQxdSJgTkt7y4yFjzhWxMxE-p7dKLtQSBs4ceHLmw@mail.gmail.com';

test('a text attachment opens as plain text from its name on the thread page', async ({ page }) => {
  await page.goto(messagePath('attachments', LINUS));
  const card = page.locator(`article[data-message-id="${LINUS}"]`);
  await expect(card).toContainText('attachment: patch.diff (text/x-patch, 1239 bytes)');
  const link = card.getByRole('link', { name: 'patch.diff', exact: true });
  const href = await link.getAttribute('href');
  expect(href).toBe(`${messagePath('attachments', LINUS)}attachment/1`);

  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect(res.headers()['content-disposition']).toBe('inline; filename="patch.diff"');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');

  await link.click();
  await expect(page).toHaveURL(new RegExp(`/attachment/1$`));
  await expect(page.locator('body')).toContainText(
    'diff --git a/fs/vboxsf/super.c b/fs/vboxsf/super.c',
  );
  await expect(page.locator('body')).toContainText(
    'if (data && !memcmp(data, VBSF_MOUNT_SIGNATURE, 4)) {',
  );
});

test('a binary attachment is listed without a link, and its number is a 404', async ({ page }) => {
  // xss-filenames in the hostile list: text/plain, text/html (text), then image/svg+xml.
  const id = 'xss-filenames@hostile.example';
  await page.goto(messagePath('hostile', id));
  const items = page.locator(`article[data-message-id="${id}"] .tl-body > ul > li`);
  await expect(items).toHaveCount(3);
  await expect(items.nth(0).getByRole('link')).toHaveCount(1);
  await expect(items.nth(2)).toContainText('x.svg (image/svg+xml');
  await expect(items.nth(2).getByRole('link')).toHaveCount(0);
  const svg = await page.request.get(`${messagePath('hostile', id)}attachment/3`);
  expect(svg.status()).toBe(404);
});

test('a later message reusing a Message-ID carries a badge; every message shows its subject', async ({
  page,
}) => {
  // duplicate-ids.mbox in the hostile list: "original", then an "imposter" with its id.
  await page.goto(`${messagePath('hostile', 'dup@hostile.example')}?dup=1`);
  const badged = page.locator('article.tl-msg', { has: page.locator('.tl-dup') });
  await expect(badged).toHaveCount(1);
  await expect(badged).toHaveAttribute('id', /^m-[0-9a-f]{10}-d1$/);
  await expect(badged.locator('.tl-dup')).toHaveText(
    'copy 2 of this Message-ID, different content',
  );
  await expect(badged.locator('.tl-subject')).toHaveText('imposter');
});
