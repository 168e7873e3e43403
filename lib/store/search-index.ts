import type { Message, Segment } from '../types';
import type { Db } from './open-db';
import { indexFields } from '../search/index-fields';
import type { CompiledQuery } from '../search/compile-query';
import { compileSearch, searchPaging, senderLabel } from '../search/search-request';
import type { SnippetPart } from '../search/snippet-parts';
import { makeSnippet, type SnippetTerm } from '../search/make-snippet';
import { MAX_EXPORT_RESULTS, MAX_SNIPPET_SCAN_CHARS, SNIPPET_TOKENS } from '../limits';

/**
 * bm25 weights per column (subject, sender, to, cc, own body, quoted body): a word in
 * the subject counts ten times one in the body, and quoted text a fifth, so the message
 * that first wrote something ranks above every reply quoting it.
 */
const BM25 = 'bm25(messages_fts, 10.0, 5.0, 3.0, 3.0, 1.0, 0.2)';

/**
 * An indexer for saveMessages: prepares its statement once, then indexes one stored
 * row per call, inside the caller's transaction.
 */
export function messageIndexer(
  db: Db,
): (rowId: number | bigint, m: Message, segments: readonly Segment[]) => void {
  const insert = db.prepare(`INSERT INTO messages_fts
    (rowid, subject, sender, to_addr, cc_addr, body_own, body_quoted) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  return (rowId, m, segments) => {
    const f = indexFields(m, segments);
    insert.run(rowId, f.subject, f.sender, f.toAddr, f.ccAddr, f.bodyOwn, f.bodyQuoted);
  };
}

export interface SearchOptions {
  query: string;
  /** Only this list; all lists when absent. */
  list?: string;
  sort: 'relevance' | 'date';
  page: number;
  perPage: number;
  /** Anchors relative dates (`d:2.weeks.ago..`); defaults to the current time. */
  now?: Date;
  /**
   * Count and rank every match, however many (the CLI). By default a query matching more
   * than SEARCH_WINDOW messages is counted that far and answered from its newest
   * SEARCH_WINDOW matches, so no query costs more than a window's work.
   */
  exhaustive?: boolean;
  /** The window's size (default SEARCH_WINDOW); tests use small ones. */
  window?: number;
}

export interface SearchResult {
  list: string;
  messageId: string;
  dupIndex: number;
  subject: string;
  /** `Name <address>`, or whichever of the two is known. */
  from: string;
  date: string | null;
  /** Text around the best hit; `hit` parts are matched words. Mail text: escape on output. */
  snippet: SnippetPart[];
}

/** Results of one page; `error` (with no results) when the query could not be run. */
export interface SearchOutcome {
  total: number;
  /** More than `total` match: a broad query, counted and ranked within SEARCH_WINDOW. */
  more?: boolean;
  results: SearchResult[];
  error?: string;
}

interface Plan {
  from: string;
  where: string[];
  params: unknown[];
  compiled: CompiledQuery;
}

/** SQL for a compiled query: fixed text, with every user value a bound parameter. */
function plan(compiled: CompiledQuery, list: string | undefined): Plan {
  const where = ['m.hidden = 0'];
  const params: unknown[] = [];
  const from = compiled.match
    ? // INDEXED BY: the planner would read each whole (large) row by rowid instead.
      'messages_fts JOIN messages m INDEXED BY messages_search ON m.id = messages_fts.rowid JOIN lists l ON l.id = m.list_id'
    : 'messages m JOIN lists l ON l.id = m.list_id';
  if (compiled.match) {
    where.push('messages_fts MATCH ?');
    params.push(compiled.match);
  }
  if (compiled.exclude) {
    where.push('m.id NOT IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)');
    params.push(compiled.exclude);
  }
  for (const d of compiled.dates) {
    const inside = ['m.date IS NOT NULL'];
    if (d.from) {
      inside.push('m.date >= ?');
      params.push(d.from);
    }
    if (d.to) {
      inside.push('m.date < ?');
      params.push(d.to);
    }
    where.push(d.negated ? `NOT (${inside.join(' AND ')})` : `(${inside.join(' AND ')})`);
  }
  if (list !== undefined) {
    where.push('l.name = ?');
    params.push(list);
  }
  return { from, where, params, compiled };
}

/** A result's columns (PostgreSQL reads a few more: lib/store/pg/pg-search.ts). */
export interface ResultRow {
  id: number;
  list: string;
  message_id: string;
  dup_index: number;
  subject: string;
  from_name: string;
  from_addr: string;
  date: string | null;
}

/** A result row as the search page shows it, on either backend. */
export function searchResult(r: ResultRow, snippet: SnippetPart[]): SearchResult {
  return {
    list: r.list,
    messageId: r.message_id,
    dupIndex: r.dup_index,
    subject: r.subject,
    from: senderLabel(r.from_name, r.from_addr),
    date: r.date,
    snippet,
  };
}

/**
 * Snippets for one page of results, computed only for those rows (not for every match
 * before sorting), from the indexed text (lib/search/make-snippet.ts). The body is
 * preferred over the subject, which the result shows anyway: own words with a hit, else
 * quoted lines with a hit, else the start of the own words. Without words to match
 * (`d:` alone), the start of the body.
 */
function snippetReader(db: Db, terms: readonly SnippetTerm[]): (rowId: number) => SnippetPart[] {
  const stmt = db.prepare(
    `SELECT substr(body_own, 1, ${MAX_SNIPPET_SCAN_CHARS}) AS own,
       substr(body_quoted, 1, ${MAX_SNIPPET_SCAN_CHARS}) AS quoted
     FROM messages_fts WHERE rowid = ?`,
  );
  return (rowId) => {
    const r = stmt.get(rowId) as { own: string | null; quoted: string | null } | undefined;
    return r ? makeSnippet(r.own ?? '', r.quoted ?? '', terms, SNIPPET_TOKENS) : [];
  };
}

/**
 * Run a lore-style query. Never throws for any query text: parse errors and SQLite
 * errors come back as `error`, so hostile input cannot take a page down.
 */
export function searchMessages(db: Db, options: SearchOptions): SearchOutcome {
  const compiled = compileSearch(options.query, options.now);
  if (!compiled.ok) return { total: 0, results: [], error: compiled.error };
  const p = plan(compiled.compiled, options.list);
  const { perPage, offset, window } = searchPaging(options);
  const byRelevance = options.sort === 'relevance' && compiled.compiled.match !== null;
  try {
    const { total, more, ids } =
      options.exhaustive || !p.compiled.match
        ? sqlOrdered(db, p, byRelevance, options.exhaustive ? null : window, perPage, offset)
        : windowOrdered(db, p, byRelevance, window, perPage, offset);
    const rowOf = db.prepare(
      `SELECT m.id, l.name AS list, m.message_id, m.dup_index, m.subject, m.from_name, m.from_addr, m.date
       FROM messages m JOIN lists l ON l.id = m.list_id WHERE m.id = ?`,
    );
    const rows = ids.map((id) => rowOf.get(id) as ResultRow);
    const snippetOf = snippetReader(db, compiled.terms);
    return {
      total,
      ...(more ? { more } : {}),
      results: rows.map((r) => searchResult(r, snippetOf(r.id))),
    };
  } catch (err) {
    // FTS5 rejects some inputs we cannot foresee (e.g. a term it finds too complex).
    return { total: 0, results: [], error: `search failed: ${(err as Error).message}` };
  }
}

/** One page of a query's matches, and how many match (or that more than `total` do). */
interface Ranked {
  total: number;
  more: boolean;
  ids: number[];
}

/**
 * Count and order in SQL: every match when `window` is null (the CLI), else a count that
 * stops past `window` (used for queries without words, which the date index orders).
 */
function sqlOrdered(
  db: Db,
  p: Plan,
  byRelevance: boolean,
  window: number | null,
  perPage: number,
  offset: number,
): Ranked {
  const whereSql = p.where.join(' AND ');
  const counted = (
    window === null
      ? db.prepare(`SELECT COUNT(*) AS n FROM ${p.from} WHERE ${whereSql}`).get(...p.params)
      : db
          .prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${p.from} WHERE ${whereSql} LIMIT ?)`)
          .get(...p.params, window + 1)
  ) as { n: number };
  const more = window !== null && counted.n > window;
  const order = byRelevance
    ? `${BM25}, m.date DESC, m.id`
    : 'm.date IS NULL, m.date DESC, m.id DESC';
  // Ids first (the covering index answers), whole rows only for the page shown.
  const ids = (
    db
      .prepare(`SELECT m.id FROM ${p.from} WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .raw()
      .all(...p.params, perPage, offset) as [number][]
  ).map(([id]) => id);
  return { total: more ? window : counted.n, more, ids };
}

/**
 * A query with words, in one pass over its newest `window + 1` matches: FTS5 walks its
 * doclists newest first and stops there, so a word in half the archive costs what a rarer
 * one does, and the query is set up once (a prefix query's setup is most of its cost).
 * More than `window` matches: the count stops there and the page is ranked among the
 * newest `window`. Scores and dates come back with the ids and are sorted here.
 */
function windowOrdered(
  db: Db,
  p: Plan,
  byRelevance: boolean,
  window: number,
  perPage: number,
  offset: number,
): Ranked {
  const rows = db
    .prepare(
      `SELECT m.id, ${byRelevance ? BM25 : '0'}, m.date FROM ${p.from} WHERE ${p.where.join(' AND ')}
       ORDER BY messages_fts.rowid DESC LIMIT ?`,
    )
    .raw()
    .all(...p.params, window + 1) as [number, number, string | null][];
  const more = rows.length > window;
  if (more) rows.pop();
  // The SQL orders: relevance `bm25, date DESC, id`; date `date IS NULL, date DESC, id DESC`.
  const byDate = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1;
  rows.sort(
    byRelevance
      ? (a, b) => a[1] - b[1] || byDate(a[2], b[2]) || a[0] - b[0]
      : (a, b) => byDate(a[2], b[2]) || b[0] - a[0],
  );
  return {
    total: rows.length,
    more,
    ids: rows.slice(offset, offset + perPage).map(([id]) => id),
  };
}

/**
 * Row ids of the newest matching messages (at most MAX_EXPORT_RESULTS), oldest first,
 * for a result-set download. Row ids never leave the server.
 */
export function searchRowIds(
  db: Db,
  options: { query: string; list?: string; now?: Date },
): { rowIds: number[] } | { error: string } {
  const compiled = compileSearch(options.query, options.now);
  if (!compiled.ok) return { error: compiled.error };
  const p = plan(compiled.compiled, options.list);
  try {
    const rows = db
      .prepare(
        `SELECT m.id FROM ${p.from} WHERE ${p.where.join(' AND ')}
         ORDER BY m.date IS NULL, m.date DESC, m.id DESC LIMIT ?`,
      )
      .all(...p.params, MAX_EXPORT_RESULTS) as { id: number }[];
    return { rowIds: rows.map((r) => r.id).reverse() };
  } catch (err) {
    return { error: `search failed: ${(err as Error).message}` };
  }
}

/*
 * Feeds and downloads read the archive through the queries below: they live beside the
 * search queries because they share the result-set plumbing (row ids, export rows).
 */

/** A thread's starter as the list feed shows it, newest thread first. */
export interface NewThread {
  /** The first visible message of the thread (the root may be a placeholder). */
  messageId: string;
  subject: string;
  firstDate: string | null;
  lastDate: string | null;
  messages: number;
}

/** The `limit` most recently started threads of a list; null when the list is unknown. */
export function getNewestThreads(db: Db, list: string, limit: number): NewThread[] | null {
  const l = db.prepare('SELECT id FROM lists WHERE name = ?').get(list) as
    { id: number } | undefined;
  if (!l) return null;
  const rows = db
    .prepare(
      `SELECT t.subject, t.first_date AS firstDate, t.last_date AS lastDate, t.message_count AS messages,
        (SELECT m.message_id FROM messages m WHERE m.thread_id = t.id AND m.hidden = 0
          ORDER BY m.date, m.id LIMIT 1) AS messageId
       FROM threads t WHERE t.list_id = ?
       ORDER BY t.first_date IS NULL, t.first_date DESC, t.id DESC LIMIT ?`,
    )
    .all(l.id, limit) as (NewThread & { messageId: string | null })[];
  return rows.filter((r): r is NewThread => r.messageId !== null);
}

/** What an mbox export needs of one message: its bytes, and its fields for archive pages. */
export interface ExportRow {
  rowId: number;
  raw: Buffer;
  format: string;
  messageId: string;
  subject: string;
  from: { name: string; address: string };
  date: string | null;
  body: string;
}

/** An export row as the database returns it (EXPORT_COLUMNS), on either backend. */
export interface ExportDbRow {
  id: number;
  raw: Buffer;
  format: string;
  message_id: string;
  subject: string;
  from_name: string;
  from_addr: string;
  date: string | null;
  body: string;
}

export const EXPORT_COLUMNS =
  'm.id, m.raw, m.format, m.message_id, m.subject, m.from_name, m.from_addr, m.date, m.body';

export const toExportRow = (r: ExportDbRow): ExportRow => ({
  rowId: r.id,
  raw: r.raw,
  format: r.format,
  messageId: r.message_id,
  subject: r.subject,
  from: { name: r.from_name, address: r.from_addr },
  date: r.date,
  body: r.body,
});

/** Export rows for these row ids, in the given order (hidden messages skipped). */
export function getExportRows(db: Db, rowIds: readonly number[]): ExportRow[] {
  const stmt = db.prepare(
    `SELECT ${EXPORT_COLUMNS} FROM messages m WHERE m.id = ? AND m.hidden = 0`,
  );
  return rowIds.flatMap((id) => {
    const r = stmt.get(id) as ExportDbRow | undefined;
    return r ? [toExportRow(r)] : [];
  });
}

/** The list's id, or null when there is no such list. */
export function getListId(db: Db, list: string): number | null {
  const l = db.prepare('SELECT id FROM lists WHERE name = ?').get(list) as
    { id: number } | undefined;
  return l?.id ?? null;
}

/**
 * The next `limit` visible messages of a list after row id `afterId`, in import order.
 * Keyset paging: a whole-list download reads in short synchronous steps, so it never
 * holds the server's one connection between chunks.
 */
export function getListExportChunk(
  db: Db,
  listId: number,
  afterId: number,
  limit: number,
): ExportRow[] {
  return (
    db
      .prepare(
        `SELECT ${EXPORT_COLUMNS} FROM messages m
         WHERE m.list_id = ? AND m.hidden = 0 AND m.id > ? ORDER BY m.id LIMIT ?`,
      )
      .all(listId, afterId, limit) as ExportDbRow[]
  ).map(toExportRow);
}
