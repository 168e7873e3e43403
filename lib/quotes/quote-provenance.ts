import { parseQuotes } from './parse-quotes';
import { appendAll } from '../append-all';

/** A passage quoted in a message: a segment's `start`, `depth` and `lines` will do. */
export interface QuotedPassage {
  start: number;
  depth: number;
  lines: readonly string[];
}

/** A message of the same thread the quote may come from (nearest ancestor first). */
export interface AncestorMessage {
  messageId: string;
  body: string;
}

/** Where a quoted passage was first written. Line numbers are body line indexes. */
export interface QuoteOrigin {
  /** `start` of the quoted passage this origin is for. */
  passageStart: number;
  messageId: string;
  /** First and last (inclusive) lines of the original that the quote reproduces. */
  startLine: number;
  endLine: number;
  /** Non-blank passage lines found in the original. */
  matchedLines: number;
  /** The original's own non-blank lines between startLine and endLine that the quote left out. */
  trimmed: number[];
}

// Lines shorter than this (`}`, `Thanks,`) are too common to say where a quote comes from.
const MIN_DISTINCTIVE_CHARS = 12;

interface AncestorIndex {
  messageId: string;
  /** Own (depth-0) non-blank lines: normalised text → ascending line numbers. */
  lines: Map<string, number[]>;
  /** Own paragraphs unwrapped into one normalised string → their line numbers. */
  paragraphs: Map<string, number[]>;
  own: number[];
}

/**
 * Link quoted passages to the lines of the ancestor message where they were written
 * (its own, unquoted text). Lines are compared after whitespace normalisation, and
 * whole paragraphs after unwrapping, since the quoting client may have re-wrapped
 * them. Hash indexes keep it linear in the total size (plus a log factor for lookups).
 */
export function findQuoteOrigins(
  quotedPassages: readonly QuotedPassage[],
  ancestors: readonly AncestorMessage[],
): QuoteOrigin[] {
  const indexes = ancestors.map(indexAncestor);
  const origins: QuoteOrigin[] = [];
  for (const passage of quotedPassages) {
    if (passage.depth === 0) continue;
    let best: QuoteOrigin | null = null;
    for (const index of indexes) {
      const origin = matchPassage(passage, index);
      if (origin && (!best || origin.matchedLines > best.matchedLines)) best = origin;
    }
    if (best) origins.push(best);
  }
  return origins;
}

function normalise(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

interface NumberedLine {
  line: number;
  text: string;
}

// Runs of consecutive non-blank lines, unwrapped into one string.
function paragraphsOf(texts: readonly NumberedLine[]): { lines: NumberedLine[]; text: string }[] {
  const paragraphs: { lines: NumberedLine[]; text: string }[] = [];
  let current: NumberedLine[] = [];
  const flush = () => {
    if (current.length > 0)
      paragraphs.push({ lines: current, text: current.map((l) => l.text).join(' ') });
    current = [];
  };
  for (const numbered of texts) {
    if (current.length > 0 && numbered.line !== current[current.length - 1]!.line + 1) flush();
    current.push(numbered);
  }
  flush();
  return paragraphs;
}

function indexAncestor(ancestor: AncestorMessage): AncestorIndex {
  const own: NumberedLine[] = [];
  parseQuotes(ancestor.body.split(/\r?\n/)).forEach((q, line) => {
    const text = normalise(q.text);
    if (q.depth === 0 && text !== '') own.push({ line, text });
  });
  const lines = new Map<string, number[]>();
  for (const { line, text } of own) {
    const list = lines.get(text);
    if (list) list.push(line);
    else lines.set(text, [line]);
  }
  const paragraphs = new Map<string, number[]>();
  for (const p of paragraphsOf(own))
    if (p.lines.length > 1 && !paragraphs.has(p.text))
      paragraphs.set(
        p.text,
        p.lines.map((l) => l.line),
      );
  return { messageId: ancestor.messageId, lines, paragraphs, own: own.map((o) => o.line) };
}

function matchPassage(passage: QuotedPassage, index: AncestorIndex): QuoteOrigin | null {
  const quoted = passage.lines
    .map((text, i) => ({ line: i, text: normalise(text) }))
    .filter((q) => q.text !== '');
  const matched: number[] = [];
  let distinctive = 0;
  let last = -1;
  for (const p of paragraphsOf(quoted)) {
    const whole = index.paragraphs.get(p.text);
    if (whole && whole[0]! > last) {
      appendAll(matched, whole);
      // A whole re-wrapped paragraph is distinctive unless it is a short sign-off (`Thanks, Luc`).
      if (p.text.length >= 2 * MIN_DISTINCTIVE_CHARS) distinctive += p.lines.length;
      last = whole[whole.length - 1]!;
      continue;
    }
    for (const { text } of p.lines) {
      const at = firstAfter(index.lines.get(text), last);
      if (at === undefined) continue;
      matched.push(at);
      last = at;
      if (text.length >= MIN_DISTINCTIVE_CHARS) distinctive++;
    }
  }
  if (distinctive === 0) return null;
  const startLine = matched[0]!;
  const endLine = matched[matched.length - 1]!;
  const kept = new Set(matched);
  const trimmed: number[] = [];
  for (let k = firstAfterIndex(index.own, startLine - 1); k < index.own.length; k++) {
    const line = index.own[k]!;
    if (line > endLine) break;
    if (!kept.has(line)) trimmed.push(line);
  }
  return {
    passageStart: passage.start,
    messageId: index.messageId,
    startLine,
    endLine,
    matchedLines: matched.length,
    trimmed,
  };
}

// The first line number in an ascending list greater than `after` (binary search).
function firstAfter(list: readonly number[] | undefined, after: number): number | undefined {
  return list ? list[firstAfterIndex(list, after)] : undefined;
}

function firstAfterIndex(list: readonly number[], after: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
