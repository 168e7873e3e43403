import type { Store } from './store';
import { SqliteStore } from './sqlite-store';
import { PgStore } from './pg/pg-store';
import { defaultStoreLocation, isPostgresUrl } from './location';

export { defaultStoreLocation, isPostgresUrl, printableLocation } from './location';

/** Open (creating and migrating as needed) the store at `location`. */
export async function openStore(location: string = defaultStoreLocation()): Promise<Store> {
  if (isPostgresUrl(location)) return PgStore.open(location);
  return SqliteStore.open(location);
}
