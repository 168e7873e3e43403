import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '@/lib/store/open-db';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import { contentHash } from '@/lib/store/content-hash';
import { SqliteStore } from '@/lib/store/sqlite-store';
import type { SearchOptions, Store } from '@/lib/store/store';
import { BACKENDS, openFreshStore, type BackendName } from '../../support/backends';
import { snippetText } from '@/lib/search/snippet-parts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/search');
const SEED = path.join(import.meta.dirname, '../../fixtures/seed/seed.txt');
const NOW = new Date('2019-01-20T00:00:00Z');

/** The search fixtures in `store`: list `test`, and the seed page in `lkml`. */
async function importFixtures(store: Store): Promise<Store> {
  await importStream(store, 'test', readSources([path.join(FIXTURES, 'search.mbox')]));
  await importStream(store, 'lkml', readSources([SEED]));
  return store;
}

/** A fresh store of the backend holding the search fixtures. */
const fixtureStore = async (backend: BackendName) => importFixtures(await openFreshStore(backend));

/** Message-IDs found, in result order. */
async function idsIn(
  store: Store,
  query: string,
  extra: Partial<SearchOptions> = {},
): Promise<string[]> {
  const out = await store.searchMessages({
    query,
    sort: 'date',
    page: 1,
    perPage: 50,
    now: NOW,
    ...extra,
  });
  expect(out.error).toBeUndefined();
  return out.results.map((r) => r.messageId);
}

