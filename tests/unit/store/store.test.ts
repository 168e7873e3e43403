import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import path from 'node:path';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import { openStore } from '@/lib/store/open-store';
import type { SqliteStore } from '@/lib/store/sqlite-store';
import type { Store } from '@/lib/store/store';
import { BACKENDS, freshLocation } from '../../support/backends';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/store');
const fixture = (name: string) => path.join(FIXTURES, name);

describe.each(BACKENDS)('store (%s)', (backend) => {
  let location: string;
  let store: Store;
  beforeEach(async () => {
    location = await freshLocation(backend);
    store = await openStore(location);
  });
  afterEach(() => store.close());

  it('imports a thread and threads it', async () => {
    const s = await importStream(store, 'test', readSources([fixture('thread.mbox')]));
    expect(s).toEqual({ imported: 3, duplicates: 0, rejected: [] });
    expect(await store.getLists()).toEqual([
      { name: 'test', messages: 3, threads: 1, lastDate: '2018-04-23T12:00:00.000Z' },
    ]);
    expect(await store.getListNames()).toEqual(['test']);
    const t = (await store.getThreadMessages('test', 'reply-2@example.org'))!;
    expect(t.messages.map((m) => m.messageId)).toEqual([
      'patch-1@example.org',
      'reply-1@example.org',
      'reply-2@example.org',
    ]);
    const list = (await store.getListThreads('test', 1, 50))!;
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
    await importStream(store, 'test', readSources([fixture('thread.mbox')]));
    const again = await importStream(store, 'test', readSources([fixture('thread.mbox')]));
    expect(again).toEqual({ imported: 0, duplicates: 3, rejected: [] });
    expect((await store.getLists())[0]!.messages).toBe(3);
  });

  it('keeps both messages when a Message-ID is reused with other content', async () => {
    await importStream(store, 'test', readSources([fixture('thread.mbox')]));
    const s = await importStream(
      store,
      'test',
      readSources([fixture('same-id-other-content.eml')]),
    );
    expect(s.imported).toBe(1);
    expect((await store.getMessage('test', 'reply-1@example.org', 0))!.from.name).toBe(
      'Bob Reviewer',
    );
    expect((await store.getMessage('test', 'reply-1@example.org', 1))!.from.name).toBe('Mallory');
    expect((await store.getLists())[0]!.messages).toBe(4);
  });

  it('survives a restart: a reopened database holds the same data', async () => {
    await importStream(store, 'test', readSources([fixture('thread.mbox')]));
    await store.close();
    store = await openStore(location);
    expect((await store.getMessage('test', 'patch-1@example.org'))!.subject).toBe(
      '[PATCH] mm: fix the frobnicator',
    );
    if (store.kind === 'sqlite') {
      // SQLite's own state: migrated, and in WAL mode so imports run beside the server.
      const file = (store as SqliteStore).db;
      expect(file.pragma('user_version', { simple: true })).toBeGreaterThan(0);
      expect(file.pragma('journal_mode', { simple: true })).toBe('wal');
    }
  });

  it('stores segments with the sender as the author of depth 0', async () => {
    await importStream(store, 'test', readSources([fixture('thread.mbox')]));
    const m = (await store.getMessage('test', 'reply-1@example.org'))!;
    const quoted = m.segments.find((s) => s.depth === 1)!;
    expect(quoted.lines).toEqual(['The frobnicator leaks a page on error.']);
    const own = m.segments.filter((s) => s.depth === 0 && s.lines.includes('Good catch.'));
    expect(own[0]!.author?.name).toBe('Bob Reviewer');
  });
});
