/**
 * What every store must do, checked on every backend (tests/support/backends.ts): the
 * same imports give the same lists, threads, pages, downloads and counts. A parity test
 * then runs the same queries on both backends over a larger, hostile corpus and compares
 * the answers whole, so an ordering or NULL difference cannot hide.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import { importStream } from '@/lib/import/import-stream';
import { readBuffer, readSources } from '@/lib/import/read-sources';
import { contentHash } from '@/lib/store/content-hash';
import { openStore } from '@/lib/store/open-store';
import type { Store } from '@/lib/store/store';
import { BACKENDS, freshPgUrl, openFreshStore, type BackendName } from '@/tests/support/backends';

const root = path.resolve(import.meta.dirname, '../../..');
const store = (name: string) => path.join(root, 'tests', 'fixtures', 'store', name);
const series = (name: string) => path.join(root, 'tests', 'fixtures', 'series', name);
const hostile = (name: string) => path.join(root, 'tests', 'fixtures', 'hostile', name);

const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});
async function fresh(backend: BackendName): Promise<Store> {
  const s = await openFreshStore(backend);
  opened.push(s);
  return s;
}
const load = (s: Store, list: string, files: string[]) => importStream(s, list, readSources(files));

/** Undated messages inside dated threads, undated threads, and threads tied on date. */
const UNDATED = Buffer.from(
  [
    ['root@u', 'Mon, 1 Jan 2018 10:00:00 +0000', null, 'Undated reply inside'],
    ['undated-reply@u', 'not a date', 'root@u', 'Re: Undated reply inside'],
    ['late-reply@u', 'Mon, 1 Jan 2018 12:00:00 +0000', 'root@u', 'Re: Undated reply inside'],
    ['alone@u', null, null, 'An undated thread'],
    ['tie-1@u', 'Tue, 2 Jan 2018 10:00:00 +0000', null, '[PATCH 1/2] tied'],
    ['tie-2@u', 'Tue, 2 Jan 2018 10:00:00 +0000', null, '[PATCH 2/2] tied'],
  ]
    .map(([id, date, parent, subject]) =>
      [
        'From someone@u Mon Jan  1 00:00:00 2018',
        'From: Someone <someone@u>',
        `Subject: ${subject}`,
        ...(date ? [`Date: ${date}`] : []),
        `Message-ID: <${id}>`,
        ...(parent ? [`In-Reply-To: <${parent}>`] : []),
        '',
        `Body of ${id}.`,
        '',
      ].join('\n'),
    )
    .join(''),
);

