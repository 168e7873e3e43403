import type { Db } from './open-db';

/** What `threadlight check` found. `ok` is true when `problems` is empty. */
export interface DbCheck {
  ok: boolean;
  problems: string[];
  counts: { lists: number; messages: number; hiddenMessages: number; threads: number };
}

/** Problems of one kind listed at most this many times (a broken table could have millions). */
export const MAX_LISTED = 10;

/** Threadlight's invariants, on either backend: [what, table with alias, condition naming bad rows]. */
export const ROW_CHECKS: readonly (readonly [string, string, string])[] = [
  ['messages without a thread', 'messages m', 'm.hidden = 0 AND m.thread_id IS NULL'],
  [
    'messages in a missing thread',
    'messages m',
    'm.thread_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM threads t WHERE t.id = m.thread_id)',
  ],
  [
    'threads with a wrong message count',
    'threads t',
    't.message_count != (SELECT COUNT(*) FROM messages m WHERE m.thread_id = t.id AND m.hidden = 0)',
  ],
];

/**
 * Check a database after a crash, a kill or a copy: SQLite's own page and index
 * checks, foreign keys, and Threadlight's invariant that every visible message
 * belongs to an existing thread (threads are derived; `import` rebuilds them).
 */
export function checkDb(db: Db): DbCheck {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
  for (const row of integrity.slice(0, MAX_LISTED)) {
    if (row.integrity_check !== 'ok') problems.push(`integrity: ${row.integrity_check}`);
  }
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const row of fk.slice(0, MAX_LISTED)) {
    problems.push(
      `foreign key: ${row.table} row ${row.rowid} refers to a missing row of ${row.parent}`,
    );
  }
  if (fk.length > MAX_LISTED) problems.push(`foreign key: ${fk.length - MAX_LISTED} more`);

  for (const [what, table, where] of ROW_CHECKS) {
    const found = findRows(db, table, where);
    if (found) problems.push(`${what}: ${found}`);
  }

  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    ok: problems.length === 0,
    problems,
    counts: {
      lists: count('SELECT COUNT(*) AS n FROM lists'),
      messages: count('SELECT COUNT(*) AS n FROM messages WHERE hidden = 0'),
      hiddenMessages: count('SELECT COUNT(*) AS n FROM messages WHERE hidden = 1'),
      threads: count('SELECT COUNT(*) AS n FROM threads'),
    },
  };
}

/** `3 (rows 4, 9, 12)` for the rows of `table` matching `where`, or null when none do. */
function findRows(db: Db, table: string, where: string): string | null {
  const alias = table.split(' ')[1]!;
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as {
    n: number;
  };
  if (n === 0) return null;
  const rows = db
    .prepare(`SELECT ${alias}.id FROM ${table} WHERE ${where} ORDER BY ${alias}.id LIMIT ?`)
    .pluck()
    .all(MAX_LISTED) as number[];
  return `${n} (rows ${rows.join(', ')}${n > MAX_LISTED ? ', ...' : ''})`;
}
