/**
 * What the page and search benchmarks open, read from the imported database so they work on
 * any mbox: the seed message, the generated thread nearest BIG_THREAD messages (by the
 * earliest message that really exists, since a thread root may be a ghost), and search queries
 * built from words the archive really holds. The same targets are asked of public-inbox.
 */
import { openStore } from '../lib/store/open-store';
import type { SqliteStore } from '../lib/store/sqlite-store';
import type { Db } from '../lib/store/open-db';
import { BIG_THREAD } from './gen-mbox';

export interface Targets {
  seedId: string | undefined;
  bigThread: { messageId: string; messages: number } | undefined;
  queries: string[];
}

// A plain word worth searching for: letters only, long enough not to be a stop word.
const RE_SEARCH_WORD = /^[a-z]{6,}$/i;

/**
 * The targets of the archive at `location`. SQLite only, like the rest of the bench (it
 * sizes the database file): picking threads by their row ids keeps the query set the
 * same from run to run, which the store's interface has no way to ask for.
 */
export async function findTargets(
  location: string,
  list: string,
  seedList: string,
): Promise<Targets> {
  const store = await openStore(location);
  try {
    if (store.kind !== 'sqlite') throw new Error('the benchmark targets need a SQLite archive');
    return targetsOf((store as SqliteStore).db, list, seedList);
  } finally {
    await store.close();
  }
}

function targetsOf(db: Db, list: string, seedList: string): Targets {
  const seed = db
    .prepare(
      `SELECT m.message_id AS id FROM messages m JOIN lists l ON l.id = m.list_id
       WHERE l.name = ? ORDER BY m.id LIMIT 1`,
    )
    .get(seedList) as { id: string } | undefined;
  const thread = db
    .prepare(
      `SELECT t.id, t.message_count AS n FROM threads t JOIN lists l ON l.id = t.list_id
       WHERE l.name = ? ORDER BY abs(t.message_count - ?), t.id LIMIT 1`,
    )
    .get(list, BIG_THREAD) as { id: number; n: number } | undefined;
  const first = thread
    ? (db
        .prepare(
          `SELECT message_id AS id FROM messages WHERE thread_id = ? ORDER BY date, id LIMIT 1`,
        )
        .get(thread.id) as { id: string } | undefined)
    : undefined;
  // Every 97th thread's subject and every 89th sender: spread over the archive, deterministic.
  const subjects = db
    .prepare(
      `SELECT t.subject AS s FROM threads t JOIN lists l ON l.id = t.list_id
       WHERE l.name = ? AND t.id % 97 = 0 LIMIT 40`,
    )
    .all(list) as { s: string }[];
  const senders = db
    .prepare(
      `SELECT DISTINCT m.from_addr AS a FROM messages m JOIN lists l ON l.id = m.list_id
       WHERE l.name = ? AND m.id % 89 = 0 LIMIT 5`,
    )
    .all(list) as { a: string }[];
  const dates = db
    .prepare(
      `SELECT min(m.date) AS lo, max(m.date) AS hi FROM messages m JOIN lists l ON l.id = m.list_id
       WHERE l.name = ? AND m.date IS NOT NULL`,
    )
    .get(list) as { lo: string | null; hi: string | null };
  return {
    seedId: seed?.id,
    bigThread: thread && first ? { messageId: first.id, messages: thread.n } : undefined,
    queries: buildQueries(
      subjects.map((r) => r.s),
      senders.map((r) => r.a),
      dates,
    ),
  };
}

/** A fixed mix: subject words, senders, body words and phrases, a date range, combinations. */
export function buildQueries(
  subjects: string[],
  senders: string[],
  dates: { lo: string | null; hi: string | null },
): string[] {
  const words = [
    ...new Set(
      subjects.flatMap((s) => s.split(/[^A-Za-z]+/)).filter((w) => RE_SEARCH_WORD.test(w)),
    ),
  ].slice(0, 8);
  const locals = senders.map((a) => a.split('@')[0]!).filter((l) => l.length > 0);
  const q: string[] = [
    ...words.slice(0, 4).map((w) => `s:${w}`),
    ...words.slice(4, 8),
    ...locals.slice(0, 3).map((l) => `f:${l}`),
    'b:regression',
    '"null pointer dereference"',
    '"Call Trace"',
    'kasan',
    'lock*',
  ];
  if (words[0] && locals[0]) q.push(`s:${words[0]} f:${locals[0]}`);
  if (dates.lo && dates.hi) {
    // The first week of the archive, in lore's d:YYYYMMDD..YYYYMMDD form.
    const lo = new Date(dates.lo);
    const hi = new Date(lo.getTime() + 7 * 86_400_000);
    const ymd = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
    if (!Number.isNaN(lo.getTime())) q.push(`d:${ymd(lo)}..${ymd(hi)}`);
  }
  return q;
}
