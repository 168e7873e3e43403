/**
 * Search on PostgreSQL: the twin of lib/store/search-index.ts, with the same query
 * language, the same errors, the same matches and the same counting, windows and date
 * order. Words are matched in the `message_search` tsvectors, which hold FTS5's tokens
 * (lib/search/pg-text-search.ts); relevance is ts_rank with weights standing for the
 * bm25 column weights, so the relevance order of close scores may differ
 * (docs/search-backends.md).
 */
import type pg from 'pg';
import type { Attachment, Message, Segment } from '../../types';
import { indexFields } from '../../search/index-fields';
import { isDateConjunct, topConjuncts, type CompiledQuery } from '../../search/compile-query';
import { compileSearch, searchPaging } from '../../search/search-request';
import { makeSnippet } from '../../search/make-snippet';
import { searchDocs, termQueries, type SearchDoc } from '../../search/pg-text-search';
import type { QueryNode } from '../../search/query-types';
import {
  searchResult,
  type ResultRow,
  type SearchOptions,
  type SearchOutcome,
} from '../search-index';
import { MAX_EXPORT_RESULTS, SNIPPET_TOKENS } from '../../limits';

/** The `message_search` row of a message: tsvector literals, inserted with `$n::tsvector`. */
export function searchIndexRow(
  m: Message,
  segments: readonly Segment[],
): { docMain: string; docAddr: string } {
  return searchDocs(indexFields(m, segments));
}

/**
 * ts_rank weights {D, C, B, A} per document, bm25's column weights scaled into [0, 1]
 * (ts_rank's range): subject 10, sender 5, To and Cc 3, own words 1, quoted 0.2.
 */
const RANK_WEIGHTS: Record<SearchDoc, string> = {
  doc_main: '{0.5,0.02,0.1,1}',
  doc_addr: '{0,0,0.3,0.3}',
};

/** Bound parameters, numbered as they are added: user text is never spliced into SQL. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * SQL for a subtree of the words of a query, over `s` (a message_search row): each term
 * an `@@` with its tsquery bound, AND, OR and NOT as in SQL. compileQuery has checked the
 * tree (NOT beside a positive term, no dates inside), so SQL NOT means FTS5's NOT.
 * `rank` collects the tsqueries of terms not under NOT, which the score is computed on.
 */
function textSql(
  node: QueryNode,
  params: Params,
  rank: Record<SearchDoc, string[]> | null,
): string {
  switch (node.type) {
    case 'term': {
      const queries = termQueries(node);
      if (!queries) return 'FALSE';
      for (const q of queries) rank?.[q.doc].push(q.tsquery);
      const tests = queries.map((q) => `s.${q.doc} @@ ${params.add(q.tsquery)}::tsquery`);
      return `(${tests.join(' OR ')})`;
    }
    case 'and':
    case 'or':
      return `(${node.children.map((c) => textSql(c, params, rank)).join(` ${node.type.toUpperCase()} `)})`;
    case 'not':
      return `(NOT ${textSql(node.child, params, null)})`;
    case 'date':
      throw new Error('compileQuery lets dates through only at the top level');
    default: {
      const never: never = node;
      return never;
    }
  }
}

interface Plan {
  from: string;
  where: string;
  params: Params;
  /**
   * SQL of the relevance score (higher first), binding its tsqueries when called: a
   * parameter the statement does not use is an error in PostgreSQL. Null without words.
   */
  rank: (() => string) | null;
}

