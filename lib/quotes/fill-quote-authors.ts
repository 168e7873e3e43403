import type { Author, Segment } from '../types';
import { buildQuoteTree, type QuoteBox } from '../segments/quote-tree';
import {
  ancestorLines,
  findQuoteOrigins,
  type AncestorLines,
  type QuotedPassage,
} from './quote-provenance';
import { quoteBoxKey, quotePassages, type QuoteBoxKey } from './quote-passages';

/** A message up the parent chain, as the thread keeps it. */
export interface ChainMessage {
  messageId: string;
  body: string;
  /** Its own segments: who its attributions say wrote each of its quotes. */
  segments: readonly Segment[];
  /** Its sender, with the message's date: the author of its own words. */
  sender: Author;
  /** Its lines, parsed once (ancestorLines), when the caller keeps them across messages. */
  lines?: AncestorLines;
}

/**
 * Who wrote each quote box that no attribution names (box key → author), from the
 * thread. `chain` is the message's parents, nearest first, each the parent of the one
 * before (parentChain); `origins`, when the caller already ran provenance over the
 * whole thread, maps box keys to the sender of the ancestor the box was found in.
 * Without `origins`, provenance runs over the chain here. In order of trust:
 *
 * 1. provenance: the box's words are an ancestor's own words → that ancestor's sender;
 * 2. the chain quoted it: the words sit at depth d-k in the k-th parent (k < d), whose
 *    own attribution names their writer → that writer;
 * 3. the d-th parent, the one a depth-d quote comes from when nobody trimmed the chain,
 *    has the words as its own, even only short ones (`Thanks,`) → its sender.
 *
 * Anything else stays unknown: a quote of documentation or of a message outside the
 * thread must not be credited to whoever happens to sit d replies up.
 */
export function inferQuoteAuthors(
  segments: readonly Segment[],
  chain: readonly ChainMessage[],
  origins?: ReadonlyMap<QuoteBoxKey, Author>,
): Map<QuoteBoxKey, Author> {
  return inferForTree(buildQuoteTree(segments), chain, origins);
}

function inferForTree(
  root: QuoteBox,
  chain: readonly ChainMessage[],
  origins: ReadonlyMap<QuoteBoxKey, Author> | undefined,
): Map<QuoteBoxKey, Author> {
  const unnamed = unnamedBoxes(root);
  const found = new Map<QuoteBoxKey, Author>();
  if (unnamed.size === 0) return found;
  const passages = quotePassages(root).filter((p) => unnamed.has(quoteBoxKey(p)));
  const parents = chain.map((m) => ({ ...m, lines: m.lines ?? ancestorLines(m) }));
  const fromProvenance = origins ?? provenance(passages, parents);
  for (const passage of passages) {
    const key = quoteBoxKey(passage);
    const author = fromProvenance.get(key) ?? fromChain(passage, parents);
    if (author?.name) found.set(key, author);
  }
  return found;
}

// Rule 1 over the chain. Passages are matched under their index, since a box and the
// box nested at its first line share a start.
function provenance(
  passages: readonly QuotedPassage[],
  chain: readonly Parent[],
): Map<QuoteBoxKey, Author> {
  const senders = new Map(chain.map((m) => [m.messageId, m.sender]));
  const indexed = passages.map((p, i) => ({ ...p, start: i }));
  const found = new Map<QuoteBoxKey, Author>();
  for (const origin of findQuoteOrigins(
    indexed,
    chain.map((m) => m.lines),
  ))
    found.set(quoteBoxKey(passages[origin.passageStart]!), senders.get(origin.messageId)!);
  return found;
}

/** The segments with the authors inferQuoteAuthors finds; segments it does not name are kept as they are. */
export function fillQuoteAuthors(
  segments: readonly Segment[],
  chain: readonly ChainMessage[],
  origins?: ReadonlyMap<QuoteBoxKey, Author>,
): Segment[] {
  const root = buildQuoteTree(segments);
  const authors = inferForTree(root, chain, origins);
  if (authors.size === 0) return [...segments];
  const filled = new Map<Segment, Author>();
  const stack: QuoteBox[] = [root];
  while (stack.length > 0) {
    const box = stack.pop()!;
    const author = authors.get(quoteBoxKey(box));
    for (const item of box.children) {
      if (item.type === 'quote') stack.push(item);
      else if (author && !item.segment.author && item.segment.depth === box.depth)
        filled.set(item.segment, author);
    }
  }
  return segments.map((s) => {
    const author = filled.get(s);
    return author ? { ...s, author } : s;
  });
}

type Parent = ChainMessage & { lines: AncestorLines };

// Keys of the quote boxes no attribution names.
function unnamedBoxes(root: QuoteBox): Set<QuoteBoxKey> {
  const keys = new Set<QuoteBoxKey>();
  const stack: QuoteBox[] = [root];
  while (stack.length > 0) {
    const box = stack.pop()!;
    if (box.depth > 0 && !box.author?.name) keys.add(quoteBoxKey(box));
    for (const item of box.children) if (item.type === 'quote') stack.push(item);
  }
  return keys;
}

// Rules 2 and 3 for one passage at depth d: the k-th parent holds it at depth d-k.
// Provenance compares lines by their raw `>` depth; segments carry the depth after
// Outlook shifts, so authorAt checks both agree.
function fromChain(passage: QuotedPassage, chain: readonly Parent[]): Author | undefined {
  const d = passage.depth;
  for (let k = 1; k < d && k <= chain.length; k++) {
    const parent = chain[k - 1]!;
    const [origin] = findQuoteOrigins([passage], [parent.lines], { depth: d - k });
    const author = origin ? authorAt(parent.segments, origin.startLine, d - k) : undefined;
    if (author) return author;
  }
  // Short lines alone are common (`Thanks,`, `Hi,`): at least half of the passage's
  // lines must be the d-th parent's own.
  const origin = chain[d - 1];
  if (!origin) return undefined;
  const [weak] = findQuoteOrigins([passage], [origin.lines], { distinctive: false });
  const lines = passage.lines.filter((line) => line.trim() !== '').length;
  return weak && 2 * weak.matchedLines >= lines ? origin.sender : undefined;
}

// The author the message's own segments give body line `line`, if it is at that depth.
function authorAt(segments: readonly Segment[], line: number, depth: number): Author | undefined {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= line) lo = mid + 1;
    else hi = mid;
  }
  const segment = segments[lo - 1];
  return segment && segment.depth === depth && segment.start + segment.lines.length > line
    ? segment.author
    : undefined;
}
