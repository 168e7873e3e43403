import { openDb, type Db } from './open-db';

let db: Db | undefined;

/** The web server's one connection (better-sqlite3 is synchronous; WAL lets imports run beside it). */
export function getDb(): Db {
  db ??= openDb();
  return db;
}
