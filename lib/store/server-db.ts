import { openStore } from './open-store';
import type { Store } from './store';

let opening: Promise<Store> | undefined;

/**
 * The web server's one store, opened on first use and shared by every request (SQLite:
 * one connection, WAL lets imports run beside it; PostgreSQL: one pool). Concurrent
 * first requests share the one in-flight open; a failed open is forgotten so the next
 * request tries again rather than failing forever.
 */
export function getStore(): Promise<Store> {
  opening ??= openStore().catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** Close and forget the store, so the next getStore() opens THREADLIGHT_DB afresh (tests). */
export async function resetStoreForTests(): Promise<void> {
  const current = opening;
  opening = undefined;
  // An open that failed has nothing to close.
  const store = await current?.catch(() => undefined);
  await store?.close();
}
