/**
 * PostgreSQL search (lib/store/pg/pg-search.ts) against SQLite's FTS5 search on the same
 * corpus: the same queries must find the same messages (in the same order when sorted
 * by date), count them alike, fail alike, and show the same snippets. Relevance order
 * may differ (docs/search-backends.md), so there only the sets are compared. The known
 * differences (past PostgreSQL's position limits) are pinned at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import fc from 'fast-check';
import pg from 'pg';
import Database from 'better-sqlite3';
import { importStream } from '@/lib/import/import-stream';
import { readBuffer, readSources } from '@/lib/import/read-sources';
import { openStore } from '@/lib/store/open-store';
import { SqliteStore } from '@/lib/store/sqlite-store';
import type { SearchOptions, SearchOutcome, Store } from '@/lib/store/store';
import type { IndexFields } from '@/lib/search/index-fields';
import { searchDocs } from '@/lib/search/pg-text-search';
import { freshPgUrl, freshSqlitePath, testPgUrl } from '@/tests/support/backends';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures');
const NOW = new Date('2019-01-20T00:00:00Z');

/** A letter today (\p{L}, so the parser keeps it) that unicode61's Unicode 6.1 tables call a separator. */
const NOT_A_TOKEN = '\u19b0';

interface Mail {
  id: string;
  from: string;
  to?: string;
  cc?: string;
  subject: string;
  date?: string;
  body: string;
}

function mbox(mails: readonly Mail[]): Buffer {
  return Buffer.from(
    mails
      .map((m) =>
        [
          'From someone@example.org Mon Jan  1 00:00:00 2018',
          `From: ${m.from}`,
          ...(m.to ? [`To: ${m.to}`] : []),
          ...(m.cc ? [`Cc: ${m.cc}`] : []),
          `Subject: ${m.subject}`,
          ...(m.date ? [`Date: ${m.date}`] : []),
          `Message-ID: <${m.id}>`,
          'MIME-Version: 1.0',
          'Content-Type: text/plain; charset=utf-8',
          'Content-Transfer-Encoding: 8bit',
          '',
          m.body,
          '',
        ].join('\n'),
      )
      .join('\n'),
  );
}

/** Past LAST_POSITION (16375): a word there, and a phrase there. */
const LONG_BODY = `${Array.from({ length: 17_000 }, (_, i) => `w${i}`).join(' ')}\nfarneedle tail phrase`;
/** A word more often than PostgreSQL keeps positions of (256), then in a phrase. */
const REPEATED_BODY = `${'lorem '.repeat(300)}lorem ipsumx`;

const TRICKY: Mail[] = [
  {
    id: 'accents@x',
    from: 'José Müller <jose@example.de>',
    to: 'Ærøskøbing List <aero@example.dk>',
    subject: 'Café naïve résumé',
    date: 'Tue, 01 May 2018 10:00:00 +0000',
    body: 'Straße, Ærøskøbing, CRÈME brûlée, coöperate, façade.\n\n> a quoted café façade line',
  },
  {
    id: 'scripts@x',
    from: 'Nobody <nobody@example.jp>',
    subject: '日本語のテキスト 中文搜索',
    date: 'Wed, 02 May 2018 10:00:00 +0000',
    body: `Καλημέρα κόσμε. Привет ёлка. 日本語のテキストです。 한국어 텍스트. ${NOT_A_TOKEN}x`,
  },
  {
    id: 'code@x',
    from: 'Hacker <hack+er@sub.example.org>',
    to: 'kernel-dev@example.com',
    cc: 'J. Doe <j.doe+tag@sub.example.org>',
    subject: '[PATCH] mm: use kmalloc_array() in foo_bar',
    date: 'Thu, 03 May 2018 10:00:00 +0000',
    body: [
      'Call kmalloc_array(n, size, GFP_KERNEL) and __builtin_expect(x, 0);',
      'struct foo_bar *p = NULL; p->field_x = 0xdeadbeef; /* 0XDEADBEEF */',
      "commit 1a2b3c4d5e6f (\"don't can’t O'Brien's fix\") it's a\\b back\\slash",
      'quotes: \'single\' "double" and ops a&b|c!d<->e :colon: *star*',
    ].join('\n'),
  },
  {
    id: 'undated@x',
    from: 'Nodate <nodate@example.org>',
    subject: 'an undated gizmo',
    body: 'The gizmo without a date.',
  },
  {
    id: 'hidden@x',
    from: 'Ghost <ghost@example.org>',
    subject: 'a hidden gizmo',
    date: 'Fri, 04 May 2018 10:00:00 +0000',
    body: 'Nobody sees this gizmo.',
  },
  {
    id: 'long@x',
    from: 'Verbose <verbose@example.org>',
    subject: 'long message',
    date: 'Sat, 05 May 2018 10:00:00 +0000',
    body: LONG_BODY,
  },
  {
    id: 'repeat@x',
    from: 'Repeat <repeat@example.org>',
    subject: 'repeated words',
    date: 'Sun, 06 May 2018 10:00:00 +0000',
    body: REPEATED_BODY,
  },
  ...Array.from({ length: 8 }, (_, i) => ({
    id: `gizmo${i}@x`,
    from: `Dev ${i} <dev${i}@example.org>`,
    subject: i % 3 === 0 ? 'gizmo gizmo gizmo' : `note ${i}`,
    // Two share a date, so the id breaks the tie.
    date: `${i === 5 ? 3 : i + 1} Feb 2018 10:00:00 +0000`,
    body: `A line about the gizmo, number ${i}.`,
  })),
];

