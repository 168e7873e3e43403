/**
 * Loader and route tests read the archive through the server's store (getStore, from
 * THREADLIGHT_DB). This points it at a fresh store of the backend under test.
 */
import { getStore, resetStoreForTests } from '@/lib/store/server-db';
import type { Store } from '@/lib/store/store';
import { freshLocation, type BackendName } from './backends';

export async function freshServerStore(backend: BackendName): Promise<Store> {
  await resetStoreForTests();
  process.env.THREADLIGHT_DB = await freshLocation(backend);
  return getStore();
}

/** Close the server's store when a file's tests are done (a PostgreSQL pool keeps a process alive). */
export const closeServerStore = resetStoreForTests;
