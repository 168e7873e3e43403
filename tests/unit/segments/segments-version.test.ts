import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStream } from '@/lib/import/import-stream';
import { segmentMessage } from '@/lib/segments/segment-message';
import { SEGMENTS_VERSION } from '@/lib/segments/version';
import { SqliteStore } from '@/lib/store/sqlite-store';
import type { RawMessage } from '@/lib/types';

/**
 * Stored segments carry the SEGMENTS_VERSION they were made with. Bumping it is how a change
 * to the segmenter (quote, attribution or block rules) reaches messages already imported:
 * a row of another version is segmented again from its stored body on first read, and kept.
 */
const RAW = Buffer.from(
  'From: A <a@example.org>\nSubject: s\nMessage-ID: <v@example.org>\n\n' +
    'On Mon, 7 May 2018, B <b@example.org> wrote:\n> [    1.000000] a\n\nanswer\n',
);

async function* one(): AsyncGenerator<RawMessage> {
  yield { source: 'm.eml', position: 'message 1', raw: RAW, format: 'rfc822' };
}

/** SQLite, whose rows this test rewrites to look like an older version's. */
async function importedDb(): Promise<SqliteStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-segver-'));
  const store = SqliteStore.open(path.join(dir, 'db.sqlite'));
  await importStream(store, 'test', one());
  return store;
}

const stored = ({ db }: SqliteStore) =>
  db.prepare('SELECT segments_json, segments_version FROM messages').get() as {
    segments_json: string;
    segments_version: number;
  };

describe('SEGMENTS_VERSION', () => {
  it('is what import stores', async () => {
    const store = await importedDb();
    expect(stored(store).segments_version).toBe(SEGMENTS_VERSION);
    await store.close();
  });

  it('recomputes and keeps segments stored by an older segmenter', async () => {
    const store = await importedDb();
    const { db } = store;
    db.prepare("UPDATE messages SET segments_json = '[]', segments_version = ?").run(
      SEGMENTS_VERSION - 1,
    );
    const m = (await store.getMessage('test', 'v@example.org'))!;
    const fresh = segmentMessage({ body: m.body, from: m.from, date: m.date });
    expect(fresh.map((s) => s.kind)).toEqual(['attribution', 'log', 'prose']);
    expect(m.segments).toEqual(fresh);
    expect(stored(store)).toEqual({
      segments_json: JSON.stringify(fresh),
      segments_version: SEGMENTS_VERSION,
    });
    await store.close();
  });

  it('leaves segments of the current version alone', async () => {
    const store = await importedDb();
    const { db } = store;
    db.prepare("UPDATE messages SET segments_json = '[]'").run();
    expect((await store.getMessage('test', 'v@example.org'))!.segments).toEqual([]);
    await store.close();
  });
});