const QUERIES = [
  // Every field prefix.
  'frobnicator',
  's:frobnicator',
  'f:alice',
  'f:alice@example.org',
  'f:example.org',
  't:linux-sparse',
  't:kernel-dev@example.com',
  'c:bob',
  'c:j.doe+tag@sub.example.org',
  'tc:linux-kernel',
  'tc:alice',
  'a:alice',
  'a:bob',
  'a:example.dk',
  'b:quuxification',
  's:quuxification',
  'b:gizmo',
  'bs:frobnicator',
  'bs:gizmo',
  'nq:zorblax',
  'q:zorblax',
  'q:façade',
  'nq:cafe',
  // Phrases and prefixes.
  '"plugs the zorblax"',
  '"the zorblax leak"',
  '"zorblax the"',
  '"the zorb"*',
  'frobnicat*',
  's:frob*',
  'f:ali*',
  'kmalloc_arr*',
  '"a line about"',
  's:"fix the"',
  // Boolean operators, negation, parentheses.
  'quux* OR zorblax',
  'frobnicator -f:bob',
  'frobnicator NOT looks',
  'frobnicator AND NOT looks',
  '(zorblax OR widgets) -q:zorblax',
  's:(frobnicator OR widgets)',
  'gizmo -(s:gizmo OR undated)',
  '-(zorblax OR widgets OR gizmo)',
  '-zorblax -gizmo',
  'NOT NOT zorblax',
  '+zorblax',
  'gizmo (dev1 OR dev2 OR dev3)',
  // Dates.
  'd:20180401..20180430',
  'd:2019-01-01..',
  'd:2.weeks.ago..',
  'frobnicator d:..20180410',
  '-frobnicator d:2018',
  'frob* -d:2018-04',
  'gizmo -d:2018-02',
  // Tokens: accents, scripts, addresses, code, hex, apostrophes, hostile characters.
  'café',
  'CAFE',
  'naive',
  'Ærøskøbing',
  'aeroskobing',
  'strasse',
  'straße',
  'creme brulee',
  'cooperate',
  'jose',
  'müller',
  '日本語のテキスト',
  '日本語',
  '日本語*',
  '中文搜索',
  'καλημερα',
  'Καλημέρα',
  'ёлка',
  'елка',
  '한국어',
  'kernel-dev@example.com',
  'hack+er@sub.example.org',
  'kmalloc_array',
  'kmalloc',
  'array',
  '__builtin_expect',
  'gfp_kernel',
  'foo_bar',
  'deadbeef',
  '0xdeadbeef',
  '1a2b3c4d5e6f',
  "don't",
  'don’t',
  "O'Brien's",
  '"o brien s"',
  'obrien*',
  'it\'s "a\\b"',
  'back\\slash',
  "'single'",
  'a&b|c!d<->e',
  ':colon:',
  'p->field_x',
  'NEAR(',
  'col:',
  `s:${NOT_A_TOKEN}`,
  `${NOT_A_TOKEN} OR zorblax`,
  `zorblax -${NOT_A_TOKEN}`,
  `-${NOT_A_TOKEN}`,
  `${NOT_A_TOKEN}x`,
  // Long and repetitive messages, within what both index alike.
  'farneedle',
  'nq:farneedle',
  'q:farneedle',
  's:farneedle',
  'w16999',
  'w1 w16000',
  '"w1 w2 w3"',
  '"lorem lorem"',
  'ipsumx',
  // Mistakes: the same error from both.
  's:"..."',
  'OR',
  'a AND',
  '(a',
  'a)',
  'd:bogus',
  'zorblax OR d:2018',
  'NOT zorblax OR widgets',
];

