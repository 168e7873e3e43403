import type { Segment } from '../types';
import { getDb } from '../store/server-db';
import { getMessage, getThreadMessages, type StoredMessage } from '../store/read-archive';
import { getListExportChunk, getListId, getNewestThreads } from '../store/search-index';
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
export function loadListFeed(list: string, origin: string): string | null {
  const db = getDb();
  const threads = getNewestThreads(db, list, FEED_ENTRIES);
  if (!threads) return null;
  const messages = threads.flatMap((t) => getMessage(db, list, t.messageId) ?? []);
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
export function loadThreadFeed(list: string, messageId: string, origin: string): string | null {
  const found = getThreadMessages(getDb(), list, messageId);
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
export function loadListMbox(list: string): ReadableStream<Uint8Array> | null {
  const db = getDb();
  const listId = getListId(db, list);
  if (listId === null) return null;
  let after = 0;
  return mboxGzStream(() => {
    const rows = getListExportChunk(db, listId, after, EXPORT_CHUNK);
    after = rows.at(-1)?.rowId ?? after;
    return rows;
  });
}
