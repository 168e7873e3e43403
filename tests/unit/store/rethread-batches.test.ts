import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '@/lib/store/open-db';
import { SqliteStore } from '@/lib/store/sqlite-store';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import { rethreadList } from '@/lib/store/rethread-list';

const root = path.resolve(import.meta.dirname, '../../..');
// Real threads (linux-sparse, b4 series) and hostile ones (cycles, duplicate ids,
// missing headers): many groups, some joined only by a ghost or a subject.
const SOURCES = [
  path.join(root, 'samples', 'linux-sparse'),
  path.join(root, 'samples', 'b4'),
  path.join(root, 'tests', 'fixtures', 'hostile', 'thread-cycles.mbox'),
  path.join(root, 'tests', 'fixtures', 'hostile', 'duplicate-ids.mbox'),
  path.join(root, 'tests', 'fixtures', 'hostile', 'missing-headers.mbox'),
];

/** The thread table as data that does not depend on thread row numbering. */
function threadTable(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT t.root_message_id, t.subject, t.message_count, t.participants_json,
        t.first_date, t.last_date,
        (SELECT group_concat(message_id || '#' || dup_index, ' ') FROM
          (SELECT message_id, dup_index FROM messages m WHERE m.thread_id = t.id
           ORDER BY message_id, dup_index)) AS members
       FROM threads t`,
    )
    .all();
  return rows.map((r) => JSON.stringify(r)).sort();
}

describe('rethreadList in batches', () => {
  it('gives the same threads whether groups are threaded together or one by one', async () => {
    // The batch size is an internal of SQLite's rethreadList: this test reads its tables.
    const store = SqliteStore.open(
      path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-rt-')), 'db.sqlite'),
    );
    const db = store.db;
    await importStream(store, 'mixed', readSources(SOURCES));
    const listId = (db.prepare("SELECT id FROM lists WHERE name = 'mixed'").get() as { id: number })
      .id;
    const whole = threadTable(db);
    expect(whole.length).toBeGreaterThan(8);
    for (const batch of [1, 3, 50]) {
      const threads = rethreadList(db, listId, batch);
      expect(threads).toBe(whole.length);
      expect(threadTable(db)).toEqual(whole);
    }
    // Every visible message has a thread.
    expect(
      db.prepare('SELECT COUNT(*) AS n FROM messages WHERE hidden = 0 AND thread_id IS NULL').get(),
    ).toEqual({ n: 0 });
  });
});
