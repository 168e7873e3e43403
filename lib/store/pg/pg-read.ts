/**
 * The archive's read queries on PostgreSQL: the twins of read-archive.ts, read-series.ts
 * and the feed and export queries of search-index.ts, with the same results.
 *
 * SQLite sorts NULL below every value; PostgreSQL above. Every ORDER BY on a nullable
 * column therefore says NULLS FIRST (ascending) or NULLS LAST (descending), so undated
 * messages and threads land where the SQLite store puts them.
 */
import type pg from 'pg';
import type { AsyncSeriesSource, ExportRow, NewThread, RawRow, StoredMessage } from '../store';
import type { ListSummary, ThreadSummary } from '../read-archive';
import { MESSAGE_COLUMNS, storedMessage, type MessageRow } from '../read-archive';
import { READ_ONLY_SQLSTATE } from './pg-migrate';
import { EXPORT_COLUMNS, toExportRow, type ExportDbRow } from '../search-index';
import { SEGMENTS_VERSION } from '../../segments/version';
import { SERIES_GAP_MINUTES } from '../../series/find-series';
import { MAX_SERIES_CANDIDATES, MAX_SERIES_THREADS } from '../../limits';

/** Rows of `rows` keyed by `key`, returned in the order of `wanted` (repeats kept, misses skipped). */
function inOrder<K, R>(wanted: readonly K[], rows: readonly R[], key: (r: R) => K): R[] {
  const byKey = new Map(rows.map((r) => [key(r), r]));
  return wanted.flatMap((k) => {
    const r = byKey.get(k);
    return r === undefined ? [] : [r];
  });
}

/**
 * A write that only saves work for later requests (recomputed segments, highlighted
 * blocks): on a read-only replica it is skipped, and the page is served all the same.
 */
export async function cacheWrite(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (err) {
    if ((err as { code?: string }).code !== READ_ONLY_SQLSTATE) throw err;
  }
}

/** Messages as pages see them; stale segments are recomputed and saved in one statement. */
async function toStored(pool: pg.Pool, rows: readonly MessageRow[]): Promise<StoredMessage[]> {
  const ids: number[] = [];
  const segments: string[] = [];
  const out = rows.map((r) =>
    storedMessage(r, (rowId, json) => {
      ids.push(rowId);
      segments.push(json);
    }),
  );
  if (ids.length > 0) {
    await cacheWrite(
      pool.query(
        `UPDATE messages m SET segments_json = u.s, segments_version = $3
         FROM unnest($1::bigint[], $2::text[]) AS u(id, s) WHERE m.id = u.id`,
        [ids, segments, SEGMENTS_VERSION],
      ),
    );
  }
  return out;
}

export async function countMessages(pool: pg.Pool): Promise<number> {
  return (await pool.query<{ n: number }>('SELECT COUNT(*) AS n FROM messages')).rows[0]!.n;
}

export async function getListNames(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>('SELECT name FROM lists ORDER BY name');
  return rows.map((r) => r.name);
}

export async function getLists(pool: pg.Pool): Promise<ListSummary[]> {
  const { rows } = await pool.query<ListSummary>(
    `SELECT l.name AS name,
      (SELECT COUNT(*) FROM messages m WHERE m.list_id = l.id AND m.hidden = 0) AS messages,
      (SELECT COUNT(*) FROM threads t WHERE t.list_id = l.id) AS threads,
      (SELECT MAX(last_date) FROM threads t WHERE t.list_id = l.id) AS "lastDate"
     FROM lists l ORDER BY l.name`,
  );
  return rows;
}

export async function getListId(pool: pg.Pool, list: string): Promise<number | null> {
  const { rows } = await pool.query<{ id: number }>('SELECT id FROM lists WHERE name = $1', [list]);
  return rows[0]?.id ?? null;
}

/** The first visible message of thread `t`, as the list page and the feed link to it. */
const FIRST_VISIBLE = `FROM messages m WHERE m.thread_id = t.id AND m.hidden = 0
  ORDER BY m.date NULLS FIRST, m.id LIMIT 1`;