describe.each(BACKENDS)('store contract: %s', (backend) => {
  it('imports and threads a list', async () => {
    const s = await fresh(backend);
    expect(await s.countMessages()).toBe(0);
    expect(await load(s, 'test', [store('thread.mbox')])).toEqual({
      imported: 3,
      duplicates: 0,
      rejected: [],
    });
    expect(await s.getLists()).toEqual([
      { name: 'test', messages: 3, threads: 1, lastDate: '2018-04-23T12:00:00.000Z' },
    ]);
    expect(await s.getListNames()).toEqual(['test']);
    expect(await s.countMessages()).toBe(3);
    const page = (await s.getListThreads('test', 1, 50))!;
    expect(page.total).toBe(1);
    expect(page.threads).toEqual([
      {
        rootMessageId: 'patch-1@example.org',
        linkMessageId: 'patch-1@example.org',
        linkDup: 0,
        subject: '[PATCH] mm: fix the frobnicator',
        messages: 3,
        participants: ['Alice Example', 'Bob Reviewer', 'Carol'],
        firstDate: '2018-04-23T10:00:00.000Z',
        lastDate: '2018-04-23T12:00:00.000Z',
      },
    ]);
    expect(await s.getListThreads('nope', 1, 50)).toBeNull();
    const t = (await s.getThreadMessages('test', 'reply-2@example.org'))!;
    expect(t.focus.messageId).toBe('reply-2@example.org');
    expect(t.messages.map((m) => m.messageId)).toEqual([
      'patch-1@example.org',
      'reply-1@example.org',
      'reply-2@example.org',
    ]);
    const m = (await s.getMessage('test', 'reply-1@example.org'))!;
    expect(m).toMatchObject({ list: 'test', dupIndex: 0, from: { name: 'Bob Reviewer' } });
    expect(m.segments.find((seg) => seg.depth === 1)!.lines).toEqual([
      'The frobnicator leaks a page on error.',
    ]);
    expect(typeof m.rowId).toBe('number');
    expect(await s.getMessage('test', 'missing@example.org')).toBeNull();
    expect(await s.findListOf('reply-1@example.org')).toBe('test');
    expect(await s.findListOf('missing@example.org')).toBeNull();
    const raw = await s.getRaw([m.rowId]);
    expect(raw).toHaveLength(1);
    expect(Buffer.isBuffer(raw[0]!.raw)).toBe(true);
    expect(raw[0]!.raw.toString()).toContain('Message-ID: <reply-1@example.org>');
    expect(raw[0]).toMatchObject({ rowId: m.rowId, format: 'rfc822', date: m.date });
    expect(await s.hasUnthreaded((await s.getListId('test'))!)).toBe(false);
    expect((await s.check()).ok).toBe(true);
    // Every stored message is indexed for search.
    const found = await s.searchMessages({
      query: 'frobnicator',
      sort: 'date',
      page: 1,
      perPage: 10,
    });
    expect(found.results.map((r) => r.messageId)).toEqual([
      'reply-2@example.org',
      'reply-1@example.org',
      'patch-1@example.org',
    ]);
    const ids = await s.searchRowIds({ query: 'f:carol', list: 'test' });
    expect(ids).toEqual({ rowIds: [(await s.getMessage('test', 'reply-2@example.org'))!.rowId] });
  });

  it('stores the same bytes once and a reused Message-ID as a duplicate', async () => {
    const s = await fresh(backend);
    await load(s, 'test', [store('thread.mbox')]);
    expect(await load(s, 'test', [store('thread.mbox')])).toEqual({
      imported: 0,
      duplicates: 3,
      rejected: [],
    });
    expect((await load(s, 'test', [store('same-id-other-content.eml')])).imported).toBe(1);
    expect((await s.getMessage('test', 'reply-1@example.org', 0))!.from.name).toBe('Bob Reviewer');
    const dup = (await s.getMessage('test', 'reply-1@example.org', 1))!;
    expect(dup).toMatchObject({ dupIndex: 1, from: { name: 'Mallory' } });
    expect((await s.getThreadMessages('test', 'reply-1@example.org', 1))!.focus.rowId).toBe(
      dup.rowId,
    );
    expect((await s.getLists())[0]!.messages).toBe(4);
    // The same list under another name is another list: nothing is a duplicate there.
    expect((await load(s, 'other', [store('thread.mbox')])).imported).toBe(3);
    expect(await s.getListNames()).toEqual(['other', 'test']);
    expect(await s.findListOf('patch-1@example.org')).toBe('other');
  });

  it('hides messages, skipping them everywhere, and rethreads without them', async () => {
    const s = await fresh(backend);
    await load(s, 'test', [store('thread.mbox')]);
    const listId = (await s.getListId('test'))!;
    const patch = (await s.getMessage('test', 'patch-1@example.org'))!;
    const [raw] = await s.getRaw([patch.rowId]);
    const before = await s.generation();
    expect(await s.hideMessage(listId, contentHash(raw!.raw))).toBe(1);
    expect(await s.hideMessage(listId, contentHash(raw!.raw))).toBe(0);
    expect(await s.generation()).not.toBe(before);
    expect(await s.getMessage('test', 'patch-1@example.org')).toBeNull();
    expect(await s.findListOf('patch-1@example.org')).toBeNull();
    expect(await s.getExportRows([patch.rowId])).toEqual([]);
    expect((await s.getLists())[0]!.messages).toBe(2);
    // Until a rethread, the thread counts the hidden message: check says so.
    expect((await s.check()).problems).toEqual([
      expect.stringMatching(/^threads with a wrong message count: 1 \(rows \d+\)$/),
    ]);
    expect(await s.rethreadList(listId)).toBe(1);
    const page = (await s.getListThreads('test', 1, 50))!;
    expect(page.threads[0]).toMatchObject({
      rootMessageId: 'patch-1@example.org',
      linkMessageId: 'reply-1@example.org',
      messages: 2,
      participants: ['Bob Reviewer', 'Carol'],
    });
    const check = await s.check();
    expect(check).toEqual({
      ok: true,
      problems: [],
      counts: { lists: 1, messages: 2, hiddenMessages: 1, threads: 1 },
    });
    // Re-importing a hidden message's bytes does not bring it back.
    expect((await load(s, 'test', [store('thread.mbox')])).duplicates).toBe(3);
  });

  it('pages threads and export chunks, newest first and in import order', async () => {
    const s = await fresh(backend);
    await load(s, 'series', [series('pw-revision-basic.mbox'), store('thread.mbox')]);
    const all = (await s.getListThreads('series', 1, 50))!;
    expect(all.total).toBe(3);
    expect(all.threads.map((t) => t.lastDate)).toEqual([
      '2018-04-23T12:00:00.000Z',
      '2016-09-11T22:26:35.000Z',
      '2016-09-11T22:22:04.000Z',
    ]);
    const second = (await s.getListThreads('series', 2, 2))!;
    expect(second.total).toBe(3);
    expect(second.threads).toEqual(all.threads.slice(2));
    const newest = (await s.getNewestThreads('series', 2))!;
    expect(newest.map((t) => [t.messageId, t.messages])).toEqual([
      ['patch-1@example.org', 3],
      ['1473632795-9971-1-git-send-email-stephenfinucane@gmail.com', 3],
    ]);
    expect(await s.getNewestThreads('nope', 2)).toBeNull();

    const listId = (await s.getListId('series'))!;
    expect(await s.getListId('nope')).toBeNull();
    const chunks: string[][] = [];
    for (let after = 0; ;) {
      const chunk = await s.getListExportChunk(listId, after, 4);
      if (chunk.length === 0) break;
      chunks.push(chunk.map((r) => r.messageId));
      after = chunk[chunk.length - 1]!.rowId;
    }
    expect(chunks.map((c) => c.length)).toEqual([4, 4, 1]);
    expect(chunks.flat()[0]).toBe('1473632524-8585-1-git-send-email-stephenfinucane@gmail.com');
    expect(chunks.flat()[8]).toBe('reply-2@example.org');
    const first = await s.getListExportChunk(listId, 0, 2);
    const rows = await s.getExportRows([first[1]!.rowId, first[0]!.rowId, first[1]!.rowId]);
    expect(rows.map((r) => r.rowId)).toEqual([first[1]!.rowId, first[0]!.rowId, first[1]!.rowId]);
    expect(rows[1]).toMatchObject({
      format: 'rfc822',
      subject: '[PATCH 0/2] A sample series',
      from: { name: 'Stephen Finucane', address: 'stephenfinucane@gmail.com' },
      date: '2016-09-11T22:22:02.000Z',
    });
    expect(Buffer.isBuffer(rows[1]!.raw)).toBe(true);
  });

  it('answers the series queries', async () => {
    const s = await fresh(backend);
    await load(s, 'pw', [
      series('pw-revision-basic.mbox'),
      series('pw-base-no-references-no-cover.mbox'),
    ]);
    const src = s.seriesSource('pw');
    const id = (n: number) => `1473632524-8585-${n}-git-send-email-stephenfinucane@gmail.com`;
    expect((await src.messagesById([id(3), 'unknown@x', id(1)])).map((m) => m.messageId)).toEqual([
      id(3),
      id(1),
    ]);
    const threads = await src.threadsOf([id(2), id(3), 'unknown@x']);
    expect(threads.map((m) => m.messageId)).toEqual([id(1), id(2), id(3)]);
    // Sender matched without regard to ASCII case, within the gap around the date.
    const near = await src.postingsNear('MWB@linux.vnet.IBM.com', '2017-05-23T15:15:29.000Z');
    expect(near.map((m) => m.subject)).toEqual([
      '[PATCH 0/2] powerpc/dlpar: Correct display of hot-add/hot-remove CPUs and memory',
      '[PATCH 1/2] powerpc/numa: Update CPU topology when VPHN enabled',
      '[Patch 2/2]: powerpc/hotplug/mm: Fix hot-add memory node assoc',
    ]);
    expect(await src.postingsNear('mwb@linux.vnet.ibm.com', 'not a date')).toEqual([]);
    const byBase = await src.postingsByBase(['A sample series']);
    expect(byBase.map((m) => m.subject)).toEqual([
      '[PATCH v2 0/2] A sample series',
      '[PATCH 0/2] A sample series',
    ]);
    expect(await src.postingsByBase([])).toEqual([]);
  });

  it('caches highlights and import cursors', async () => {
    const s = await fresh(backend);
    expect(await s.getHighlights(['a'])).toEqual(new Map());
    await s.saveHighlights(
      new Map([
        ['a', ['<b>1</b>']],
        ['b', ['2', '3']],
      ]),
    );
    await s.saveHighlights(new Map([['a', ['one']]]));
    await s.saveHighlights(new Map());
    expect(await s.getHighlights(['a', 'b', 'c', 'a'])).toEqual(
      new Map([
        ['a', ['one']],
        ['b', ['2', '3']],
      ]),
    );
    const listId = await s.ensureList('test');
    expect(await s.ensureList('test')).toBe(listId);
    expect(await s.getImportCursor(listId, '/epoch/0.git')).toBeNull();
    await s.setImportCursor(listId, '/epoch/0.git', 'abc');
    await s.setImportCursor(listId, '/epoch/0.git', 'def');
    await s.setImportCursor(listId, '/epoch/1.git', 'ghi');
    expect(await s.getImportCursor(listId, '/epoch/0.git')).toBe('def');
    expect(await s.getImportCursor(listId, '/epoch/1.git')).toBe('ghi');
  });

  it('changes generation on every write that changes pages', async () => {
    const s = await fresh(backend);
    const g0 = await s.generation();
    expect(await s.generation()).toBe(g0);
    await load(s, 'test', [store('thread.mbox')]);
    const g1 = await s.generation();
    expect(g1).not.toBe(g0);
    const listId = (await s.getListId('test'))!;
    await s.rethreadList(listId);
    expect(await s.generation()).not.toBe(g1);
  });

  it('stores mail with NUL characters, shown as U+FFFD as a browser would', async () => {
    const s = await fresh(backend);
    const summary = await load(s, 'hostile', [hostile('nul-bytes.mbox')]);
    expect(summary).toMatchObject({ imported: 2, rejected: [] });
    const m = (await s.getMessage('hostile', 'nulid@hostile.example'))!;
    expect(m.subject).toBe('nul\uFFFDsubject');
    // mailparser drops NUL from address names itself.
    expect(m.from.name).toBe('NulName');
    expect(m.body).toBe('body\uFFFD\uFFFDwith nuls');
    // The raw bytes are kept as they came.
    expect((await s.getRaw([m.rowId]))[0]!.raw.includes(0)).toBe(true);
    expect((await s.check()).ok).toBe(true);
  });
});

