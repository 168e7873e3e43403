import { defaultStoreLocation, openStore } from '../lib/store/open-store';
import type { Store } from '../lib/store/store';

/** Where a command's archive is: `--db` (a file or a postgres:// URL), else THREADLIGHT_DB. */
export function storeLocation(db: string | undefined): string {
  return db ?? defaultStoreLocation();
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
