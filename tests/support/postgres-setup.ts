/**
 * vitest globalSetup: make the test PostgreSQL ready (scripts/ensure-postgres.mjs) and
 * hand its URL to the test workers, then drop the per-test schemas (tests/support/
 * backends.ts) made by this run when it ends. Without a PostgreSQL the run fails here,
 * saying why: the suite is meant to pass on both stores.
 */
import pg from 'pg';
// @ts-expect-error: a plain .mjs script without types
import { postgresTestUrl } from '../../scripts/ensure-postgres.mjs';

/** Drop the schemas of one run (names start `t_<run>_`; another run may be going on). */
async function dropTestSchemas(url: string, run: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT nspname AS name FROM pg_namespace WHERE starts_with(nspname, $1)`,
      [`t_${run}_`],
    );
    for (const { name } of rows) await client.query(`DROP SCHEMA "${name}" CASCADE`);
  } finally {
    await client.end();
  }
}

export default async function setup(): Promise<(() => Promise<void>) | void> {
  const url = (postgresTestUrl as () => string)();
  process.env.THREADLIGHT_TEST_PG = url;
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  process.env.THREADLIGHT_TEST_RUN = run;
  return () => dropTestSchemas(url, run);
}
