import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SPARSE_ROOT, openSeed, sparseThread } from './helpers';

const cli = (...args: string[]) =>
  execFileSync(process.execPath, ['bin/threadlight.mjs', ...args], { encoding: 'utf8' });

interface JsonNode {
  messageId: string;
  children: JsonNode[];
}
const ids = (nodes: JsonNode[]): string[] =>
  nodes.flatMap((n) => [n.messageId, ...ids(n.children)]);

test('raw is served as plain text that no browser sniffs', async ({ request }) => {
  const res = await request.get(sparseThread('raw'));
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');
  expect(res.headers()['content-disposition']).toMatch(/^inline; filename=/);
  // The stored bytes never change, so a CDN in front of the app servers may keep them.
  expect(res.headers()['cache-control']).toBe('public, max-age=86400, s-maxage=604800');
  expect(await res.text()).toContain(`Message-ID: <${SPARSE_ROOT}>`);
});

test('the thread mbox re-imports as the same thread', async ({ page, request }) => {
  await page.goto(sparseThread());
  const onPage = await page
    .locator('article.tl-msg')
    .evaluateAll((as) => as.map((a) => a.getAttribute('data-message-id')));
  const res = await request.get(sparseThread('t.mbox'));
  expect(res.headers()['content-type']).toBe('application/mbox');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-mbox-'));
  const file = path.join(dir, 'thread.mbox');
  fs.writeFileSync(file, await res.body());
  const { threads } = JSON.parse(cli('thread', file, '--json')) as { threads: JsonNode[] };
  expect(threads).toHaveLength(1);
  expect(threads[0]!.messageId).toBe(SPARSE_ROOT);
  expect(ids(threads).sort()).toEqual([...onPage].sort());
  const summary = JSON.parse(cli('import', file, '--db', path.join(dir, 'x.db'), '--json'));
  expect(summary).toEqual({ imported: 9, duplicates: 0, rejected: [] });
});

test('the seed (an archive page) exports as an mbox that re-imports with its id and author', async ({
  page,
  request,
}) => {
  const href = await openSeed(page);
  const res = await request.get(`${href}t.mbox`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-seed-'));
  const file = path.join(dir, 'seed.mbox');
  fs.writeFileSync(file, await res.body());
  const { messages } = JSON.parse(cli('parse', file, '--json')) as {
    messages: { messageId: string; from: { name: string }; date: string }[];
  };
  expect(messages).toHaveLength(1);
  expect(decodeURIComponent(href.split('/')[2]!)).toBe(messages[0]!.messageId);
  expect(messages[0]!.from.name).toBe('Matthias Kaehlcke');
  expect(messages[0]!.date).toBe('2018-05-07T18:49:18.000Z');
});

test('reply instructions give headers, a git send-email line and a mailto link', async ({
  page,
}) => {
  await page.goto(sparseThread());
  const reply = page.locator('article.tl-msg').first().locator('details.tl-reply');
  await reply.locator('summary').click();
  await expect(reply).toContainText(`In-Reply-To: <${SPARSE_ROOT}>`);
  await expect(reply).toContainText(`git send-email --in-reply-to='<${SPARSE_ROOT}>'`);
  await expect(reply.getByRole('link', { name: 'Reply with your mail client' })).toHaveAttribute(
    'href',
    /^mailto:linux%40rasmusvillemoes\.dk\?In-Reply-To=%3C/,
  );
});
