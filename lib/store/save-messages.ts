import type { Message, RawMessage, Segment } from '../types';
import type { Db } from './open-db';
import { SEGMENTS_VERSION } from '../segments/version';
import { messageIndexer } from './search-index';

/** A parsed message ready to be stored. */
export interface MessageToSave {
  raw: RawMessage;
  contentHash: string;
  message: Message;
  segments: Segment[];
}

export type SaveOutcome = 'imported' | 'duplicate';

/** Return the id of a list, creating it. */
export function ensureList(db: Db, name: string): number {
  db.prepare('INSERT OR IGNORE INTO lists (name) VALUES (?)').run(name);
  return (db.prepare('SELECT id FROM lists WHERE name = ?').get(name) as { id: number }).id;
}

/**
 * Store a batch in one transaction. The same bytes in the same list are stored once
 * (`duplicate`); a different message reusing a stored Message-ID is stored too, with
 * the next `dup_index`, so neither is lost.
 */
export function saveMessages(
  db: Db,
  listId: number,
  batch: readonly MessageToSave[],
): SaveOutcome[] {
  const exists = db.prepare('SELECT 1 FROM messages WHERE list_id = ? AND content_hash = ?');
  const nextDup = db.prepare(
    'SELECT COALESCE(MAX(dup_index) + 1, 0) AS n FROM messages WHERE list_id = ? AND message_id = ?',
  );
  const insert = db.prepare(`INSERT INTO messages (
    list_id, message_id, content_hash, dup_index, synthetic_id, subject, base_subject,
    from_name, from_addr, to_json, cc_json, date, date_raw, in_reply_to, refs_json, body,
    attachments_json, warnings_json, segments_json, segments_version, raw, format, source,
    position, imported_at
  ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const index = messageIndexer(db);
  const now = new Date().toISOString();
  return db.transaction(() =>
    batch.map(({ raw, contentHash, message: m, segments }): SaveOutcome => {
      if (exists.get(listId, contentHash)) return 'duplicate';
      const { n } = nextDup.get(listId, m.messageId) as { n: number };
      const { lastInsertRowid } = insert.run(
        listId,
        m.messageId,
        contentHash,
        n,
        m.messageIdSynthetic ? 1 : 0,
        m.subject,
        m.subjectInfo.base,
        m.from.name,
        m.from.address,
        JSON.stringify(m.to),
        JSON.stringify(m.cc),
        m.date,
        m.dateRaw,
        m.inReplyTo,
        JSON.stringify(m.references),
        m.body,
        JSON.stringify(m.attachments),
        JSON.stringify(m.warnings),
        JSON.stringify(segments),
        SEGMENTS_VERSION,
        raw.raw,
        raw.format,
        raw.source,
        raw.position,
        now,
      );
      index(lastInsertRowid, m, segments);
      return 'imported';
    }),
  )();
}
