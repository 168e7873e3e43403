import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStream } from '@/lib/import/import-stream';
import { segmentMessage } from '@/lib/segments/segment-message';
import { SEGMENTS_VERSION } from '@/lib/segments/version';
import { openDb, type Db } from '@/lib/store/open-db';
import { getMessage } from '@/lib/store/read-archive';
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

async function importedDb(): Promise<Db> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-segver-'));
  const db = openDb(path.join(dir, 'db.sqlite'));
  await importStream(db, 'test', one());
  return db;
}

const stored = (db: Db) =>
  db.prepare('SELECT segments_json, segments_version FROM messages').get() as {
    segments_json: string;
    segments_version: number;
  };

describe('SEGMENTS_VERSION', () => {
  it('is what import stores', async () => {
    const db = await importedDb();
    expect(stored(db).segments_version).toBe(SEGMENTS_VERSION);
    db.close();
  });

  it('recomputes and keeps segments stored by an older segmenter', async () => {
    const db = await importedDb();
    db.prepare("UPDATE messages SET segments_json = '[]', segments_version = ?").run(
      SEGMENTS_VERSION - 1,
    );
    const m = getMessage(db, 'test', 'v@example.org')!;
    const fresh = segmentMessage({ body: m.body, from: m.from, date: m.date });
    expect(fresh.map((s) => s.kind)).toEqual(['attribution', 'log', 'prose']);
    expect(m.segments).toEqual(fresh);
    expect(stored(db)).toEqual({
      segments_json: JSON.stringify(fresh),
      segments_version: SEGMENTS_VERSION,
    });
    db.close();
  });

  it('leaves segments of the current version alone', async () => {
    const db = await importedDb();
    db.prepare("UPDATE messages SET segments_json = '[]'").run();
    expect(getMessage(db, 'test', 'v@example.org')!.segments).toEqual([]);
    db.close();
  });
});
