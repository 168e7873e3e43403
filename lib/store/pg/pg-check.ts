/**
 * `threadlight check` on PostgreSQL. The server keeps its own pages and indexes sound and
 * enforces the foreign keys, so what is left to look at: indexes a failed build left
 * invalid, Threadlight's invariants as check-db.ts states them, and the search index
 * (every message must have its row, or search silently misses it).
 */
import type pg from 'pg';
import { MAX_LISTED, ROW_CHECKS, type DbCheck } from '../check-db';

/** check-db.ts's invariants, and two that only a PostgreSQL store can break. */
const PG_ROW_CHECKS: readonly (readonly [string, string, string])[] = [
  ...ROW_CHECKS,
  [
    'messages in a thread of another list',
    'messages m',
    'EXISTS (SELECT 1 FROM threads t WHERE t.id = m.thread_id AND t.list_id != m.list_id)',
  ],
  [
    'messages missing from the search index',
    'messages m',
    'NOT EXISTS (SELECT 1 FROM message_search s WHERE s.id = m.id)',
  ],
];

export async function checkPg(pool: pg.Pool): Promise<DbCheck> {
  const problems: string[] = [];
  const invalid = await pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND NOT (i.indisvalid AND i.indisready)
     ORDER BY c.relname`,
  );
  for (const { name } of invalid.rows) problems.push(`integrity: index ${name} is invalid`);
  for (const [what, table, where] of PG_ROW_CHECKS) {
    const found = await findRows(pool, table, where);
    if (found) problems.push(`${what}: ${found}`);
  }
  const { rows } = await pool.query<DbCheck['counts']>(
    `SELECT (SELECT COUNT(*) FROM lists) AS lists,
      (SELECT COUNT(*) FROM messages WHERE hidden = 0) AS messages,
      (SELECT COUNT(*) FROM messages WHERE hidden = 1) AS "hiddenMessages",
      (SELECT COUNT(*) FROM threads) AS threads`,
  );
  return { ok: problems.length === 0, problems, counts: rows[0]! };
}

/** `3 (rows 4, 9, 12)` for the rows of `table` matching `where`, or null when none do. */
async function findRows(pool: pg.Pool, table: string, where: string): Promise<string | null> {
  const alias = table.split(' ')[1]!;
  const { rows } = await pool.query<{ id: number; n: number }>(
    `SELECT ${alias}.id, COUNT(*) OVER () AS n FROM ${table} WHERE ${where}
     ORDER BY ${alias}.id LIMIT $1`,
    [MAX_LISTED],
  );
  const n = rows[0]?.n ?? 0;
  if (n === 0) return null;
  return `${n} (rows ${rows.map((r) => r.id).join(', ')}${n > MAX_LISTED ? ', ...' : ''})`;
}
