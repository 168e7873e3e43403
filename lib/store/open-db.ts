import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { ThreadlightError } from '../errors';
import { MIGRATIONS } from './migrations';
import { contentHash } from './content-hash';

export type Db = Database.Database;

/**
 * Open (creating if needed) and migrate the database. WAL mode keeps readers
 * (the web app) going while an import writes, and a killed writer never leaves
 * the file unopenable.
 */
export function openDb(file: string): Db {
  if (file !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ file)), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new ThreadlightError(
      `cannot open database ${file}: ${(err as Error).message}`,
      'DB_OPEN',
    );
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // For migrations that recompute hashes in SQL (SQLite has no sha256 of its own).
  db.function('threadlight_content_hash', { deterministic: true }, (raw: unknown) =>
    contentHash(Buffer.isBuffer(raw) ? raw : Buffer.from(String(raw))),
  );
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new ThreadlightError(
      `database schema version ${current} is newer than this Threadlight (${MIGRATIONS.length})`,
      'DB_VERSION',
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
