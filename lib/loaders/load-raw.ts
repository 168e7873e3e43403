import { getStore } from '../store/server-db';
import type { StoredMessage } from '../store/store';
import { toMboxEntry } from '../export/to-mbox';
import { archivePageToRfc822 } from '../export/archive-page-to-rfc822';

/** The message as RFC 822 text: the stored bytes, or recovered headers for an archive page. */
function rfc822Of(m: StoredMessage, raw: { raw: Buffer; format: string }): Buffer {
  return raw.format === 'archive-page' ? Buffer.from(archivePageToRfc822(m), 'utf8') : raw.raw;
}

/** The original message bytes, or null when unknown. */
export async function loadRaw(
  list: string,
  messageId: string,
  dup: number,
): Promise<Buffer | null> {
  const store = await getStore();
  const m = await store.getMessage(list, messageId, dup);
  if (!m) return null;
  return (await store.getRaw([m.rowId]))[0]!.raw;
}

/** The whole thread containing the message as one mboxrd file, by date. */
export async function loadThreadMbox(list: string, messageId: string): Promise<Buffer | null> {
  const store = await getStore();
  const found = await store.getThreadMessages(list, messageId);
  if (!found) return null;
  const raws = await store.getRaw(found.messages.map((m) => m.rowId));
  return Buffer.concat(
    found.messages.map((m, i) => Buffer.from(toMboxEntry(rfc822Of(m, raws[i]!)), 'latin1')),
  );
}