export async function getListThreads(
  pool: pg.Pool,
  list: string,
  page: number,
  perPage: number,
): Promise<{ total: number; threads: ThreadSummary[] } | null> {
  const listId = await getListId(pool, list);
  if (listId === null) return null;
  const [count, threads] = await Promise.all([
    pool.query<{ total: number }>('SELECT COUNT(*) AS total FROM threads WHERE list_id = $1', [
      listId,
    ]),
    pool.query<Omit<ThreadSummary, 'participants'> & { participants_json: string }>(
      `SELECT t.root_message_id AS "rootMessageId", t.subject, t.message_count AS messages,
        t.participants_json, t.first_date AS "firstDate", t.last_date AS "lastDate",
        f.message_id AS "linkMessageId", f.dup_index AS "linkDup"
       FROM threads t
       LEFT JOIN LATERAL (SELECT m.message_id, m.dup_index ${FIRST_VISIBLE}) f ON true
       WHERE t.list_id = $1
       ORDER BY t.last_date DESC NULLS LAST, t.id DESC LIMIT $2 OFFSET $3`,
      [listId, perPage, (page - 1) * perPage],
    ),
  ]);
  return {
    total: count.rows[0]!.total,
    threads: threads.rows.map(({ participants_json, ...t }) => ({
      ...t,
      participants: JSON.parse(participants_json) as string[],
    })),
  };
}

const MESSAGES_OF_LIST = `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN lists l ON l.id = m.list_id
  WHERE l.name = $1 AND m.hidden = 0`;

export async function getMessage(
  pool: pg.Pool,
  list: string,
  messageId: string,
  dup = 0,
): Promise<StoredMessage | null> {
  const { rows } = await pool.query<MessageRow>(
    `${MESSAGES_OF_LIST} AND m.message_id = $2 AND m.dup_index = $3`,
    [list, messageId, dup],
  );
  return rows.length ? (await toStored(pool, rows))[0]! : null;
}

export async function getThreadMessages(
  pool: pg.Pool,
  list: string,
  messageId: string,
  dup = 0,
): Promise<{ focus: StoredMessage; messages: StoredMessage[] } | null> {
  const focus = await getMessage(pool, list, messageId, dup);
  if (!focus) return null;
  const { rows } = await pool.query<MessageRow>(
    `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN lists l ON l.id = m.list_id
     WHERE m.thread_id = (SELECT thread_id FROM messages WHERE id = $1) AND m.hidden = 0
     ORDER BY m.date NULLS FIRST, m.id`,
    [focus.rowId],
  );
  // No rows: the focus has no thread yet (imported, not rethreaded).
  return { focus, messages: rows.length ? await toStored(pool, rows) : [focus] };
}

export async function getRaw(pool: pg.Pool, rowIds: readonly number[]): Promise<RawRow[]> {
  const { rows } = await pool.query<RawRow & { id: number }>(
    'SELECT id, raw, format, date FROM messages WHERE id = ANY($1::bigint[])',
    [rowIds],
  );
  return inOrder(rowIds, rows, (r) => r.id).map((r) => ({
    rowId: r.id,
    raw: r.raw,
    format: r.format,
    date: r.date,
  }));
}

export async function findListOf(pool: pg.Pool, messageId: string): Promise<string | null> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT l.name FROM messages m JOIN lists l ON l.id = m.list_id
     WHERE m.message_id = $1 AND m.hidden = 0 ORDER BY l.name LIMIT 1`,
    [messageId],
  );
  return rows[0]?.name ?? null;
}

/**
 * Message ids of `list` (first of duplicates, visible) matching `where`, parameters from
 * $2; `select` may aggregate.
 */
async function postingIds(
  pool: pg.Pool,
  list: string,
  where: string,
  params: unknown[],
  select = 'm.message_id',
): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT ${select} AS id FROM messages m JOIN lists l ON l.id = m.list_id
     WHERE l.name = $1 AND m.hidden = 0 AND m.dup_index = 0 AND ${where}`,
    [list, ...params],
  );
  return rows.map((r) => r.id);
}