/** SQL for a query compileQuery accepted: the words, the date filters, the list. */
function plan(root: QueryNode, compiled: CompiledQuery, list: string | undefined): Plan {
  const params = new Params();
  const where = ['m.hidden = 0'];
  let from = 'messages m JOIN lists l ON l.id = m.list_id';
  let rank: (() => string) | null = null;
  // The top-level conjuncts compileQuery did not take as date filters.
  const words = topConjuncts(root).filter((c) => !isDateConjunct(c));
  if (compiled.match !== null) {
    from += ' JOIN message_search s ON s.id = m.id';
    const ranked: Record<SearchDoc, string[]> = { doc_main: [], doc_addr: [] };
    for (const c of words) where.push(textSql(c, params, ranked));
    rank = () => {
      const scores = (['doc_main', 'doc_addr'] as const).flatMap((doc) =>
        ranked[doc].length === 0
          ? []
          : [
              // Normalization 1: divided by 1 + log(length), as bm25 favours short documents.
              `ts_rank('${RANK_WEIGHTS[doc]}'::float4[], s.${doc}, ${params.add(
                ranked[doc].map((q) => `(${q})`).join(' | '),
              )}::tsquery, 1)`,
            ],
      );
      return scores.length ? scores.join(' + ') : '0';
    };
  } else if (compiled.exclude !== null) {
    // Only exclusions (`-foo`): every conjunct is a NOT. A message without an index row
    // is kept, as SQLite's `NOT IN (matches)` keeps it.
    const excluded = words.map((c) => textSql(c.type === 'not' ? c.child : c, params, null));
    where.push(
      `NOT EXISTS (SELECT 1 FROM message_search s WHERE s.id = m.id AND (${excluded.join(' OR ')}))`,
    );
  }
  for (const d of compiled.dates) {
    const inside = ['m.date IS NOT NULL'];
    if (d.from) inside.push(`m.date >= ${params.add(d.from)}`);
    if (d.to) inside.push(`m.date < ${params.add(d.to)}`);
    where.push(d.negated ? `NOT (${inside.join(' AND ')})` : `(${inside.join(' AND ')})`);
  }
  if (list !== undefined) where.push(`l.name = ${params.add(list)}`);
  return { from, where: where.join(' AND '), params, rank };
}

/** SQLite's orders: relevance `bm25, date DESC, id`; date `date IS NULL, date DESC, id DESC`. */
const byDate = (date: string, id: string) => `${date} DESC NULLS LAST, ${id} DESC`;
const byScore = (score: string, date: string, id: string) =>
  `${score} DESC, ${date} DESC NULLS LAST, ${id}`;

interface Ranked {
  total: number;
  more: boolean;
  ids: number[];
}

/**
 * Count and order every match (`window` null, the CLI), or count to `window` + 1 and
 * order in SQL (queries without words): searchMessages's sqlOrdered.
 */
async function sqlOrdered(
  pool: pg.Pool,
  p: Plan,
  byRelevance: boolean,
  window: number | null,
  perPage: number,
  offset: number,
): Promise<Ranked> {
  const base = `FROM ${p.from} WHERE ${p.where}`;
  const count =
    window === null
      ? `SELECT count(*) ${base}`
      : `SELECT count(*) FROM (SELECT 1 ${base} LIMIT ${p.params.add(window + 1)}) c`;
  const order =
    byRelevance && p.rank ? byScore(p.rank(), 'm.date', 'm.id') : byDate('m.date', 'm.id');
  const { rows } = await pool.query<{ n: string | number; ids: (string | number)[] }>(
    `SELECT (${count}) AS n, ARRAY(SELECT m.id ${base} ORDER BY ${order}
       LIMIT ${p.params.add(perPage)} OFFSET ${p.params.add(offset)}) AS ids`,
    p.params.values,
  );
  const n = Number(rows[0]!.n);
  const more = window !== null && n > window;
  return { total: more ? window : n, more, ids: rows[0]!.ids.map(Number) };
}

/**
 * A query with words: its newest `window` + 1 matches by row id (import order), counted
 * and ranked among the newest `window`, as searchMessages's windowOrdered does.
 */
