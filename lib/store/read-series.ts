/**
 * The queries the series view needs (lib/series/assemble-series.ts); SqliteStore.seriesSource
 * serves them as a SeriesSource.
 * Rows come back through read-archive's getMessage/getThreadMessages, so a message
 * looks the same here as on the thread page.
 */
import type { Db } from './open-db';
import { getMessage, getThreadMessages, type StoredMessage } from './read-archive';
import { SERIES_GAP_MINUTES } from '../series/find-series';
import { MAX_SERIES_CANDIDATES, MAX_SERIES_THREADS } from '../limits';

/** One message id per thread holding any of `ids` (ids not in the list are skipped). */
function threadRepresentatives(db: Db, list: string, ids: readonly string[]): string[] {
  const rows = db
    .prepare(
      `SELECT MIN(m.message_id) AS id FROM messages m JOIN lists l ON l.id = m.list_id
       WHERE l.name = ? AND m.hidden = 0 AND m.dup_index = 0
         AND m.message_id IN (SELECT value FROM json_each(?))
       GROUP BY COALESCE(m.thread_id, -m.id) LIMIT ?`,
    )
    .all(list, JSON.stringify(ids), MAX_SERIES_THREADS) as { id: string }[];
  return rows.map((r) => r.id);
}

/** Messages with these ids, in the order given; unknown ids are skipped. */
export function getMessagesById(db: Db, list: string, ids: readonly string[]): StoredMessage[] {
  return ids
    .slice(0, MAX_SERIES_CANDIDATES)
    .map((id) => getMessage(db, list, id))
    .filter((m): m is StoredMessage => m !== null);
}

/** Every message of every thread holding one of `ids`, thread by thread, by date. */
export function getThreadsOf(db: Db, list: string, ids: readonly string[]): StoredMessage[] {
  return threadRepresentatives(db, list, ids).flatMap(
    (id) => getThreadMessages(db, list, id)?.messages ?? [],
  );
}

/**
 * Postings (subjects opening with a `[` tag) sent by `address` within SERIES_GAP_MINUTES
 * either side of `date`: the siblings of a patch sent without In-Reply-To.
 */
export function getPostingsNear(
  db: Db,
  list: string,
  address: string,
  date: string,
): StoredMessage[] {
  const t = Date.parse(date);
  if (Number.isNaN(t) || address === '') return [];
  const gap = SERIES_GAP_MINUTES * 60_000;
  const rows = db
    .prepare(
      `SELECT m.message_id AS id FROM messages m JOIN lists l ON l.id = m.list_id
       WHERE l.name = ? AND m.hidden = 0 AND m.dup_index = 0 AND m.from_addr = ? COLLATE NOCASE
         AND m.date BETWEEN ? AND ? AND m.subject LIKE '[%'
       ORDER BY m.date LIMIT ?`,
    )
    .all(
      list,
      address,
      new Date(t - gap).toISOString(),
      new Date(t + gap).toISOString(),
      MAX_SERIES_CANDIDATES,
    ) as { id: string }[];
  return getMessagesById(
    db,
    list,
    rows.map((r) => r.id),
  );
}

/** Postings whose base subject (tags and `Re:` removed) is one of `bases`, newest first. */
export function getPostingsByBase(db: Db, list: string, bases: readonly string[]): StoredMessage[] {
  if (bases.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT m.message_id AS id FROM messages m JOIN lists l ON l.id = m.list_id
       WHERE l.name = ? AND m.hidden = 0 AND m.dup_index = 0 AND m.subject LIKE '[%'
         AND m.base_subject IN (SELECT value FROM json_each(?))
       ORDER BY m.date DESC LIMIT ?`,
    )
    .all(list, JSON.stringify(bases), MAX_SERIES_CANDIDATES) as { id: string }[];
  return getMessagesById(
    db,
    list,
    rows.map((r) => r.id),
  );
}
