import type { Address, Author, Segment } from '../types';
import {
  ancestorLines,
  findQuoteOrigins,
  type QuoteOrigin,
  type QuotedPassage,
} from '../quotes/quote-provenance';
import { buildQuoteTree } from '../segments/quote-tree';
import { quoteBoxKey, quotePassages, type QuoteBoxKey } from '../quotes/quote-passages';
import { inferQuoteAuthors, type ChainMessage } from '../quotes/fill-quote-authors';
import { parentChain } from '../quotes/parent-chain';
import { lineAnchor, messageAnchor } from '../anchors';
import { MAX_PROVENANCE_ANCESTORS } from '../limits';

/** The fields provenance needs from a stored message of the thread. */
export interface ProvenanceMessage {
  messageId: string;
  dupIndex: number;
  body: string;
  segments: readonly Segment[];
  inReplyTo: string | null;
  /** Oldest first, as in the header. */
  references: readonly string[];
  /** The sender, used to name quotes that carry no attribution. */
  from?: Address;
  date?: string | null;
}

/** Where one quote box of a message was first written, ready to render as a link. */
export interface QuoteOriginLink {
  /**
   * Same-page fragment of the original's lines: `#<anchor>-L<startLine + 1>-L<endLine + 1>`,
   * or `#<anchor>-L<n>` for one line. The thread script highlights the range and opens
   * what folds it; without JavaScript a range fragment does not scroll.
   */
  href: string;
  messageId: string;
  /** First and last (inclusive) body line indexes (0-based) of the original. */
  startLine: number;
  endLine: number;
  /** The original's own non-blank lines in that range that the quote left out. */
  trimmed: number;
  /** The original's sender and date, to name a quote that has no attribution. */
  author?: { name: string; date?: string };
}

/**
 * Link every quote box of every message to the lines of the ancestor that first wrote
 * them. Result: message anchor → (quote box key → origin). Messages whose quotes have
 * no original in the thread are absent.
 *
 * Each message is indexed once as a possible origin, with the quotes of all its
 * descendants at once, so the work grows with the thread, not with thread × depth.
 */
export function quoteOriginsForThread(
  messages: readonly ProvenanceMessage[],
): Map<string, Map<QuoteBoxKey, QuoteOriginLink>> {
  const byId = firstCopies(messages);

  // Every quote box gets a thread-wide key, used as its `start` while matching.
  const boxes: { anchor: string; key: QuoteBoxKey; rank: Map<ProvenanceMessage, number> }[] = [];
  const jobs = new Map<ProvenanceMessage, QuotedPassage[]>();
  for (const message of messages) {
    const ancestors = ancestorsOf(message, byId);
    if (ancestors.length === 0) continue;
    const anchor = messageAnchor(message.messageId, message.dupIndex);
    const rank = new Map(ancestors.map((a, i) => [a, i]));
    for (const passage of quotePassages(buildQuoteTree(message.segments))) {
      const keyed = { ...passage, start: boxes.length };
      boxes.push({ anchor, key: quoteBoxKey(passage), rank });
      for (const ancestor of ancestors) {
        const list = jobs.get(ancestor);
        if (list) list.push(keyed);
        else jobs.set(ancestor, [keyed]);
      }
    }
  }

  // Most lines matched wins; on a tie the nearer ancestor, which quoted it last.
  const best = new Map<number, { origin: QuoteOrigin; source: ProvenanceMessage }>();
  for (const [source, passages] of jobs) {
    for (const origin of findQuoteOrigins(passages, [source])) {
      const key = origin.passageStart;
      const held = best.get(key);
      const rank = boxes[key]!.rank;
      if (
        !held ||
        origin.matchedLines > held.origin.matchedLines ||
        (origin.matchedLines === held.origin.matchedLines &&
          rank.get(source)! < rank.get(held.source)!)
      )
        best.set(key, { origin, source });
    }
  }

  const result = new Map<string, Map<QuoteBoxKey, QuoteOriginLink>>();
  for (const [key, { origin, source }] of [...best].sort((a, b) => a[0] - b[0])) {
    const box = boxes[key]!;
    let links = result.get(box.anchor);
    if (!links) result.set(box.anchor, (links = new Map()));
    links.set(box.key, toLink(origin, source));
  }
  return result;
}

