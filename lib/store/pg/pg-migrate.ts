/**
 * Bring a PostgreSQL schema up to PG_MIGRATIONS, once however many processes open it at
 * the same moment: app servers and import workers often start together.
 */
import type pg from 'pg';
import { ThreadlightError } from '../../errors';
import { PG_MIGRATIONS } from './migrations';

/**
 * A session advisory lock: whoever takes it first migrates, the others wait and then find
 * nothing left to do. Keyed by schema, so archives in other schemas of the database never
 * wait on this one.
 */
const LOCK = "hashtext('threadlight.migrate:' || current_schema())";

export async function migratePg(pool: pg.Pool, migrations: readonly string[] = PG_MIGRATIONS) {
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${LOCK})`);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS threadlight_schema (version INTEGER NOT NULL)',
      );
      const { rows } = await client.query<{ version: number }>(
        'SELECT version FROM threadlight_schema',
      );
      if (rows.length === 0) await client.query('INSERT INTO threadlight_schema VALUES (0)');
      const current = rows[0]?.version ?? 0;
      if (current > migrations.length) {
        throw new ThreadlightError(
          `database schema version ${current} is newer than this Threadlight (${migrations.length})`,
          'DB_VERSION',
        );
      }
      for (let v = current; v < migrations.length; v++) {
        await client.query('BEGIN');
        try {
          await client.query(migrations[v]!);
          await client.query('UPDATE threadlight_schema SET version = $1', [v + 1]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK})`);
    }
  } finally {
    client.release();
  }
}
