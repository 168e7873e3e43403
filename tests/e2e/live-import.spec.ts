import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eStore } from './helpers';

const LIST = 'live';

function message(id: string, headers: string, body: string): string {
  return [
    `From ${id} Mon Apr 23 10:00:00 2018`,
    'From: Alice Example <alice@example.org>',
    'Subject: [PATCH] live: a thread that grows while it is read',
    `Message-ID: <${id}>`,
    headers,
    '',
    body,
    '',
  ].join('\n');
}

/** `threadlight import` in its own process, as a reader's cron job would run it. */
function importMbox(text: string): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-live-'));
  const file = path.join(dir, 'new.mbox');
  fs.writeFileSync(file, text);
  const r = spawnSync(process.execPath, ['bin/threadlight.mjs', 'import', file, '--list', LIST], {
    env: { ...process.env, THREADLIGHT_DB: e2eStore() },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
}

test('a reply imported while the server runs shows on the next load of the thread', async ({
  page,
}) => {
  importMbox(
    message('live-1@example.org', 'Date: Mon, 23 Apr 2018 10:00:00 +0000', 'The first words.'),
  );
  const url = `/${LIST}/${encodeURIComponent('live-1@example.org')}/`;
  await page.goto(url);
  await expect(page.locator('article.tl-msg')).toHaveCount(1);
  await page.goto(url); // a second, cached, view
  await expect(page.locator('article.tl-msg')).toHaveCount(1);

  importMbox(
    message(
      'live-2@example.org',
      'Date: Mon, 23 Apr 2018 11:00:00 +0000\nIn-Reply-To: <live-1@example.org>',
      '> The first words.\n\nAnd a reply to them.',
    ),
  );
  await page.goto(url);
  await expect(page.locator('article.tl-msg')).toHaveCount(2);
  await expect(page.locator('article.tl-msg').nth(1)).toContainText('And a reply to them.');
  // The quote now links to where it was first written (provenance follows the new reply).
  await expect(page.locator('article.tl-msg').nth(1).locator('a.tl-quote-origin')).toHaveAttribute(
    'href',
    /#m-[0-9a-f]{10}-L1$/,
  );
});
