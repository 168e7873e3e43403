import type { Message, Segment } from '../lib/types';
import { segmentMessage, senderAuthor } from '../lib/segments/segment-message';
import { fillQuoteAuthors, type ChainMessage } from '../lib/quotes/fill-quote-authors';
import { parentChain, type Threaded } from '../lib/quotes/parent-chain';
import { ancestorLines } from '../lib/quotes/quote-provenance';

// The window of earlier messages kept to look parents up in: a thread's parents are
// recent in a thread mbox, and the bounds keep memory flat however big the input is.
const MAX_WINDOW_MESSAGES = 2000;
const MAX_WINDOW_CHARS = 64 * 1024 * 1024;
// A kept message costs about four times its body: the body, its segments' lines, and
// (once used as a parent) its normalised lines and their index.
const WEIGHT = 4;

type Kept = Threaded & ChainMessage;

/**
 * Segments of each message of a `parse` run, with quotes no attribution names credited
 * from the thread (fillQuoteAuthors). Parents are looked up among the messages met
 * before, so it helps when parents come first, as in a thread mbox (lore's t.mbox is in
 * date order); a reply met before its parent keeps its quotes unattributed.
 */
export function createQuoteAuthors(): (m: Message) => Segment[] {
  const window = new Map<string, Kept>();
  let chars = 0;
  return (m) => {
    const segments = segmentMessage(m);
    const filled = fillQuoteAuthors(
      segments,
      parentChain(m, (id) => window.get(id)),
    );
    if (!window.has(m.messageId)) {
      // The parent's own segments, not the filled ones: credit never rests on a guess.
      window.set(m.messageId, {
        messageId: m.messageId,
        inReplyTo: m.inReplyTo,
        references: m.references,
        body: m.body,
        segments,
        sender: senderAuthor(m.from, m.date),
        // Parsed on first use as a parent, then kept with the message.
        lines: ancestorLines(m),
      });
      chars += WEIGHT * m.body.length;
    }
    for (const [id, kept] of window) {
      if (window.size <= MAX_WINDOW_MESSAGES && chars <= MAX_WINDOW_CHARS) break;
      window.delete(id);
      chars -= WEIGHT * kept.body.length;
    }
    return filled;
  };
}
