import type { Db } from './open-db';

/**
 * How far an incremental source (a public-inbox epoch, keyed by its absolute path)
 * was imported into a list. A cursor is saved only once everything before it is
 * committed, so resuming from it can skip work but never lose a message.
 */
export function getImportCursor(db: Db, listId: number, source: string): string | null {
  const row = db
    .prepare('SELECT cursor FROM import_state WHERE list_id = ? AND source = ?')
    .get(listId, source) as { cursor: string } | undefined;
  return row?.cursor ?? null;
}

export function setImportCursor(db: Db, listId: number, source: string, cursor: string): void {
  db.prepare(
    `INSERT INTO import_state (list_id, source, cursor) VALUES (?, ?, ?)
     ON CONFLICT (list_id, source) DO UPDATE SET cursor = excluded.cursor`,
  ).run(listId, source, cursor);
}

/**
 * Hide the messages of a list with this content hash (a public-inbox `d` commit
 * carries the deleted message's exact bytes). Returns how many became hidden.
 * Hidden messages are kept, so an upstream deletion can be audited or undone.
 */
export function hideMessage(db: Db, listId: number, contentHash: string): number {
  return db
    .prepare(
      'UPDATE messages SET hidden = 1, thread_id = NULL WHERE list_id = ? AND content_hash = ? AND hidden = 0',
    )
    .run(listId, contentHash).changes;
}
