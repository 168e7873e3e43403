import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import zlib from 'node:zlib';
import { importStream } from '@/lib/import/import-stream';
import { readBuffer, readSources } from '@/lib/import/read-sources';
import { contentHash } from '@/lib/store/content-hash';
import type { Store } from '@/lib/store/store';
import { mboxGzStream, type NextChunk } from '@/lib/feeds/mbox-gz-stream';
import { BACKENDS, openFreshStore } from '../../support/backends';

const MBOX = path.join(import.meta.dirname, '../../fixtures/search/search.mbox');
const SEED = path.join(import.meta.dirname, '../../fixtures/seed/seed.txt');

async function gunzip(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return zlib.gunzipSync(Buffer.concat(chunks));
}

/** Read rows the way the whole-list download does: keyset chunks of `size`. */
function listChunks(db: Store, list: string, size: number): NextChunk {
  let after = 0;
  return async () => {
    const rows = await db.getListExportChunk((await db.getListId(list))!, after, size);
    after = rows.at(-1)?.rowId ?? after;
    return rows;
  };
}

describe.each(BACKENDS)('mbox.gz downloads (%s)', (backend) => {
  // Every store a test opens, closed when the tests are done.
  const opened: Store[] = [];
  afterAll(() => Promise.all(opened.map((s) => s.close())));
  const fresh = async () => {
    const store = await openFreshStore(backend);
    opened.push(store);
    return store;
  };

  async function reimport(mbox: Buffer): Promise<Store> {
    const db = await fresh();
    const s = await importStream(db, 'again', readBuffer(mbox, 'export.mbox'));
    expect(s.rejected).toEqual([]);
    return db;
  }

  /** The list's visible messages in import order. */
  async function visible(db: Store, list: string) {
    const rows = await db.getListExportChunk((await db.getListId(list))!, 0, 1000);
    return rows.map((m) => ({ message_id: m.messageId, subject: m.subject, body: m.body }));
  }

  it('a whole list, read in chunks, re-imports as the same messages', async () => {
    const db = await fresh();
    await importStream(db, 'test', readSources([MBOX]));
    const bench = (await db.getMessage('test', 'bench@example.com'))!;
    const [stored] = await db.getRaw([bench.rowId]);
    expect(await db.hideMessage((await db.getListId('test'))!, contentHash(stored!.raw))).toBe(1);
    const again = await reimport(await gunzip(mboxGzStream(listChunks(db, 'test', 2))));
    expect(await visible(again, 'again')).toEqual(await visible(db, 'test'));
    expect(await visible(again, 'again')).toHaveLength(3);
  });

  it('an archive page (the seed) is exported with recovered headers and keeps its id', async () => {
    const db = await fresh();
    await importStream(db, 'lkml', readSources([SEED]));
    const mbox = await gunzip(mboxGzStream(listChunks(db, 'lkml', 10)));
    expect(mbox.toString('utf8')).toMatch(
      /^From mboxrd@z Thu Jan {2}1 00:00:00 1970\nFrom: Matthias Kaehlcke\n/,
    );
    const again = await reimport(mbox);
    const [orig] = await visible(db, 'lkml');
    expect((await again.getMessage('again', orig!.message_id))?.subject).toBe(
      'Re: Clang patch stacks for LTS kernels (v4.4 and v4.9) and status update',
    );
  });

  it('a search result set holds exactly the matching messages, oldest first', async () => {
    const db = await fresh();
    await importStream(db, 'test', readSources([MBOX]));
    const found = await db.searchRowIds({ query: 'frob*' });
    if ('error' in found) throw new Error(found.error);
    let done = false;
    const mbox = await gunzip(
      mboxGzStream(() => {
        if (done) return [];
        done = true;
        return db.getExportRows(found.rowIds);
      }),
    );
    const again = await reimport(mbox);
    expect((await visible(again, 'again')).map((m) => m.message_id)).toEqual([
      'orig@example.org',
      'reply@example.org',
      'bench@example.com',
    ]);
    expect(await db.searchRowIds({ query: 'NEAR(' })).toEqual({
      error: "unbalanced parentheses: '(' without ')'",
    });
  });

  it('an empty list gives a valid empty gzip', async () => {
    expect((await gunzip(mboxGzStream(() => []))).length).toBe(0);
  });
});
