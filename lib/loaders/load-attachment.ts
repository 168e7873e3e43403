import { getStore } from '../store/server-db';

/** A text attachment ready to serve: its stored text and the name to offer it under. */
export interface AttachmentText {
  filename: string;
  text: string;
}

/**
 * The `n`-th attachment (1-based, in the message's order) of a stored message, when it
 * is text (a patch, log or config: see lib/mail/to-attachment.ts); null when the message
 * is unknown, there is no such attachment, or it is binary (only its size is stored).
 */
export async function loadAttachmentText(
  list: string,
  messageId: string,
  dup: number,
  n: number,
): Promise<AttachmentText | null> {
  if (!Number.isSafeInteger(n) || n < 1) return null;
  const store = await getStore();
  const attachment = (await store.getMessage(list, messageId, dup))?.attachments[n - 1];
  if (attachment?.text === undefined) return null;
  return { filename: attachment.filename || `attachment-${n}.txt`, text: attachment.text };
}