/** read-series.ts on PostgreSQL: the same queries, limits and orders. */
export function pgSeriesSource(pool: pg.Pool, list: string): AsyncSeriesSource<StoredMessage> {
  const messagesById = async (ids: readonly string[]) => {
    const wanted = ids.slice(0, MAX_SERIES_CANDIDATES);
    if (wanted.length === 0) return [];
    const { rows } = await pool.query<MessageRow>(
      `${MESSAGES_OF_LIST} AND m.message_id = ANY($2::text[]) AND m.dup_index = 0`,
      [list, wanted],
    );
    return inOrder(wanted, await toStored(pool, rows), (m) => m.messageId);
  };
  return {
    messagesById,
    async threadsOf(ids) {
      // One id per thread, threads in the order SQLite's GROUP BY yields them (by key).
      const reps = await postingIds(
        pool,
        list,
        `m.message_id = ANY($2::text[])
         GROUP BY COALESCE(m.thread_id, -m.id) ORDER BY COALESCE(m.thread_id, -m.id) LIMIT $3`,
        [ids, MAX_SERIES_THREADS],
        'MIN(m.message_id)',
      );
      const threads = await Promise.all(
        reps.map((id) => getThreadMessages(pool, list, id).then((t) => t?.messages ?? [])),
      );
      return threads.flat();
    },
    async postingsNear(address, date) {
      const t = Date.parse(date);
      if (Number.isNaN(t) || address === '') return [];
      const gap = SERIES_GAP_MINUTES * 60_000;
      // COLLATE NOCASE folds ASCII letters only; so does lower() under the "C" collation.
      const ids = await postingIds(
        pool,
        list,
        `lower(m.from_addr) = lower($2::text COLLATE "C")
         AND m.date BETWEEN $3 AND $4 AND m.subject LIKE '[%'
         ORDER BY m.date, m.id LIMIT $5`,
        [
          address,
          new Date(t - gap).toISOString(),
          new Date(t + gap).toISOString(),
          MAX_SERIES_CANDIDATES,
        ],
      );
      return messagesById(ids);
    },
    async postingsByBase(bases) {
      if (bases.length === 0) return [];
      const ids = await postingIds(
        pool,
        list,
        `m.subject LIKE '[%' AND m.base_subject = ANY($2::text[])
         ORDER BY m.date DESC NULLS LAST, m.id LIMIT $3`,
        [bases, MAX_SERIES_CANDIDATES],
      );
      return messagesById(ids);
    },
  };
}

export async function getNewestThreads(
  pool: pg.Pool,
  list: string,
  limit: number,
): Promise<NewThread[] | null> {
  const listId = await getListId(pool, list);
  if (listId === null) return null;
  const { rows } = await pool.query<NewThread & { messageId: string | null }>(
    `SELECT t.subject, t.first_date AS "firstDate", t.last_date AS "lastDate",
      t.message_count AS messages, f.message_id AS "messageId"
     FROM threads t LEFT JOIN LATERAL (SELECT m.message_id ${FIRST_VISIBLE}) f ON true
     WHERE t.list_id = $1
     ORDER BY t.first_date DESC NULLS LAST, t.id DESC LIMIT $2`,
    [listId, limit],
  );
  return rows.filter((r): r is NewThread => r.messageId !== null);
}

export async function getExportRows(
  pool: pg.Pool,
  rowIds: readonly number[],
): Promise<ExportRow[]> {
  const { rows } = await pool.query<ExportDbRow>(
    `SELECT ${EXPORT_COLUMNS} FROM messages m WHERE m.id = ANY($1::bigint[]) AND m.hidden = 0`,
    [rowIds],
  );
  return inOrder(rowIds, rows, (r) => r.id).map(toExportRow);
}

export async function getListExportChunk(
  pool: pg.Pool,
  listId: number,
  afterId: number,
  limit: number,
): Promise<ExportRow[]> {
  const { rows } = await pool.query<ExportDbRow>(
    `SELECT ${EXPORT_COLUMNS} FROM messages m
     WHERE m.list_id = $1 AND m.hidden = 0 AND m.id > $2 ORDER BY m.id LIMIT $3`,
    [listId, afterId, limit],
  );
  return rows.map(toExportRow);
}
