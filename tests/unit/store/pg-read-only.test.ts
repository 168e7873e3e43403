/**
 * App servers that serve pages from a read-only PostgreSQL (a streaming replica), as
 * docs/deploy.md lays out. `default_transaction_read_only=on` makes every write fail with
 * the SQLSTATE a hot standby gives (25006), so these tests stand for a replica without
 * running one; the generation counter is a row, which reaches a real replica exactly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import pg from 'pg';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import { PgStore } from '@/lib/store/pg/pg-store';
import type { Store } from '@/lib/store/store';
import { resetStoreForTests } from '@/lib/store/server-db';
import { importUpload } from '@/lib/upload/import-upload';
import { freshPgUrl } from '@/tests/support/backends';

const root = path.resolve(import.meta.dirname, '../../..');
const THREAD = path.join(root, 'tests', 'fixtures', 'store', 'thread.mbox');
const SPARSE = path.join(root, 'samples', 'linux-sparse');

const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
async function open(url: string): Promise<PgStore> {
  const s = await PgStore.open(url);
  opened.push(s);
  return s;
}

/** The same schema, with every transaction read-only, as on a replica. */
function readOnly(url: string): string {
  const u = new URL(url);
  u.searchParams.set(
    'options',
    `${u.searchParams.get('options')} -c default_transaction_read_only=on`,
  );
  return u.toString();
}

describe('PostgreSQL store, read-only (a replica)', () => {
  it('serves pages, skips cache writes, and sees the primary’s imports in its generation', async () => {
    const url = await freshPgUrl();
    const primary = await open(url);
    await importStream(primary, 'test', readSources([THREAD]));
    // A row stored by an older segmenter: a page recomputes its segments and would save them.
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(
      "UPDATE messages SET segments_version = 0 WHERE message_id = 'reply-1@example.org'",
    );
    await c.end();

    const replica = await open(readOnly(url));
    const thread = (await replica.getThreadMessages('test', 'reply-1@example.org'))!;
    expect(thread.messages.map((m) => m.messageId)).toEqual([
      'patch-1@example.org',
      'reply-1@example.org',
      'reply-2@example.org',
    ]);
    await replica.saveHighlights(new Map([['k', ['<span>x</span>']]]));
    expect(await replica.getHighlights(['k'])).toEqual(new Map());
    expect(
      (await replica.searchMessages({ query: 'frobnicator', sort: 'date', page: 1, perPage: 20 }))
        .total,
    ).toBe(3);

    const before = await replica.generation();
    expect(before).toBe(await primary.generation());
    await importStream(primary, 'sparse', readSources([SPARSE]));
    expect(await replica.generation()).not.toBe(before);
    expect(await replica.getListNames()).toEqual(['sparse', 'test']);
  });

  it('refuses imports, and a schema it cannot migrate, saying why', async () => {
    const url = await freshPgUrl();
    await (await open(url)).close();
    opened.pop();
    const replica = await open(readOnly(url));
    await expect(importStream(replica, 'test', readSources([THREAD]))).rejects.toMatchObject({
      code: 'DB_READ_ONLY',
      message: expect.stringContaining('read-only (a replica?): import through the primary'),
    });
    // An app server on the replica answers an upload with a clear refusal, not a crash.
    process.env.THREADLIGHT_DB = readOnly(url);
    await resetStoreForTests();
    try {
      const eml = 'From: a@example.org\nSubject: hi\nMessage-ID: <ro@example.org>\n\nbody\n';
      expect(await importUpload(Buffer.from(eml), 'one.eml')).toEqual({
        ok: false,
        status: 503,
        error: 'this server cannot take uploads (read-only)',
      });
    } finally {
      await resetStoreForTests();
    }
    const empty = await freshPgUrl();
    await expect(PgStore.open(readOnly(empty))).rejects.toMatchObject({
      code: 'DB_READ_ONLY',
      message: expect.stringContaining('open the primary once with this version'),
    });
  });
});
