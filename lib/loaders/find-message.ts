import { getDb } from '../store/server-db';
import { findListOf } from '../store/read-archive';
import { normalizeMessageId } from '../mail/message-id';

/**
 * The first list (by name) holding a visible message with this id, and the id as stored
 * (normalised like a Message-ID header on import), or null.
 */
export function findMessage(messageId: string): { list: string; messageId: string } | null {
  const id = normalizeMessageId(messageId);
  const list = id === null ? null : findListOf(getDb(), id);
  return list === null || id === null ? null : { list, messageId: id };
}
