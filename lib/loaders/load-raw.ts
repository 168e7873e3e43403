import { getDb } from '../store/server-db';
import { getMessage, getRaw, getThreadMessages, type StoredMessage } from '../store/read-archive';
import { toMboxEntry } from '../export/to-mbox';
import { archivePageToRfc822 } from '../export/archive-page-to-rfc822';

/** The message as RFC 822 text: the stored bytes, or recovered headers for an archive page. */
function rfc822Of(m: StoredMessage, raw: { raw: Buffer; format: string }): Buffer {
  return raw.format === 'archive-page' ? Buffer.from(archivePageToRfc822(m), 'utf8') : raw.raw;
}

/** The original message bytes, or null when unknown. */
export function loadRaw(list: string, messageId: string, dup: number): Buffer | null {
  const db = getDb();
  const m = getMessage(db, list, messageId, dup);
  if (!m) return null;
  return getRaw(db, [m.rowId])[0]!.raw;
}

/** The whole thread containing the message as one mboxrd file, by date. */
export function loadThreadMbox(list: string, messageId: string): Buffer | null {
  const db = getDb();
  const found = getThreadMessages(db, list, messageId);
  if (!found) return null;
  const raws = getRaw(
    db,
    found.messages.map((m) => m.rowId),
  );
  return Buffer.concat(
    found.messages.map((m, i) => Buffer.from(toMboxEntry(rfc822Of(m, raws[i]!)), 'latin1')),
  );
}
