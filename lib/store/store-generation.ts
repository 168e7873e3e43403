import type { Db } from './open-db';

/**
 * A value that changes whenever the archive may have changed: SQLite's data_version
 * moves when another connection (an import process) commits, and total_changes() counts
 * every row this connection itself has written (uploads, their rethreading). For caches
 * of answers that depend on more than one message. Both reads are O(1).
 */
export function storeGeneration(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const own = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  return `${version}:${own.n}`;
}