describe('postgres across processes', () => {
  it('sees a second store’s writes in its generation and reads', async () => {
    const url = await freshPgUrl();
    const a = await openStore(url);
    const b = await openStore(url);
    opened.push(a, b);
    expect(a.location).not.toContain('threadlight:threadlight@');
    const g0 = await a.generation();
    await load(b, 'test', [store('thread.mbox')]);
    const g1 = await a.generation();
    expect(g1).not.toBe(g0);
    expect((await a.getLists())[0]!.messages).toBe(3);
    await b.hideMessage(
      (await b.getListId('test'))!,
      contentHash(
        (await b.getRaw([(await b.getMessage('test', 'reply-2@example.org'))!.rowId]))[0]!.raw,
      ),
    );
    expect(await a.generation()).not.toBe(g1);
    expect(await a.getMessage('test', 'reply-2@example.org')).toBeNull();
  });
});

/** Everything pages read of a list, without row ids (each store numbers rows its own way). */
async function snapshot(s: Store, list: string) {
  const strip = <T extends object>(o: T) => {
    const { rowId: _r, key: _k, ...rest } = o as T & { rowId?: unknown; key?: unknown };
    void _r;
    void _k;
    return rest;
  };
  const page = (await s.getListThreads(list, 1, 1000))!;
  const threads = await Promise.all(
    page.threads.map(async (t) =>
      (await s.getThreadMessages(list, t.linkMessageId, t.linkDup))!.messages.map(strip),
    ),
  );
  const listId = (await s.getListId(list))!;
  const src = s.seriesSource(list);
  const ids = threads.flat().map((m) => m.messageId);
  const bases = [...new Set(threads.flat().map((m) => m.subject.replace(/^(\[[^\]]*\]\s*)+/, '')))];
  return {
    lists: await s.getLists(),
    page,
    threads,
    newest: await s.getNewestThreads(list, 1000),
    export: (await s.getListExportChunk(listId, 0, 10_000)).map(strip),
    threadsOf: (await src.threadsOf(ids)).map(strip),
    near: await Promise.all(
      threads
        .flat()
        .map(async (m) => (await src.postingsNear(m.from.address, m.date ?? '')).map(strip)),
    ),
    byBase: (await src.postingsByBase(bases)).map(strip),
    check: await s.check(),
  };
}