async function windowOrdered(
  pool: pg.Pool,
  p: Plan,
  byRelevance: boolean,
  window: number,
  perPage: number,
  offset: number,
): Promise<Ranked> {
  const order = byRelevance ? byScore('r', 'date', 'id') : byDate('date', 'id');
  const { rows } = await pool.query<{ n: string | number; ids: (string | number)[] }>(
    `WITH w AS (
       SELECT m.id, ${byRelevance && p.rank ? p.rank() : '0'} AS r, m.date
       FROM ${p.from} WHERE ${p.where} ORDER BY m.id DESC LIMIT ${p.params.add(window + 1)}
     ), kept AS (SELECT * FROM w ORDER BY id DESC LIMIT ${p.params.add(window)})
     SELECT (SELECT count(*) FROM w) AS n,
       ARRAY(SELECT id FROM kept ORDER BY ${order}
         LIMIT ${p.params.add(perPage)} OFFSET ${p.params.add(offset)}) AS ids`,
    p.params.values,
  );
  const n = Number(rows[0]!.n);
  return { total: Math.min(n, window), more: n > window, ids: rows[0]!.ids.map(Number) };
}

/** The bodies come along: snippets are made from them for the page's rows only. */
interface PgResultRow extends ResultRow {
  segments_json: string;
  attachments_json: string;
}

/**
 * Run a lore-style query. Never throws for any query text: parse errors and PostgreSQL
 * errors come back as `error`, so hostile input cannot take a page down.
 */
export async function pgSearchMessages(
  pool: pg.Pool,
  options: SearchOptions,
): Promise<SearchOutcome> {
  const c = compileSearch(options.query, options.now);
  if (!c.ok) return { total: 0, results: [], error: c.error };
  const p = plan(c.root, c.compiled, options.list);
  const { perPage, offset, window } = searchPaging(options);
  const byRelevance = options.sort === 'relevance' && c.compiled.match !== null;
  try {
    const { total, more, ids } =
      options.exhaustive || !c.compiled.match
        ? await sqlOrdered(
            pool,
            p,
            byRelevance,
            options.exhaustive ? null : window,
            perPage,
            offset,
          )
        : await windowOrdered(pool, p, byRelevance, window, perPage, offset);
    const { rows } = await pool.query<PgResultRow>(
      `SELECT m.id, l.name AS list, m.message_id, m.dup_index, m.subject, m.from_name,
         m.from_addr, m.date, m.segments_json, m.attachments_json
       FROM messages m JOIN lists l ON l.id = m.list_id WHERE m.id = ANY($1::bigint[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return {
      total,
      ...(more ? { more } : {}),
      results: ids.flatMap((id) => {
        const r = byId.get(id);
        if (!r) return [];
        // The snippet comes from the text FTS5 would hold for the row: its bodies,
        // recomputed for this page's rows only (addresses play no part in them).
        const fields = indexFields(
          {
            subject: r.subject,
            from: { name: r.from_name, address: r.from_addr },
            to: [],
            cc: [],
            attachments: JSON.parse(r.attachments_json) as Attachment[],
          },
          JSON.parse(r.segments_json) as Segment[],
        );
        return [
          searchResult(r, makeSnippet(fields.bodyOwn, fields.bodyQuoted, c.terms, SNIPPET_TOKENS)),
        ];
      }),
    };
  } catch (err) {
    return { total: 0, results: [], error: `search failed: ${(err as Error).message}` };
  }
}

/**
 * Row ids of the newest matching messages (at most MAX_EXPORT_RESULTS), oldest first,
 * for a result-set download.
 */
export async function pgSearchRowIds(
  pool: pg.Pool,
  options: { query: string; list?: string; now?: Date },
): Promise<{ rowIds: number[] } | { error: string }> {
  const c = compileSearch(options.query, options.now);
  if (!c.ok) return { error: c.error };
  const p = plan(c.root, c.compiled, options.list);
  try {
    const { rows } = await pool.query<{ id: string | number }>(
      `SELECT m.id FROM ${p.from} WHERE ${p.where} ORDER BY ${byDate('m.date', 'm.id')}
       LIMIT ${p.params.add(MAX_EXPORT_RESULTS)}`,
      p.params.values,
    );
    return { rowIds: rows.map((r) => Number(r.id)).reverse() };
  } catch (err) {
    return { error: `search failed: ${(err as Error).message}` };
  }
}
