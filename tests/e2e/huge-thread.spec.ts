import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eStore } from './helpers';

const TOTAL = 1_050;

/** A thread of TOTAL messages: a root, then replies fanned out over ten branches. */
function hugeThread(): string {
  const out: string[] = [];
  for (let i = 0; i < TOTAL; i++) {
    const parent = i === 0 ? null : i <= 10 ? 0 : i - 10;
    const date = new Date(Date.UTC(2021, 0, 1, 0, i)).toUTCString().replace('GMT', '+0000');
    out.push(
      `From huge@example.org ${date}`,
      `From: Poster ${i % 7} <poster${i % 7}@example.org>`,
      `Subject: ${i === 0 ? '' : 'Re: '}a very long thread`,
      `Date: ${date}`,
      `Message-ID: <huge-${i}@example.org>`,
      ...(parent === null ? [] : [`In-Reply-To: <huge-${parent}@example.org>`]),
      '',
      `Message number ${i}.`,
      '',
    );
  }
  return out.join('\n');
}

test('a thread larger than a page paginates around the focused message', async ({ page }) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-huge-')), 'huge.mbox');
  fs.writeFileSync(file, hugeThread());
  const summary = execFileSync(
    process.execPath,
    ['bin/threadlight.mjs', 'import', file, '--list', 'huge', '--db', e2eStore(), '--json'],
    { encoding: 'utf8' },
  );
  expect(JSON.parse(summary).imported).toBe(TOTAL);
  // Display order is depth-first by date: branch 10 (huge-10, huge-20, … huge-1040) comes
  // last, so its last message sits on the last page (pages hold at most 500 messages).
  const last = 'huge-1040@example.org';
  await page.goto(`/huge/${encodeURIComponent(last)}/`);
  const pager = page.getByRole('navigation', { name: 'Thread pages' }).first();
  await expect(pager).toContainText(`Page 3 of 3 (${TOTAL} messages)`);
  const shown = await page.locator('article.tl-msg').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(500);
  await expect(page.locator(`article[data-message-id="${last}"]`)).toBeVisible();
  await pager.getByRole('link', { name: '← previous' }).click();
  await expect(pager).toContainText('Page 2 of 3');
  await expect(page.locator('article.tl-msg')).toHaveCount(500);
});
