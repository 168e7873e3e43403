import type { Segment } from '../types';
import { getStore } from '../store/server-db';
import type { StoredMessage } from '../store/store';
import { messageAnchor } from '../anchors';
import { listPath, messagePath } from '../urls';
import { buildAtom, type AtomEntry } from '../feeds/build-atom';
import { feedId } from '../feeds/feed-id';
import { listFeedPath, threadFeedPath } from '../feeds/feed-paths';
import { mboxGzStream } from '../feeds/mbox-gz-stream';

/** Entries per feed (lore serves 25). */
const FEED_ENTRIES = 25;
/** Characters of a message's own words put in an entry; feed readers link to the rest. */
const FEED_CONTENT_CHARS = 4000;
/** Messages read per step of a whole-list download. */
const EXPORT_CHUNK = 200;

/** The sender's own words (quote depth 0), without the quoted context. */
function ownText(segments: readonly Segment[]): string {
  const text = segments
    .filter((s) => s.depth === 0)
    .flatMap((s) => s.lines)
    .join('\n')
    .trim();
  return text.length > FEED_CONTENT_CHARS ? `${text.slice(0, FEED_CONTENT_CHARS)}…` : text;
}

function entry(list: string, m: StoredMessage, origin: string): AtomEntry {
  return {
    id: feedId('message', list, m.messageId, String(m.dupIndex)),
    title: m.subject,
    updated: m.date,
    author: {
      name: m.from.name || m.from.address,
      ...(m.from.address ? { email: m.from.address } : {}),
    },
    link: new URL(
      `${messagePath(list, m.messageId)}#${messageAnchor(m.messageId, m.dupIndex)}`,
      origin,
    ).href,
    content: ownText(m.segments),
  };
}

/** `/<list>/new.atom`: the newest threads of a list, each as its first message. Null: no such list. */
export async function loadListFeed(list: string, origin: string): Promise<string | null> {
  const store = await getStore();
  const threads = await store.getNewestThreads(list, FEED_ENTRIES);
  if (!threads) return null;
  const firsts = await Promise.all(threads.map((t) => store.getMessage(list, t.messageId)));
  const messages = firsts.filter((m) => m !== null);
  return buildAtom({
    id: feedId('list', list),
    title: `${list}: new threads`,
    selfLink: new URL(listFeedPath(list), origin).href,
    htmlLink: new URL(listPath(list), origin).href,
    fallbackUpdated: new Date(0).toISOString(),
    entries: messages.map((m) => entry(list, m, origin)),
  });
}

/** `/<list>/<id>/t.atom`: the newest messages of the thread holding `messageId`. */
export async function loadThreadFeed(
  list: string,
  messageId: string,
  origin: string,
): Promise<string | null> {
  const found = await (await getStore()).getThreadMessages(list, messageId);
  if (!found) return null;
  const newest = [...found.messages].reverse().slice(0, FEED_ENTRIES);
  const root = found.messages[0] ?? found.focus;
  return buildAtom({
    id: feedId('thread', list, root.messageId),
    title: root.subject || '(no subject)',
    selfLink: new URL(threadFeedPath(list, messageId), origin).href,
    htmlLink: new URL(messagePath(list, messageId), origin).href,
    fallbackUpdated: new Date(0).toISOString(),
    entries: newest.map((m) => entry(list, m, origin)),
  });
}

/** `/<list>/all.mbox.gz`: every visible message of the list, streamed. Null: no such list. */
export async function loadListMbox(list: string): Promise<ReadableStream<Uint8Array> | null> {
  const store = await getStore();
  const listId = await store.getListId(list);
  if (listId === null) return null;
  let after = 0;
  return mboxGzStream(async () => {
    const rows = await store.getListExportChunk(listId, after, EXPORT_CHUNK);
    after = rows.at(-1)?.rowId ?? after;
    return rows;
  });
}
