import { getDb } from '../store/server-db';
import { findListOf } from '../store/read-archive';

/** The first list (by name) holding a visible message with this id, or null. */
export function findMessageList(messageId: string): string | null {
  return findListOf(getDb(), messageId);
}
