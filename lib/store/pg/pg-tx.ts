/** Transactions, list locks and the generation counter shared by the PostgreSQL writers. */
import type pg from 'pg';

/**
 * Tell every app server's page caches that the archive changed. Called after COMMIT,
 * never inside the transaction: a sequence moves at once, so a reader seeing the new
 * value before the commit would cache the old rows under it.
 */
export async function advanceGeneration(db: pg.Pool | pg.PoolClient): Promise<void> {
  await db.query("SELECT nextval('threadlight_generation')");
}

/**
 * Run `work` in one transaction holding the list's advisory lock: writers of one list
 * (imports, rethreads, hides from any process) queue; other lists never wait. Keyed by
 * schema too, so archives in other schemas of the database are independent. Advances
 * the generation after commit when `changed` says the pages' content changed.
 */
export async function inListTransaction<T>(
  pool: pg.Pool,
  listId: number,
  work: (client: pg.PoolClient) => Promise<T>,
  changed: (result: T) => boolean = () => true,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    let result: T;
    try {
      await client.query(
        "SELECT pg_advisory_xact_lock(hashtext('threadlight.list:' || current_schema()), $1)",
        [listId],
      );
      result = await work(client);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackErr: Error) => (broken = rollbackErr));
      throw err;
    }
    if (changed(result)) await advanceGeneration(client);
    return result;
  } finally {
    // A connection that could not roll back is dropped, not handed to the next caller.
    client.release(broken);
  }
}