describe.each(BACKENDS)('searchMessages (%s)', (backend) => {
  let db: Store;
  beforeAll(async () => {
    db = await fixtureStore(backend);
  });
  afterAll(() => db.close());
  const ids = (query: string, extra: Partial<SearchOptions> = {}) => idsIn(db, query, extra);

  it('finds by subject, sender, recipients and body', async () => {
    expect(await ids('s:widgets')).toEqual(['widgets@example.net']);
    expect(await ids('widgets')).toEqual(['bench@example.com', 'widgets@example.net']);
    expect(await ids('f:carol')).toEqual(['widgets@example.net']);
    expect(await ids('f:alice@example.org')).toEqual(['orig@example.org']);
    expect(await ids('t:linux-sparse')).toEqual(['widgets@example.net']);
    expect(await ids('c:bob')).toEqual(['orig@example.org']);
    expect(await ids('b:quuxification')).toEqual(['widgets@example.net']);
    expect(await ids('s:quuxification')).toEqual([]);
  });

  it('finds by date range, phrase, prefix, OR and NOT', async () => {
    expect(await ids('d:20180401..20180430')).toEqual(['reply@example.org', 'orig@example.org']);
    expect(await ids('d:2019-01-01..')).toEqual(['bench@example.com']);
    expect(await ids('d:2.weeks.ago..')).toEqual(['bench@example.com']);
    expect(await ids('frobnicator d:..20180410')).toEqual(['orig@example.org']);
    expect(await ids('"plugs the zorblax"')).toEqual(['orig@example.org']);
    expect(await ids('"the zorblax leak"')).toEqual(['reply@example.org', 'orig@example.org']);
    expect(await ids('"zorblax the"')).toEqual([]);
    expect(await ids('frobnicat*')).toEqual([
      'bench@example.com',
      'reply@example.org',
      'orig@example.org',
    ]);
    expect(await ids('quux* OR zorblax')).toEqual([
      'widgets@example.net',
      'reply@example.org',
      'orig@example.org',
    ]);
    expect(await ids('frobnicator -f:bob')).toEqual(['orig@example.org']);
    expect(await ids('frobnicator NOT looks')).toEqual(['orig@example.org']);
    expect(await ids('-frobnicator d:2018', { list: 'test' })).toEqual(['widgets@example.net']);
    expect(await ids('frob* -d:2018-04')).toEqual(['bench@example.com']);
  });

  it('ranks a quote below the words it quotes, and tells own from quoted', async () => {
    const relevance = await db.searchMessages({
      query: 'zorblax',
      sort: 'relevance',
      page: 1,
      perPage: 10,
    });
    expect(relevance.results.map((r) => r.messageId)).toEqual([
      'orig@example.org',
      'reply@example.org',
    ]);
    expect(await ids('nq:zorblax')).toEqual(['orig@example.org']);
    expect(await ids('q:zorblax')).toEqual(['reply@example.org']);
  });

  it('searches one list or all of them', async () => {
    expect(await ids('clang')).toEqual([expect.stringMatching(/@threadlight\.invalid$/)]);
    expect(await ids('clang', { list: 'test' })).toEqual([]);
    expect(await ids('s:frobnicator', { list: 'test' })).toEqual([
      'reply@example.org',
      'orig@example.org',
    ]);
    expect(await ids('s:frobnicator', { list: 'nope' })).toEqual([]);
  });

  it('pages and counts', async () => {
    const page2 = await db.searchMessages({
      query: 'frobnicat*',
      sort: 'date',
      page: 2,
      perPage: 2,
    });
    expect(page2.total).toBe(3);
    expect(page2.results.map((r) => r.messageId)).toEqual(['orig@example.org']);
  });

  it('returns result fields and a snippet with marked hits, from the body', async () => {
    const [r] = (
      await db.searchMessages({
        query: 'quuxification',
        sort: 'relevance',
        page: 1,
        perPage: 1,
      })
    ).results;
    expect(r).toMatchObject({
      list: 'test',
      messageId: 'widgets@example.net',
      dupIndex: 0,
      subject: 'sparse: warn about widgets',
      from: 'Carol Tester <carol@example.net>',
      date: '2018-06-01T08:00:00.000Z',
    });
    expect(r!.snippet.filter((p) => p.hit)).toEqual([{ text: 'quuxification', hit: true }]);
    expect(snippetText(r!.snippet)).toBe(
      'Widgets are warned about now. The quuxification happens in the parser,\nso "NEAR(" and col: in a message body are only text.',
    );
  });

  it('leaves hidden messages out', async () => {
    // Its own store: hiding (an upstream deletion) cannot be undone through the store.
    const store = await fixtureStore(backend);
    try {
      expect(await idsIn(store, 'quuxification')).toEqual(['widgets@example.net']);
      const widgets = (await store.getMessage('test', 'widgets@example.net'))!;
      const [stored] = await store.getRaw([widgets.rowId]);
      expect(
        await store.hideMessage((await store.getListId('test'))!, contentHash(stored!.raw)),
      ).toBe(1);
      expect(await idsIn(store, 'quuxification')).toEqual([]);
      expect(await idsIn(store, 'd:2018-06')).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('never throws on hostile queries: results or a message', async () => {
    const hostile = [
      '"',
      '*',
      'NEAR(',
      'NEAR(a b',
      ')',
      'col:',
      'subject:foo',
      '{subject}:foo',
      '^foo',
      'a:b:c:d',
      '"NEAR("',
      '(((',
      'AND',
      '-',
      '\u0000',
      '\uE000x\uE001',
      '\ud800',
      '('.repeat(1 << 20),
      'a '.repeat(99),
      'x'.repeat(1999),
      'd:99999.years.ago..',
    ];
    for (const query of hostile) {
      for (const sort of ['relevance', 'date'] as const) {
        const out = await db.searchMessages({ query, sort, page: 1, perPage: 5 });
        expect(out.error === undefined || out.results.length === 0, query.slice(0, 20)).toBe(true);
        expect(typeof out.total).toBe('number');
      }
    }
    // FTS5 syntax inside a query is text: `"NEAR("` is the phrase in Carol's body.
    expect(await ids('"NEAR("')).toEqual(['widgets@example.net']);
    expect(await ids('col:')).toEqual(['widgets@example.net']);
  });

  it('clamps paging arguments instead of failing', async () => {
    const out = await db.searchMessages({
      query: 'frobnicat*',
      sort: 'date',
      page: -5,
      perPage: 1e9,
    });
    expect(out.results).toHaveLength(3);
    expect(
      (await db.searchMessages({ query: 'frobnicat*', sort: 'date', page: NaN, perPage: NaN }))
        .results,
    ).toHaveLength(1);
  });
});

/** `count` messages about gizmos; `strong` ones say it in the subject too. */
function gizmoMbox(prefix: string, count: number, strong: Set<number>): string {
  return Array.from({ length: count }, (_, i) => {
    const day = String((i % 28) + 1).padStart(2, '0');
    return [
      `From ${prefix}${i}@example.org Thu Feb  1 00:00:00 2018`,
      `From: Dev ${i} <dev${i}@example.org>`,
      `Subject: ${strong.has(i) ? 'gizmo gizmo gizmo' : `note ${i}`}`,
      `Message-ID: <${prefix}${i}@example.org>`,
      `Date: ${day} Feb 2018 10:00:00 +0000`,
      '',
      `A long line about the gizmo and many other words, number ${i}, so that it ranks low.`,
      '',
    ].join('\n');
  }).join('\n');
}

describe.each(BACKENDS)('broad queries (%s)', (backend) => {
  let wide: Store;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-search-wide-'));
    const file = path.join(dir, 'wide.mbox');
    // 40 in one list, imported oldest id first; #3 (old) and #35 (new) say it loudest.
    fs.writeFileSync(file, gizmoMbox('w', 40, new Set([3, 35])));
    const other = path.join(dir, 'other.mbox');
    fs.writeFileSync(other, gizmoMbox('o', 6, new Set()));
    wide = await openFreshStore(backend);
    await importStream(wide, 'wide', readSources([file]));
    await importStream(wide, 'other', readSources([other]));
  });
  afterAll(() => wide.close());
  const run = (query: string, extra: Partial<SearchOptions> = {}) =>
    wide.searchMessages({ query, sort: 'relevance', page: 1, perPage: 50, window: 10, ...extra });

  it('counts to the window, and ranks only the newest matches in it', async () => {
    const out = await run('gizmo', { list: 'wide' });
    expect(out).toMatchObject({ total: 10, more: true });
    const found = out.results.map((r) => r.messageId);
    expect(found).toHaveLength(10);
    // The newest ten imported (w30..w39), the loudest of them first; w3 is outside.
    expect(found[0]).toBe('w35@example.org');
    expect(new Set(found)).toEqual(
      new Set(Array.from({ length: 10 }, (_, i) => `w${30 + i}@example.org`)),
    );
  });

  it('counts and ranks every match when asked to, as the CLI does', async () => {
    const out = await run('gizmo', { list: 'wide', exhaustive: true });
    expect(out.total).toBe(40);
    expect(out.more).toBeUndefined();
    expect(
      out.results
        .slice(0, 2)
        .map((r) => r.messageId)
        .sort(),
    ).toEqual(['w35@example.org', 'w3@example.org']);
  });

  it('applies the window after the list and other filters', async () => {
    expect(await run('gizmo', { list: 'other' })).toMatchObject({ total: 6 });
    expect((await run('gizmo', { list: 'other' })).more).toBeUndefined();
    // Across lists the newest ten are the six of `other` and w36..w39.
    const all = await run('gizmo', { sort: 'date' });
    expect(all).toMatchObject({ total: 10, more: true });
    expect(all.results.filter((r) => r.list === 'other')).toHaveLength(6);
  });

  it('stops counting a broad date range at the window too', async () => {
    expect(await run('d:2018-02-01..2018-03-01', { list: 'wide', sort: 'date' })).toMatchObject({
      total: 10,
      more: true,
    });
    expect((await run('d:2018-02-01..2018-03-01', { list: 'other', sort: 'date' })).total).toBe(6);
  });

  it('pages within the window', async () => {
    const page2 = await run('gizmo', { list: 'wide', sort: 'date', perPage: 6, page: 2 });
    expect(page2.results).toHaveLength(4);
  });
});

// SQLite's full-text index (messages_fts) and its migrations.
describe('migration 3 backfill', () => {
  let dbFile: string;
  let store: SqliteStore;
  let db: Db;
  beforeAll(async () => {
    dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-search-')), 'test.db');
    store = SqliteStore.open(dbFile);
    db = store.db;
    await importFixtures(store);
  });
  afterAll(() => store.close());

  it('indexes a database from before the index exactly as imports do', async () => {
    const rows = (d: Db) =>
      d
        .prepare(
          'SELECT rowid, subject, sender, to_addr, cc_addr, body_own, body_quoted FROM messages_fts ORDER BY rowid',
        )
        .all() as Record<string, string | number>[];
    const trimmed = (r: Record<string, string | number>[]) =>
      r.map((x) =>
        Object.fromEntries(
          Object.entries(x).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]),
        ),
      );
    const indexedAtImport = rows(db);
    expect(indexedAtImport).toHaveLength(5);
    await store.close();
    // Turn the file into a version-2 database, then let openDb migrate it.
    const old = SqliteStore.open(dbFile).db;
    old.exec(
      'DROP TRIGGER messages_fts_delete; DROP TABLE messages_fts; DROP INDEX messages_search; DROP INDEX messages_by_date;' +
        // and what migration 4 added
        'DROP INDEX messages_visible; DROP INDEX threads_by_activity;' +
        'CREATE INDEX threads_by_activity ON threads (list_id, last_date DESC);',
    );
    old.pragma('user_version = 2');
    old.close();
    store = SqliteStore.open(dbFile);
    db = store.db;
    expect(trimmed(rows(db))).toEqual(trimmed(indexedAtImport));
    expect(await idsIn(store, '"plugs the zorblax"')).toEqual(['orig@example.org']);
  });

  it('drops index rows of deleted messages', async () => {
    db.prepare("DELETE FROM messages WHERE message_id = 'bench@example.com'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages_fts').get()).toEqual({ n: 4 });
  });
});
