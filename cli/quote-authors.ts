import type { Message, Segment } from '../lib/types';
import type { Rejection } from '../lib/import/import-stream';
import type { MessageOrRejection } from './load-messages';
import { segmentMessage } from '../lib/segments/segment-message';
import { fillQuoteAuthors } from '../lib/quotes/fill-quote-authors';
import {
  quoteAuthorsForThread,
  quoteOriginsForThread,
  type ProvenanceMessage,
} from '../lib/loaders/quote-origins';
import { messageAnchor } from '../lib/anchors';
import {
  MAX_PARSE_WINDOW_CHARS,
  MAX_PARSE_WINDOW_MESSAGES,
  PARSE_WINDOW_CHAR_WEIGHT,
} from '../lib/limits';

/** A parsed message with its segments, quotes credited from the thread; or a rejection. */
export type SegmentedOrRejection =
  { message: Message; segments: Segment[] } | { rejected: Rejection };

/** Bounds of one window (lib/limits.ts by default; tests make them small). */
export interface WindowLimits {
  messages: number;
  chars: number;
}

const LIMITS: WindowLimits = { messages: MAX_PARSE_WINDOW_MESSAGES, chars: MAX_PARSE_WINDOW_CHARS };

/**
 * The messages of a `parse` run with their segments, quotes no attribution names
 * credited from the thread exactly as the thread page does it (quoteOriginsForThread,
 * then quoteAuthorsForThread). Lore exports are in arrival order, so a parent often
 * comes after its reply: messages are read a window at a time (MAX_PARSE_WINDOW_*),
 * credited over the whole window, then given back in input order. Parents outside the
 * reply's window are not used, so a thread split across two windows may keep some
 * quotes unattributed. Rejections are passed on as they come.
 */
export async function* withQuoteAuthors(
  items: AsyncIterable<MessageOrRejection>,
  limits: WindowLimits = LIMITS,
): AsyncGenerator<SegmentedOrRejection> {
  let window: Message[] = [];
  let chars = 0;
  for await (const item of items) {
    if ('rejected' in item) {
      yield item;
      continue;
    }
    window.push(item.message);
    chars += PARSE_WINDOW_CHAR_WEIGHT * item.message.body.length;
    if (window.length >= limits.messages || chars >= limits.chars) {
      yield* creditWindow(window);
      window = [];
      chars = 0;
    }
  }
  yield* creditWindow(window);
}

/** One window's messages, in order, with their quotes credited over the window. */
export function creditWindow(
  messages: readonly Message[],
): { message: Message; segments: Segment[] }[] {
  // Copies of one Message-ID with different bytes are numbered as the store numbers
  // them (first copy 0): the first copy stands for the id as a parent.
  const copies = new Map<string, number>();
  const thread: ProvenanceMessage[] = messages.map((m) => {
    const dupIndex = copies.get(m.messageId) ?? 0;
    copies.set(m.messageId, dupIndex + 1);
    return { ...m, dupIndex, segments: segmentMessage(m) };
  });
  const authors = quoteAuthorsForThread(thread, quoteOriginsForThread(thread));
  return thread.map((t, i) => {
    const found = authors.get(messageAnchor(t.messageId, t.dupIndex));
    // Given the authors, fillQuoteAuthors only writes them onto the boxes' segments:
    // with an empty chain it infers nothing of its own, so credit is the page's.
    const segments = found ? fillQuoteAuthors(t.segments, [], found) : [...t.segments];
    return { message: messages[i]!, segments };
  });
}
