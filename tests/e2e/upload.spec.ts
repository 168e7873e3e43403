import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

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

test('pasting text that is not mail says so', async ({ page }) => {
  await page.goto('/upload');
  await page.getByLabel('Or paste a message').fill('just some words\nwith no headers at all');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'no message could be read' }),
  ).toBeVisible();
});
