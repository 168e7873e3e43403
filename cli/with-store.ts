import { defaultStoreLocation, isPostgresUrl, openStore } from '../lib/store/open-store';
import type { Store } from '../lib/store/store';

/** Where a command's archive is: `--db` (a file or a postgres:// URL), else THREADLIGHT_DB. */
export function storeLocation(db: string | undefined): string {
  return db ?? defaultStoreLocation();
}

/** A location fit to print: a PostgreSQL URL without its password. */
export function printableLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  const url = new URL(location);
  if (url.password) url.password = '***';
  return url.toString();
}

/** Run `work` on the store at `db` (see storeLocation), closing it however `work` ends. */
export async function withStore<T>(
  db: string | undefined,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(storeLocation(db));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
