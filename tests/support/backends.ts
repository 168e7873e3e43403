/**
 * The stores a backend-independent test runs against: SQLite, and PostgreSQL at
 * THREADLIGHT_TEST_PG (a database URL), which vitest's global setup provides (tests/support/
 * postgres-setup.ts starts a local server, installing it when missing). Each PostgreSQL
 * store gets a schema of its own, so tests never see each other's rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SqliteStore } from '@/lib/store/sqlite-store';
import { openStore } from '@/lib/store/open-store';
import { schemaUrl } from '@/lib/store/location';
import type { Store } from '@/lib/store/store';

export type BackendName = 'sqlite' | 'postgres';

/** The test database (tests/support/postgres-setup.ts sets it before any test runs). */
export function testPgUrl(): string {
  const url = process.env.THREADLIGHT_TEST_PG;
  if (!url) throw new Error('THREADLIGHT_TEST_PG is not set: run the tests with vitest.config.mts');
  return url;
}

let schemaCount = 0;

/** A URL for a new, empty schema of the test database (the store migrates it on open). */
export async function freshPgUrl(): Promise<string> {
  const base = testPgUrl();
  // postgres-setup.ts drops the run's schemas by this prefix when the run ends.
  const run = process.env.THREADLIGHT_TEST_RUN ?? 'manual';
  const schema = `t_${run}_${process.pid.toString(36)}_${schemaCount++}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  return schemaUrl(base, schema);
}

/** A temporary SQLite file (some tests reopen it, so not `:memory:`). */
export function freshSqlitePath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-store-'));
  return path.join(dir, 'threadlight.db');
}

/** Where a fresh store of this backend lives: a file path or a PostgreSQL URL. */
export async function freshLocation(backend: BackendName): Promise<string> {
  return backend === 'sqlite' ? freshSqlitePath() : freshPgUrl();
}

export async function openFreshStore(backend: BackendName): Promise<Store> {
  return backend === 'sqlite' ? SqliteStore.open(freshSqlitePath()) : openStore(await freshPgUrl());
}

/** Every backend-independent test runs on both. */
export const BACKENDS: readonly BackendName[] = ['sqlite', 'postgres'];
