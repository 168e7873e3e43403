/**
 * Preparing messages ahead and in worker threads must not change anything stored:
 * same rows, segments, threads and search rows, same summary, same callback order,
 * and a resumable git import's cursor never passes a message still being prepared.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importGitEpoch } from '../../../lib/import/import-git-epoch';
import { importStream, type StreamItem } from '../../../lib/import/import-stream';
import { createParsePool } from '../../../lib/import/parse-pool';
import { prepareMessage, type MessagePreparer } from '../../../lib/import/prepare-message';
import { getImportCursor } from '../../../lib/store/import-state';
import type { Db } from '../../../lib/store/open-db';
import { SqliteStore } from '../../../lib/store/sqlite-store';
import type { RawMessage } from '../../../lib/types';
import { type EpochEvent, appendCommits, makeEpoch, removeTempDirs } from './epoch-helpers';
import { syntheticMessage } from './synthetic-mail';

afterAll(removeTempDirs);

const COUNT = 700; // more than one batch (500)

const raw = (i: number, text = syntheticMessage(i)): RawMessage => ({
  source: 'test.mbox',
  position: `message ${i + 1}`,
  raw: Buffer.from(text),
  format: 'rfc822',
});

/** Messages with a read problem and unparseable messages among them, at fixed places. */
async function* stream(): AsyncGenerator<StreamItem> {
  for (let i = 0; i < COUNT; i++) {
    if (i === 3) yield { problem: { source: 'test.mbox', position: 'line 9', reason: 'junk' } };
    if (i % 250 === 7) yield raw(i, ''); // empty: rejected by the parser
    yield raw(i);
  }
  yield raw(0); // the same bytes again: a duplicate
}

/** Everything an import stores, as plain rows (imported_at differs between runs). */
function contents(db: Db) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    messages: all(`SELECT id, message_id, content_hash, dup_index, subject, from_name, to_json,
      date, refs_json, body, attachments_json, warnings_json, segments_json, raw, position,
      thread_id, hidden FROM messages ORDER BY id`),
    threads: all('SELECT * FROM threads ORDER BY id'),
    search: all('SELECT rowid, * FROM messages_fts ORDER BY rowid'),
  };
}

/** Import the stream; SQLite, to compare every stored column and the search index's rows. */
async function importWith(preparer?: MessagePreparer) {
  const store = SqliteStore.open(':memory:');
  const seen: string[] = [];
  const summary = await importStream(store, 'test', stream(), {
    ...(preparer ? { preparer } : {}),
    onImported: (id) => seen.push(`imported ${id}`),
    onDuplicate: (id) => seen.push(`duplicate ${id}`),
    onBatchSaved: (last) => {
      seen.push(`saved through ${'problem' in last ? '?' : last.position}`);
    },
  });
  const stored = contents(store.db);
  await store.close();
  return { summary, seen, contents: stored };
}

/** Prepares up to 64 messages at once and finishes them in a scrambled order. */
const scrambling: MessagePreparer = {
  concurrency: 64,
  prepare: async (item) => {
    const result = await prepareMessage(item);
    await new Promise((r) => setTimeout(r, (item.raw.length * 7) % 5));
    return result;
  },
};

describe('preparing ahead', () => {
  it('stores, reports and calls back exactly as one message at a time does', async () => {
    const expected = await importWith();
    expect(expected.summary.imported).toBe(COUNT);
    expect(expected.summary.duplicates).toBe(1);
    expect(expected.summary.rejected.map((r) => `${r.position}: ${r.reason}`)).toEqual([
      'line 9: junk',
      'message 8: empty input (0 bytes)',
      'message 258: empty input (0 bytes)',
      'message 508: empty input (0 bytes)',
    ]);
    expect(expected.seen.filter((s) => s.startsWith('saved'))).toEqual([
      'saved through message 500',
      `saved through message 1`,
    ]);
    expect(await importWith(scrambling)).toEqual(expected);
  });

  it('in worker threads, gives the same database as in-process parsing', async () => {
    const pool = await createParsePool(2, { startAfterMessages: 0 });
    try {
      expect(await pool.start()).toBe(2);
      const pooled = await importWith(pool);
      // Most messages went to the workers (the first few may not have).
      expect(pool.stats().inWorkers).toBeGreaterThan(COUNT / 2);
      expect(pooled).toEqual(await importWith());
    } finally {
      await pool.close();
    }
  });

  it('parses in-process whatever a dying worker held, losing nothing', async () => {
    const workerUrl = new URL('./failing-worker.mjs', import.meta.url);
    const pool = await createParsePool(2, { startAfterMessages: 0, workerUrl });
    try {
      expect(await pool.start()).toBe(2);
      const pooled = await importWith(pool);
      expect(pool.stats()).toEqual({ inWorkers: 0, inProcess: COUNT + 4 });
      expect(pooled).toEqual(await importWith());
    } finally {
      await pool.close();
    }
  });
});

describe('preparing a git epoch ahead', () => {
  it('saves a cursor only once every message before it is stored', async () => {
    const repo = makeEpoch('tl-pool-epoch-');
    const events: EpochEvent[] = [];
    for (let i = 0; i < 1200; i++) {
      events.push({ add: Buffer.from(syntheticMessage(i)) });
      if (i % 100 === 50) events.push({ remove: Buffer.from(syntheticMessage(i - 50)) });
    }
    const commits = appendCommits(repo, events);
    const store = SqliteStore.open(path.join(path.dirname(repo), 'test.db'));
    const db = store.db;
    const checks: string[] = [];
    // After every batch: each commit up to the saved cursor is applied in the database.
    const check = () => {
      const cursor = getImportCursor(db, 1, path.resolve(repo));
      const upTo = cursor ? commits.indexOf(cursor) : -1;
      const stored = new Set(db.prepare('SELECT position FROM messages').pluck().all() as string[]);
      const hidden = db.prepare('SELECT COUNT(*) FROM messages WHERE hidden = 1').pluck().get();
      const missing = commits.filter(
        (c, k) => k <= upTo && 'add' in events[k]! && !stored.has(`commit ${c}`),
      );
      const removals = events.slice(0, upTo + 1).filter((e) => 'remove' in e).length;
      checks.push(`cursor at ${upTo}: missing ${missing.length}, hidden ${hidden}/${removals}`);
    };
    const summary = await importGitEpoch(store, 'sparse', repo, {
      preparer: { ...scrambling, concurrency: 400 },
      onBatchSaved: check,
    });
    check();
    expect(summary).toEqual({ imported: 1200, duplicates: 0, rejected: [], hidden: 12 });
    // Batches end at messages 500 and 1000: commit 504 and 1009 (deletions come between).
    expect(checks).toEqual([
      'cursor at 504: missing 0, hidden 5/5',
      'cursor at 1009: missing 0, hidden 10/10',
      'cursor at 1211: missing 0, hidden 12/12',
      'cursor at 1211: missing 0, hidden 12/12',
    ]);
    await store.close();
  });
});
