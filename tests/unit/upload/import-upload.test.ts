/**
 * Uploads are limited after decompression too: a small .mbox.gz can hold a million
 * messages. And a re-uploaded Message-ID with other content lands on its own copy.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_MESSAGES } from '@/lib/limits';
import { importUpload } from '@/lib/upload/import-upload';
import type { Store } from '@/lib/store/store';
import { BACKENDS } from '../../support/backends';
import { closeServerStore, freshServerStore } from '../../support/server-store';

const message = (id: string, body: string) =>
  [
    `From x@example.org Mon Jan  1 00:00:00 2024`,
    'From: X <x@example.org>',
    'Date: Mon, 1 Jan 2024 00:00:00 +0000',
    `Subject: ${id}`,
    `Message-ID: <${id}@example.org>`,
    '',
    body,
    '',
  ].join('\n');

afterAll(closeServerStore);

describe.each(BACKENDS)('importUpload (%s)', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshServerStore(backend);
  });
  const count = () => store.countMessages();

  it('refuses a small gzip that expands to too many messages, storing nothing', async () => {
    const many = Array.from({ length: MAX_UPLOAD_MESSAGES + 1 }, (_, i) => message(`m${i}`, 'x'));
    const gz = gzipSync(Buffer.from(many.join('\n')));
    expect(gz.length).toBeLessThan(MAX_UPLOAD_BYTES);
    const before = await count();
    const r = await importUpload(gz, 'upload:bomb.mbox.gz');
    expect(r).toMatchObject({ ok: false, status: 413 });
    expect(!r.ok && r.error).toMatch(/more than 10000 messages.*threadlight import/);
    expect(await count()).toBe(before);
  });

  it('refuses a gzip that expands past the byte limit', async () => {
    // 2,000 messages of 40 KB: 80 MB of mail, within the message count.
    const body = 'a'.repeat(40 * 1024);
    const big = Array.from({ length: 2000 }, (_, i) => message(`b${i}`, body)).join('\n');
    const before = await count();
    const r = await importUpload(gzipSync(Buffer.from(big)), 'upload:big.mbox.gz');
    expect(r).toMatchObject({ ok: false, status: 413 });
    expect(!r.ok && r.error).toMatch(/expands to more than 64 MB/);
    expect(await count()).toBe(before);
  });

  it('lands on the copy just uploaded when its Message-ID was taken by other content', async () => {
    const a = await importUpload(Buffer.from(message('same', 'first')), 'upload:a.eml');
    const b = await importUpload(Buffer.from(message('same', 'second')), 'upload:b.eml');
    const again = await importUpload(Buffer.from(message('same', 'second')), 'upload:c.eml');
    expect(a).toMatchObject({ ok: true, messageId: 'same@example.org', dupIndex: 0 });
    expect(b).toMatchObject({ ok: true, messageId: 'same@example.org', dupIndex: 1 });
    expect(again).toMatchObject({ ok: true, dupIndex: 1 });
  });
});
