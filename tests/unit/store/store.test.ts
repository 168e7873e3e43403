import { describe, expect, it, beforeEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '@/lib/store/open-db';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import {
  getListNames,
  getListThreads,
  getLists,
  getMessage,
  getThreadMessages,
} from '@/lib/store/read-archive';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/store');
const fixture = (name: string) => path.join(FIXTURES, name);

let dbFile: string;
beforeEach(() => {
  dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-store-')), 'test.db');
});

describe('store', () => {
  it('imports a thread and threads it', async () => {
    const db = openDb(dbFile);
    const s = await importStream(db, 'test', readSources([fixture('thread.mbox')]));
    expect(s).toEqual({ imported: 3, duplicates: 0, rejected: [] });
    expect(getLists(db)).toEqual([
      { name: 'test', messages: 3, threads: 1, lastDate: '2018-04-23T12:00:00.000Z' },
    ]);
    expect(getListNames(db)).toEqual(['test']);
    const t = getThreadMessages(db, 'test', 'reply-2@example.org')!;
    expect(t.messages.map((m) => m.messageId)).toEqual([
      'patch-1@example.org',
      'reply-1@example.org',
      'reply-2@example.org',
    ]);
    const list = getListThreads(db, 'test', 1, 50)!;
    expect(list.total).toBe(1);
    expect(list.threads[0]).toMatchObject({
      rootMessageId: 'patch-1@example.org',
      linkMessageId: 'patch-1@example.org',
      subject: '[PATCH] mm: fix the frobnicator',
      messages: 3,
      participants: ['Alice Example', 'Bob Reviewer', 'Carol'],
    });
  });

  it('re-importing the same file stores nothing twice', async () => {
    const db = openDb(dbFile);
    await importStream(db, 'test', readSources([fixture('thread.mbox')]));
    const again = await importStream(db, 'test', readSources([fixture('thread.mbox')]));
    expect(again).toEqual({ imported: 0, duplicates: 3, rejected: [] });
    expect(getLists(db)[0]!.messages).toBe(3);
  });

  it('keeps both messages when a Message-ID is reused with other content', async () => {
    const db = openDb(dbFile);
    await importStream(db, 'test', readSources([fixture('thread.mbox')]));
    const s = await importStream(db, 'test', readSources([fixture('same-id-other-content.eml')]));
    expect(s.imported).toBe(1);
    expect(getMessage(db, 'test', 'reply-1@example.org', 0)!.from.name).toBe('Bob Reviewer');
    expect(getMessage(db, 'test', 'reply-1@example.org', 1)!.from.name).toBe('Mallory');
    expect(getLists(db)[0]!.messages).toBe(4);
  });

  it('survives a restart: a reopened database holds the same data', async () => {
    const db = openDb(dbFile);
    await importStream(db, 'test', readSources([fixture('thread.mbox')]));
    db.close();
    const reopened = openDb(dbFile);
    expect(getMessage(reopened, 'test', 'patch-1@example.org')!.subject).toBe(
      '[PATCH] mm: fix the frobnicator',
    );
    expect(reopened.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('stores segments with the sender as the author of depth 0', async () => {
    const db = openDb(dbFile);
    await importStream(db, 'test', readSources([fixture('thread.mbox')]));
    const m = getMessage(db, 'test', 'reply-1@example.org')!;
    const quoted = m.segments.find((s) => s.depth === 1)!;
    expect(quoted.lines).toEqual(['The frobnicator leaks a page on error.']);
    const own = m.segments.filter((s) => s.depth === 0 && s.lines.includes('Good catch.'));
    expect(own[0]!.author?.name).toBe('Bob Reviewer');
  });
});
