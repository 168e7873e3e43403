import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eStore, secondOrigin, sparseThread } from './helpers';

// Two `next start` processes on different ports, one PostgreSQL (playwright.config.ts):
// the app servers hold no state of their own, so either answers any request alike.

function eml(id: string, subject: string, extra: string[] = []): string {
  return [
    'From: Two Servers <two@example.org>',
    `Subject: ${subject}`,
    'Date: Wed, 2 Sep 2020 10:00:00 +0000',
    `Message-ID: <${id}>`,
    ...extra,
    '',
    `Body of ${id}.`,
    '',
  ].join('\n');
}

test('both app servers serve the same archive', async ({ request, baseURL }) => {
  const other = secondOrigin()!;
  // Pages no other test writes to (tests run two at a time, some upload and import).
  // The page's content: the CSP nonce in the rest differs per response.
  const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0];
  for (const page of ['/lkml/', '/linux-sparse/', sparseThread()]) {
    const [a, b] = await Promise.all([
      request.get(`${baseURL}${page}`).then((r) => r.text()),
      request.get(`${other}${page}`).then((r) => r.text()),
    ]);
    expect(main(a)).toContain('<a href="/');
    expect(main(b)).toBe(main(a));
  }
});

test('a message uploaded through one server shows on the other, and its thread grows on both', async ({
  page,
  baseURL,
}) => {
  // Uploaded through the second server (the first already takes upload.spec.ts's uploads,
  // and each server counts its own upload rate), read through the first.
  const other = secondOrigin()!;
  await page.goto(`${other}/upload`);
  await page.getByLabel('File').setInputFiles({
    name: 'root.eml',
    mimeType: 'message/rfc822',
    buffer: Buffer.from(eml('two-1@example.org', '[RFC] one archive, two servers')),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/uploads\/two-1%40example\.org\/#m-/);

  await page.goto(`/uploads/${encodeURIComponent('two-1@example.org')}/`);
  await expect(page.locator('h1')).toHaveText('[RFC] one archive, two servers');
  await expect(page.locator('article.tl-msg')).toHaveCount(1);

  // A reply imported by a CLI worker: both servers' cached pages must show it next load.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-two-'));
  const file = path.join(dir, 'reply.eml');
  fs.writeFileSync(
    file,
    eml('two-2@example.org', 'Re: [RFC] one archive, two servers', [
      'In-Reply-To: <two-1@example.org>',
      'References: <two-1@example.org>',
    ]),
  );
  const r = spawnSync(
    process.execPath,
    ['bin/threadlight.mjs', 'import', file, '--list', 'uploads'],
    {
      env: { ...process.env, THREADLIGHT_DB: e2eStore() },
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
  for (const origin of [other, baseURL!]) {
    await page.goto(`${origin}/uploads/${encodeURIComponent('two-1@example.org')}/`);
    await expect(page.locator('article.tl-msg')).toHaveCount(2);
  }
});
