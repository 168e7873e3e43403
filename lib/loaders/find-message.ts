import { getStore } from '../store/server-db';
import { normalizeMessageId } from '../mail/message-id';

/**
 * The first list (by name) holding a visible message with this id, and the id as stored
 * (normalised like a Message-ID header on import), or null.
 */
export async function findMessage(
  messageId: string,
): Promise<{ list: string; messageId: string } | null> {
  const id = normalizeMessageId(messageId);
  const list = id === null ? null : await (await getStore()).findListOf(id);
  return list === null || id === null ? null : { list, messageId: id };
}
