import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../lib/limits';

// Playwright runs from the repository root.
const SEED = fs.readFileSync(path.resolve('tests/fixtures/seed/seed.txt'), 'utf8');

test('pasting archive-page text lands on its thread page at a shareable permalink', async ({
  page,
  browser,
}) => {
  await page.goto('/upload');
  await page.getByLabel('Or paste a message').fill(SEED);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/uploads\/[^/]+%40threadlight\.invalid\/#m-[0-9a-f]{10}$/);
  await expect(page.locator('article.tl-msg .tl-author')).toHaveText('Matthias Kaehlcke');
  // The permalink works for anyone, without JavaScript too.
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const other = await ctx.newPage();
  await other.goto(page.url());
  await expect(other.locator('h1')).toContainText('Clang patch stacks');
  await ctx.close();
  // Uploading the same text again lands on the same message, stored once.
  const landing = page.url();
  await page.goto('/upload');
  await page.getByLabel('Or paste a message').fill(SEED);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(landing);
  await page.goto('/uploads/');
  await expect(page.getByRole('link', { name: /Clang patch stacks/ })).toHaveCount(1);
});

test('choosing an .eml file imports it', async ({ page }) => {
  await page.goto('/upload');
  const eml = [
    'From: Upload Tester <tester@example.org>',
    'Subject: [PATCH] uploaded through the browser',
    'Date: Tue, 1 Sep 2020 10:00:00 +0000',
    'Message-ID: <upload-e2e-1@example.org>',
    '',
    'Hello from the upload test.',
    '',
  ].join('\n');
  await page
    .getByLabel('File')
    .setInputFiles({ name: 'one.eml', mimeType: 'message/rfc822', buffer: Buffer.from(eml) });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/uploads\/upload-e2e-1%40example\.org\/#m-/);
  await expect(page.locator('h1')).toHaveText('[PATCH] uploaded through the browser');
});

test('a file dropped on the page is imported like a chosen one', async ({ page }) => {
  await page.goto('/upload');
  await expect(page.locator('[data-drop-zone]')).toContainText('drop a file');
  const eml = [
    'From: Drop Tester <drop@example.org>',
    'Subject: dropped into the browser',
    'Date: Tue, 1 Sep 2020 11:00:00 +0000',
    'Message-ID: <upload-e2e-drop@example.org>',
    '',
    'Hello from the drop test.',
    '',
  ].join('\n');
  // What a drag from the desktop delivers: a drop event carrying a File. Wait until the
  // page's script listens (the zone's hint is rendered by React once it runs).
  await page.waitForFunction(() => document.querySelector('[data-drop-zone]') !== null);
  await expect
    .poll(async () => {
      const dropped = await page.evaluate((text) => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'dropped.eml', { type: 'message/rfc822' }));
        document.body.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
        document.body.dispatchEvent(
          new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }),
        );
        return (document.getElementById('file') as HTMLInputElement).files?.[0]?.name ?? null;
      }, eml);
      return dropped;
    })
    .toBe('dropped.eml');
  await expect(page.locator('[data-drop-zone]')).toContainText('Ready to import: dropped.eml');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/uploads\/upload-e2e-drop%40example\.org\/#m-/);
  await expect(page.locator('h1')).toHaveText('dropped into the browser');
});

test('an upload over the size limit gets a clear error', async ({ page }) => {
  await page.goto('/upload');
  await page.getByLabel('File').setInputFiles({
    name: 'big.mbox',
    mimeType: 'application/mbox',
    buffer: Buffer.alloc(11 * 1024 * 1024, 'a'),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'limit' })).toBeVisible();
  await expect(page).toHaveURL(/\/upload\?error=/);
});

/**
 * A message of exactly `size` bytes: a short text part and a base64 attachment filling the
 * rest, so the page it lands on stays small however big the upload is.
 */
function messageOfSize(size: number, id: string): Buffer {
  const head = [
    'From: Big Upload <big@example.org>',
    `Subject: an upload of ${size} bytes`,
    'Date: Tue, 1 Sep 2020 10:00:00 +0000',
    `Message-ID: <${id}>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'A big upload.',
    '',
  ].join('\n');
  const attachment = [
    '--b',
    'Content-Type: application/octet-stream',
    'Content-Transfer-Encoding: base64',
    'Content-Disposition: attachment; filename="blob.bin"',
    '',
    '',
  ].join('\n');
  const tail = '--b--\n';
  const line = 'A'.repeat(76) + '\n';
  const room = size - head.length - attachment.length - tail.length;
  const lines = Math.floor(room / line.length);
  // The bytes left over pad the text part (a line of fewer than 77 bytes).
  const pad = room - lines * line.length;
  const text = pad === 0 ? '' : 'x'.repeat(pad - 1) + '\n';
  const out = Buffer.from(head + text + attachment + line.repeat(lines) + tail);
  if (out.length !== size) throw new Error(`built ${out.length} bytes, not ${size}`);
  return out;
}

/** Upload a file through the form, as a reader would. */
async function uploadFile(page: import('@playwright/test').Page, name: string, buffer: Buffer) {
  await page.goto('/upload');
  await page.getByLabel('File').setInputFiles({ name, mimeType: 'application/mbox', buffer });
  await page.getByRole('button', { name: 'Import' }).click();
}

// proxy.ts made Next buffer at most 10 MiB of a request, and cut what was over: an upload
// at the limit lost the end of its multipart body and failed as an unreadable form.
// Uploads share one budget of UPLOADS_PER_CLIENT_PER_MINUTE (the e2e server trusts no
// proxy, so every client is one): this file makes 8, tests/e2e/hostile.spec.ts 1.
test.describe('uploads at the size limit', () => {
  test.describe.configure({ timeout: 120_000 });

  for (const [label, size] of [
    ['1 KiB under the limit', MAX_UPLOAD_BYTES - 1024],
    ['exactly the limit', MAX_UPLOAD_BYTES],
  ] as const) {
    test(`a file ${label} is imported whole`, async ({ page }) => {
      const id = `upload-size-${size}@example.org`;
      await uploadFile(page, 'big.mbox', messageOfSize(size, id));
      await expect(page).toHaveURL(new RegExp(`/uploads/${encodeURIComponent(id)}/#m-`), {
        timeout: 60_000,
      });
      await expect(page.locator('h1')).toHaveText(`an upload of ${size} bytes`);
      const raw = await page.request.get(`/uploads/${encodeURIComponent(id)}/raw`);
      expect((await raw.body()).length).toBe(size);
    });
  }

  test('a file one byte over the limit gets the limit message', async ({ page }) => {
    const size = MAX_UPLOAD_BYTES + 1;
    await uploadFile(page, 'big.mbox', messageOfSize(size, 'upload-over@example.org'));
    await expect(page).toHaveURL(/\/upload\?error=/);
    await expect(page.getByRole('alert').filter({ hasText: 'limit' })).toHaveText(
      `the upload is ${size} bytes; the limit is ${MAX_UPLOAD_BYTES} bytes`,
    );
    expect((await page.request.get('/uploads/upload-over%40example.org/raw')).status()).toBe(404);
  });
});

test('pasting text that is not mail says so', async ({ page }) => {
  await page.goto('/upload');
  await page.getByLabel('Or paste a message').fill('just some words\nwith no headers at all');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'no message could be read' }),
  ).toBeVisible();
});