const pgUrl = testPgUrl();

describe('PostgreSQL search against FTS5', () => {
  let sqlite: SqliteStore;
  let postgres: Store;
  let pool: pg.Pool;

  beforeAll(async () => {
    sqlite = SqliteStore.open(freshSqlitePath());
    const url = await freshPgUrl();
    postgres = await openStore(url);
    pool = new pg.Pool({ connectionString: url, max: 2 });
    for (const store of [sqlite, postgres] as Store[]) {
      await importStream(store, 'test', readSources([path.join(FIXTURES, 'search/search.mbox')]));
      await importStream(store, 'lkml', readSources([path.join(FIXTURES, 'seed/seed.txt')]));
      await importStream(store, 'store', readSources([path.join(FIXTURES, 'store/thread.mbox')]));
      await importStream(store, 'tricky', readBuffer(mbox(TRICKY), 'tricky.mbox'));
    }
    sqlite.db.prepare("UPDATE messages SET hidden = 1 WHERE message_id = 'hidden@x'").run();
    await pool.query("UPDATE messages SET hidden = 1 WHERE message_id = 'hidden@x'");
  }, 120_000);

  afterAll(async () => {
    await pool?.end();
    await postgres?.close();
    await sqlite?.close();
  });

  const both = async (options: SearchOptions): Promise<[SearchOutcome, SearchOutcome]> => [
    await sqlite.searchMessages(options),
    await postgres.searchMessages(options),
  ];
  const ids = (o: SearchOutcome) => o.results.map((r) => r.messageId);

  it('indexes the text FTS5 indexes', async () => {
    const fts = sqlite.db
      .prepare(
        `SELECT m.message_id AS id, f.subject, f.sender, f.to_addr AS toAddr, f.cc_addr AS ccAddr,
           f.body_own AS bodyOwn, f.body_quoted AS bodyQuoted
         FROM messages_fts f JOIN messages m ON m.id = f.rowid`,
      )
      .all() as (IndexFields & { id: string })[];
    const { rows } = await pool.query<{ id: string; main: string; addr: string }>(
      `SELECT m.message_id AS id, s.doc_main::text AS main, s.doc_addr::text AS addr
       FROM message_search s JOIN messages m ON m.id = s.id`,
    );
    expect(rows).toHaveLength(fts.length);
    const stored = new Map(rows.map((r) => [r.id, r]));
    for (const f of fts) {
      const want = searchDocs(f);
      const { rows: canon } = await pool.query<{ main: string; addr: string }>(
        'SELECT $1::tsvector::text AS main, $2::tsvector::text AS addr',
        [want.docMain, want.docAddr],
      );
      expect(stored.get(f.id), f.id).toEqual({ id: f.id, ...canon[0] });
    }
  });

  it(`finds the same messages for ${QUERIES.length} queries`, async () => {
    for (const query of QUERIES) {
      for (const list of [undefined, 'test', 'tricky']) {
        const options = { query, list, page: 1, perPage: 200, now: NOW };
        const [a, b] = await both({ ...options, sort: 'date' });
        expect({ query, list, ...b }, query).toEqual({ query, list, ...a });
        const [ra, rb] = await both({ ...options, sort: 'relevance' });
        expect({ query, list, error: rb.error, total: rb.total, more: rb.more }).toEqual({
          query,
          list,
          error: ra.error,
          total: ra.total,
          more: ra.more,
        });
        expect(ids(rb).sort(), query).toEqual(ids(ra).sort());
        const sqliteRows = await sqlite.searchRowIds({ query, list, now: NOW });
        const pgRows = await postgres.searchRowIds({ query, list, now: NOW });
        expect('error' in pgRows ? pgRows.error : pgRows.rowIds.length).toEqual(
          'error' in sqliteRows ? sqliteRows.error : sqliteRows.rowIds.length,
        );
      }
    }
  });

  it('agrees on random queries, mistakes included', async () => {
    const pieces = [
      ...['zorblax', 'frob*', 'gizmo', 'the', 'leak', 'café', 'kmalloc_array', 'example.org'],
      ...['s:', 'f:', 't:', 'c:', 'a:', 'b:', 'q:', 'nq:', 'bs:', 'tc:', 'd:2018', 'd:..20180410'],
      ...[' ', ' ', ' OR ', ' AND ', ' NOT ', '-', '(', ')', '"', '*', "'", '\\', NOT_A_TOKEN],
    ];
    const queries = fc.sample(
      fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
      { numRuns: 400, seed: 5 },
    );
    for (const query of queries) {
      const [a, b] = await both({ query, sort: 'date', page: 1, perPage: 200, now: NOW });
      expect({ query, ...b }).toEqual({ query, ...a });
    }
  });

  it('finds matches for most of the queries (the comparison is not vacuous)', async () => {
    let found = 0;
    for (const query of QUERIES) {
      const [a] = await both({ query, sort: 'date', page: 1, perPage: 1, now: NOW });
      if (a.total > 0) found++;
    }
    expect(found).toBeGreaterThan(QUERIES.length * 0.7);
  });

  it('windows, pages and counts alike', async () => {
    for (const query of ['gizmo', 'gizmo -undated', 's:gizmo OR b:gizmo', 'd:2018', '-zorblax']) {
      for (const extra of [
        { window: 3 },
        { window: 3, page: 2, perPage: 2 },
        { window: 3, exhaustive: true },
        { window: 5, page: 2, perPage: 3 },
        { window: 100, page: 3, perPage: 2 },
        { page: 10_000, perPage: 2 },
        { page: -1, perPage: 0 },
        { perPage: 1e9 },
      ]) {
        const options: SearchOptions = { query, sort: 'date', page: 1, perPage: 50, ...extra };
        const [a, b] = await both(options);
        expect({ query, extra, ...b }).toEqual({ query, extra, ...a });
        const [ra, rb] = await both({ ...options, sort: 'relevance' });
        expect([rb.total, rb.more, rb.results.length]).toEqual([
          ra.total,
          ra.more,
          ra.results.length,
        ]);
        if (!extra.page || extra.page === 1) expect(ids(rb).sort()).toEqual(ids(ra).sort());
      }
    }
  });

  it('ranks subject hits, then own words, above quotes', async () => {
    const run = async (query: string) =>
      ids(await postgres.searchMessages({ query, sort: 'relevance', page: 1, perPage: 10 }));
    expect(await run('zorblax')).toEqual(['orig@example.org', 'reply@example.org']);
    expect((await run('gizmo'))[0]).toMatch(/^gizmo[036]@x$/);
    expect(await run('widgets')).toEqual(['widgets@example.net', 'bench@example.com']);
  });

  it('reports PostgreSQL failures as errors, never throws', async () => {
    const broken = new pg.Pool({ connectionString: pgUrl, max: 1 });
    const { pgSearchMessages, pgSearchRowIds } = await import('@/lib/store/pg/pg-search');
    // A database without the schema: every statement fails.
    await broken.query('SET search_path TO nonexistent_schema');
    const out = await pgSearchMessages(broken, { query: 'x', sort: 'date', page: 1, perPage: 5 });
    expect(out.error).toMatch(/^search failed: /);
    expect(await pgSearchRowIds(broken, { query: 'x' })).toMatchObject({
      error: expect.stringMatching(/^search failed: /),
    });
    await broken.end();
  });

  /*
   * The documented differences: PostgreSQL keeps positions up to 16383 and 256 positions
   * per word, so past them a phrase FTS5 finds is not found. Single words still are.
   */
  it('misses phrases past the position limits, where FTS5 finds them', async () => {
    for (const query of ['"tail phrase"', '"lorem ipsumx"']) {
      const [a, b] = await both({ query, sort: 'date', page: 1, perPage: 5 });
      expect(ids(a)).toEqual([query.includes('tail') ? 'long@x' : 'repeat@x']);
      expect(ids(b)).toEqual([]);
    }
  });
});

describe('FTS5 itself', () => {
  it('matches nothing for a term without tokens, which pg-search writes as FALSE', () => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(a, tokenize = 'unicode61 remove_diacritics 2')");
    db.prepare("INSERT INTO t (rowid, a) VALUES (1, 'foo')").run();
    const match = (q: string) =>
      (db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(q) as { rowid: number }[]).map(
        (r) => r.rowid,
      );
    const empty = `"${NOT_A_TOKEN}"`;
    expect(match(empty)).toEqual([]);
    expect(match(`foo AND ${empty}`)).toEqual([]);
    expect(match(`foo OR ${empty}`)).toEqual([1]);
    expect(match(`foo NOT ${empty}`)).toEqual([1]);
    db.close();
  });
});
