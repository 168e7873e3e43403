import path from 'node:path';
import type { Store } from './store';
import { SqliteStore } from './sqlite-store';
import { PgStore } from './pg/pg-store';

/**
 * Where the archive lives: `THREADLIGHT_DB`, else `./data/threadlight.db`. A
 * `postgres://` or `postgresql://` URL selects PostgreSQL; anything else is a SQLite file.
 */
export function defaultStoreLocation(): string {
  return process.env.THREADLIGHT_DB || path.join(process.cwd(), 'data', 'threadlight.db');
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** Open (creating and migrating as needed) the store at `location`. */
export async function openStore(location: string = defaultStoreLocation()): Promise<Store> {
  if (isPostgresUrl(location)) return PgStore.open(location);
  return SqliteStore.open(location);
}