describe('sqlite/postgres parity', () => {
  it('gives the same answers for a hostile, mixed corpus', async () => {
    const files = [
      path.join(root, 'samples', 'linux-sparse'),
      path.join(root, 'samples', 'b4'),
      series('sparse-thread-context-analysis-v5.mbox'),
      series('pw-revision-unlabeled-noreferences.mbox'),
      series('b4-trailers-followup-partial-reroll.mbox'),
      store('thread.mbox'),
      store('same-id-other-content.eml'),
      hostile('thread-cycles.mbox'),
      hostile('duplicate-ids.mbox'),
      hostile('missing-headers.mbox'),
      hostile('duplicate-headers.mbox'),
      hostile('nul-bytes.mbox'),
    ];
    const [sqlite, pg] = await Promise.all([fresh('sqlite'), fresh('postgres')]);
    const [a, b] = await Promise.all([load(sqlite, 'mix', files), load(pg, 'mix', files)]);
    expect(b).toEqual(a);
    for (const s of [sqlite, pg]) await importStream(s, 'mix', readBuffer(UNDATED, 'undated'));
    // Hide a few, so hidden rows must be skipped the same way.
    const some = (await sqlite.getListExportChunk((await sqlite.getListId('mix'))!, 0, 40))
      .filter((_, i) => i % 7 === 3)
      .map((r) => contentHash(r.raw));
    for (const s of [sqlite, pg]) {
      const listId = (await s.getListId('mix'))!;
      for (const hash of some) await s.hideMessage(listId, hash);
      await s.rethreadList(listId);
    }
    const [x, y] = await Promise.all([snapshot(sqlite, 'mix'), snapshot(pg, 'mix')]);
    expect(y.page.total).toBeGreaterThan(10);
    expect(y).toEqual(x);
  });
});
