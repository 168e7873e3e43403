import type { Address } from '../types';
import { getStore } from '../store/server-db';
import { buildConversation, type ConversationTurn } from '../conversation/build-conversation';
import { fillQuoteAuthors } from '../quotes/fill-quote-authors';
import { parentChainAsync } from '../quotes/parent-chain';
import { senderAuthor } from '../segments/segment-message';
import { lineAnchor, messageAnchor } from '../anchors';
import { listPath, messagePath } from '../urls';

/** A passage someone answered, as shown above the answer. */
export interface AnsweredView {
  depth: number;
  /** Who wrote the answered passage (the turn it belongs to), when known. */
  author?: string;
  /** Its last lines: what the answer most directly follows. */
  lines: string[];
  /** Lines of the passage left out above `lines`. */
  hidden: number;
  /** 1-based body lines of the whole passage. */
  from: number;
  to: number;
  href: string;
}

export interface PassageView {
  /** 1-based body lines the passage spans. */
  from: number;
  to: number;
  lines: string[];
  /** The thread page, scrolled to and highlighting this passage. */
  href: string;
  answers?: AnsweredView;
}

export interface TurnView {
  author: Address | null;
  /**
   * ISO date: the attribution's, or the message's own date for the sender's turn. An
   * attribution date without a zone is the writer's wall-clock time.
   */
  date: string | null;
  /** Quote depth of the turn in the message: 0 = the sender. */
  depth: number;
  passages: PassageView[];
}

export interface ConversationView {
  list: string;
  listHref: string;
  messageId: string;
  subject: string;
  from: Address;
  date: string | null;
  /** The message on its thread page. */
  threadHref: string;
  turns: TurnView[];
}

/** Lines of an answered passage shown above its answer; the rest folds away. */
export const ANSWERED_PREVIEW_LINES = 6;

/**
 * One message's embedded conversation as turns in time order, each passage linked to
 * its lines on the thread page. Null when the list or message is unknown.
 */
export async function loadConversation(
  list: string,
  messageId: string,
  dup = 0,
): Promise<ConversationView | null> {
  const store = await getStore();
  const message = await store.getMessage(list, messageId, dup);
  if (!message) return null;
  const threadHref = messagePath(list, messageId);
  const anchor = messageAnchor(messageId, dup);
  // `?hl=` makes the thread page open every folded quote around the passage and mark it.
  const linkTo = (from: number, to: number) => {
    const first = lineAnchor(anchor, from);
    const range = from === to ? first : `${first}-L${to}`;
    return `${threadHref}?hl=${encodeURIComponent(range)}#${first}`;
  };
  // Quotes no attribution names are credited from the parents (a bounded chain of lookups).
  const parents = await parentChainAsync(
    message,
    async (id) => (await store.getMessage(list, id)) ?? undefined,
  );
  const chain = parents.map((p) => ({ ...p, sender: senderAuthor(p.from, p.date) }));
  const turns = buildConversation(fillQuoteAuthors(message.segments, chain));
  const byStart = new Map<number, { turn: ConversationTurn; lines: string[] }>();
  for (const turn of turns)
    for (const p of turn.passages) byStart.set(p.start, { turn, lines: p.lines });

  return {
    list,
    listHref: listPath(list),
    messageId,
    subject: message.subject,
    from: message.from,
    date: message.date,
    threadHref: `${threadHref}#${anchor}`,
    turns: turns.map((turn) => {
      // The sender's own words carry no attribution date: the message's Date is theirs.
      const date = turn.author?.date ?? (turn.depth === 0 ? message.date : null);
      return {
        author: turn.author ? { name: turn.author.name, address: turn.author.address ?? '' } : null,
        date,
        depth: turn.depth,
        passages: turn.passages.map((p) => {
          const from = p.start + 1;
          const to = p.start + p.lines.length;
          const answered = p.repliesTo ? byStart.get(p.repliesTo.start) : undefined;
          const view: PassageView = { from, to, lines: p.lines, href: linkTo(from, to) };
          if (p.repliesTo && answered) {
            const aFrom = p.repliesTo.start + 1;
            const aTo = p.repliesTo.start + answered.lines.length;
            const shown = answered.lines.slice(-ANSWERED_PREVIEW_LINES);
            view.answers = {
              depth: p.repliesTo.depth,
              ...(answered.turn.author ? { author: answered.turn.author.name } : {}),
              lines: shown,
              hidden: answered.lines.length - shown.length,
              from: aFrom,
              to: aTo,
              href: linkTo(aFrom, aTo),
            };
          }
          return view;
        }),
      };
    }),
  };
}