/**
 * Who wrote the quote boxes no attribution names: message anchor → (box key → author).
 * Provenance (`origins`, from quoteOriginsForThread) first, then the message's parent
 * chain in the thread (inferQuoteAuthors). Messages with nothing to add are absent.
 */
export function quoteAuthorsForThread(
  messages: readonly ProvenanceMessage[],
  origins: ReadonlyMap<string, ReadonlyMap<QuoteBoxKey, QuoteOriginLink>>,
): Map<string, Map<QuoteBoxKey, Author>> {
  const byId = firstCopies(messages);
  // Each message is parsed at most once as a parent, however many replies look it up.
  const parents = new Map<ProvenanceMessage, ChainMessage>();
  const asParent = (m: ProvenanceMessage): ChainMessage => {
    let parent = parents.get(m);
    if (!parent) {
      const name = m.from?.name || m.from?.address || '';
      const sender = { name, ...(m.date ? { date: m.date } : {}) };
      parent = { ...m, sender, lines: ancestorLines(m) };
      parents.set(m, parent);
    }
    return parent;
  };
  const result = new Map<string, Map<QuoteBoxKey, Author>>();
  for (const message of messages) {
    const anchor = messageAnchor(message.messageId, message.dupIndex);
    const found = new Map<QuoteBoxKey, Author>();
    for (const [key, link] of origins.get(anchor) ?? [])
      if (link.author) found.set(key, link.author);
    const chain = parentChain(message, (id) => byId.get(id)).map(asParent);
    const authors = inferQuoteAuthors(message.segments, chain, found);
    if (authors.size > 0) result.set(anchor, authors);
  }
  return result;
}

function toLink(origin: QuoteOrigin, source: ProvenanceMessage): QuoteOriginLink {
  const name = source.from?.name || source.from?.address;
  const anchor = messageAnchor(source.messageId, source.dupIndex);
  const first = lineAnchor(anchor, origin.startLine + 1);
  return {
    href: `#${origin.endLine > origin.startLine ? `${first}-L${origin.endLine + 1}` : first}`,
    messageId: source.messageId,
    startLine: origin.startLine,
    endLine: origin.endLine,
    trimmed: origin.trimmed.length,
    ...(name ? { author: { name, ...(source.date ? { date: source.date } : {}) } } : {}),
  };
}

/** Duplicate Message-IDs: the first copy (lowest dupIndex) stands for the id. */
function firstCopies(messages: readonly ProvenanceMessage[]): Map<string, ProvenanceMessage> {
  const byId = new Map<string, ProvenanceMessage>();
  for (const m of [...messages].sort((a, b) => a.dupIndex - b.dupIndex))
    if (!byId.has(m.messageId)) byId.set(m.messageId, m);
  return byId;
}

/**
 * The message's ancestors within the thread, nearest first: In-Reply-To, then
 * References newest first, then (when References was trimmed by a client) the parents'
 * own In-Reply-To. The seen-set is the loop guard: forged headers can form cycles.
 */
function ancestorsOf(
  message: ProvenanceMessage,
  byId: ReadonlyMap<string, ProvenanceMessage>,
): ProvenanceMessage[] {
  const seen = new Set<string>([message.messageId]);
  const chain: ProvenanceMessage[] = [];
  const add = (id: string | null) => {
    if (id === null || seen.has(id) || chain.length >= MAX_PROVENANCE_ANCESTORS) return;
    seen.add(id);
    const found = byId.get(id);
    if (found) chain.push(found);
  };
  add(message.inReplyTo);
  for (let i = message.references.length - 1; i >= 0; i--) add(message.references[i]!);
  for (let i = 0; i < chain.length && chain.length < MAX_PROVENANCE_ANCESTORS; i++)
    add(chain[i]!.inReplyTo);
  return chain;
}
