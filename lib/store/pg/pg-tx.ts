/** Transactions, list locks and the generation counter shared by the PostgreSQL writers. */
import type pg from 'pg';

/**
 * Tell every app server's page caches that the archive changed. Called after COMMIT, in
 * a statement of its own: inside the transaction, a reader could see the new value
 * before the rows it stands for; and the counter row stays locked only for this moment.
 */
export async function advanceGeneration(db: pg.Pool | pg.PoolClient): Promise<void> {
  await db.query('UPDATE threadlight_generation SET value = value + 1');
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
