import { describe, expect, it } from 'vitest';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDb, type Db } from '@/lib/store/open-db';
import { importStream } from '@/lib/import/import-stream';
import { readBuffer, readSources } from '@/lib/import/read-sources';
import {
  getExportRows,
  getListExportChunk,
  getListId,
  searchRowIds,
} from '@/lib/store/search-index';
import { getMessage } from '@/lib/store/read-archive';
import { mboxGzStream, type MboxSource } from '@/lib/feeds/mbox-gz-stream';

const MBOX = path.join(import.meta.dirname, '../../fixtures/search/search.mbox');
const SEED = path.join(import.meta.dirname, '../../fixtures/seed/seed.txt');

async function gunzip(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return zlib.gunzipSync(Buffer.concat(chunks));
}

/** Read rows the way the whole-list download does: keyset chunks of `size`. */
function listChunks(db: Db, list: string, size: number): () => MboxSource[] {
  const listId = getListId(db, list)!;
  let after = 0;
  return () => {
    const rows = getListExportChunk(db, listId, after, size);
    after = rows.at(-1)?.rowId ?? after;
    return rows;
  };
}

async function reimport(mbox: Buffer): Promise<Db> {
  const db = openDb(':memory:');
  const s = await importStream(db, 'again', readBuffer(mbox, 'export.mbox'));
  expect(s.rejected).toEqual([]);
  return db;
}

const visible = (db: Db) =>
  db
    .prepare('SELECT message_id, subject, body FROM messages WHERE hidden = 0 ORDER BY id')
    .all() as object[];

describe('mbox.gz downloads', () => {
  it('a whole list, read in chunks, re-imports as the same messages', async () => {
    const db = openDb(':memory:');
    await importStream(db, 'test', readSources([MBOX]));
    db.prepare("UPDATE messages SET hidden = 1 WHERE message_id = 'bench@example.com'").run();
    const again = await reimport(await gunzip(mboxGzStream(listChunks(db, 'test', 2))));
    expect(visible(again)).toEqual(visible(db));
    expect(visible(again)).toHaveLength(3);
  });

  it('an archive page (the seed) is exported with recovered headers and keeps its id', async () => {
    const db = openDb(':memory:');
    await importStream(db, 'lkml', readSources([SEED]));
    const mbox = await gunzip(mboxGzStream(listChunks(db, 'lkml', 10)));
    expect(mbox.toString('utf8')).toMatch(
      /^From mboxrd@z Thu Jan {2}1 00:00:00 1970\nFrom: Matthias Kaehlcke\n/,
    );
    const again = await reimport(mbox);
    const [orig] = visible(db) as { message_id: string }[];
    expect(getMessage(again, 'again', orig!.message_id)?.subject).toBe(
      'Re: Clang patch stacks for LTS kernels (v4.4 and v4.9) and status update',
    );
  });

  it('a search result set holds exactly the matching messages, oldest first', async () => {
    const db = openDb(':memory:');
    await importStream(db, 'test', readSources([MBOX]));
    const found = searchRowIds(db, { query: 'frob*' });
    if ('error' in found) throw new Error(found.error);
    let done = false;
    const mbox = await gunzip(
      mboxGzStream(() => {
        if (done) return [];
        done = true;
        return getExportRows(db, found.rowIds);
      }),
    );
    const again = await reimport(mbox);
    expect((visible(again) as { message_id: string }[]).map((m) => m.message_id)).toEqual([
      'orig@example.org',
      'reply@example.org',
      'bench@example.com',
    ]);
    expect(searchRowIds(db, { query: 'NEAR(' })).toEqual({
      error: "unbalanced parentheses: '(' without ')'",
    });
  });

  it('an empty list gives a valid empty gzip', async () => {
    expect((await gunzip(mboxGzStream(() => []))).length).toBe(0);
  });
});
