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
  // Up to date (every open but the first after an upgrade): nothing to lock or write, which
  // is also what lets a read-only replica be opened at all.
  const current = await schemaVersion(pool);
  if (current !== null) checkNotNewer(current, migrations.length);
  if (current === migrations.length) return;
  try {
    await migrate(pool, migrations);
  } catch (err) {
    if ((err as { code?: string }).code !== READ_ONLY_SQLSTATE) throw err;
    throw new ThreadlightError(
      `the database schema is at version ${current ?? 0} and this Threadlight needs ` +
        `${migrations.length}, but this database is read-only (a replica?): open the primary ` +
        'once with this version (e.g. threadlight check --db URL) to migrate it',
      'DB_READ_ONLY',
    );
  }
}

/** PostgreSQL's SQLSTATE for a write in a read-only transaction (or on a hot standby). */
export const READ_ONLY_SQLSTATE = '25006';

/** The schema's version, or null before the first migration. */
async function schemaVersion(pool: pg.Pool): Promise<number | null> {
  try {
    const { rows } = await pool.query<{ version: number }>(
      'SELECT version FROM threadlight_schema',
    );
    return rows[0]?.version ?? null;
  } catch (err) {
    // 42P01: no such table, a schema nothing was stored in yet.
    if ((err as { code?: string }).code === '42P01') return null;
    throw err;
  }
}

function checkNotNewer(current: number, known: number): void {
  if (current > known) {
    throw new ThreadlightError(
      `database schema version ${current} is newer than this Threadlight (${known})`,
      'DB_VERSION',
    );
  }
}

async function migrate(pool: pg.Pool, migrations: readonly string[]): Promise<void> {
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
      checkNotNewer(current, migrations.length);
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
