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

/**
 * An ancestor read once: its lines split by quote depth on first use, and indexed per
 * depth as asked. Callers that match many passages against one message over time (a
 * thread, a parse run) keep it, so the message is parsed once, not once per quote.
 */
export interface AncestorLines {
  messageId: string;
  at(depth: number): AncestorIndex;
}

interface AncestorIndex {
  messageId: string;
  /** Own (depth-0, or the depth asked for) non-blank lines: normalised text → ascending line numbers. */
  lines: Map<string, number[]>;
  /** Own paragraphs unwrapped into one normalised string → their line numbers. */
  paragraphs: Map<string, number[]>;
  own: number[];
}

/** How findQuoteOrigins compares. The defaults find where a quote was first written. */
export interface MatchOptions {
  /**
   * Quote depth of the ancestor lines compared (by their `>` markers): 0, its own words,
   * or d to find a passage the ancestor itself quoted d levels deep.
   */
  depth?: number;
  /**
   * Whether a match needs a distinctive line (MIN_DISTINCTIVE_CHARS) or paragraph. Off,
   * any non-blank line will do (`Thanks,`): only for a caller that already knows which
   * message the quote should come from.
   */
  distinctive?: boolean;
}

/**
 * Link quoted passages to the lines of the ancestor message where they were written
 * (its own, unquoted text). Lines are compared after whitespace normalisation, and
 * whole paragraphs after unwrapping, since the quoting client may have re-wrapped
 * them. Hash indexes keep it linear in the total size (plus a log factor for lookups).
 * On a tie the earlier ancestor wins.
 */
export function findQuoteOrigins(
  quotedPassages: readonly QuotedPassage[],
  ancestors: readonly (AncestorMessage | AncestorLines)[],
  options: MatchOptions = {},
): QuoteOrigin[] {
  const depth = options.depth ?? 0;
  const distinctive = options.distinctive ?? true;
  const indexes = ancestors.map((a) => ('at' in a ? a : ancestorLines(a)).at(depth));
  const origins: QuoteOrigin[] = [];
  for (const passage of quotedPassages) {
    if (passage.depth === 0) continue;
    let best: QuoteOrigin | null = null;
    for (const index of indexes) {
      const origin = matchPassage(passage, index, distinctive);
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

/** The ancestor, parsed on the first `at()`; each depth indexed on its first `at()`. */
export function ancestorLines(ancestor: AncestorMessage): AncestorLines {
  let byDepth: Map<number, NumberedLine[]> | null = null;
  const indexes = new Map<number, AncestorIndex>();
  return {
    messageId: ancestor.messageId,
    at(depth) {
      let index = indexes.get(depth);
      if (!index) {
        byDepth ??= linesByDepth(ancestor.body);
        index = indexLines(ancestor.messageId, byDepth.get(depth) ?? []);
        indexes.set(depth, index);
      }
      return index;
    },
  };
}

// Non-blank lines, normalised, grouped by their `>` depth.
function linesByDepth(body: string): Map<number, NumberedLine[]> {
  const byDepth = new Map<number, NumberedLine[]>();
  parseQuotes(body.split(/\r?\n/)).forEach((q, line) => {
    const text = normalise(q.text);
    if (text === '') return;
    const list = byDepth.get(q.depth);
    if (list) list.push({ line, text });
    else byDepth.set(q.depth, [{ line, text }]);
  });
  return byDepth;
}

function indexLines(messageId: string, own: readonly NumberedLine[]): AncestorIndex {
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
  return { messageId, lines, paragraphs, own: own.map((o) => o.line) };
}

function matchPassage(
  passage: QuotedPassage,
  index: AncestorIndex,
  needDistinctive: boolean,
): QuoteOrigin | null {
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
  if (matched.length === 0 || (needDistinctive && distinctive === 0)) return null;
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
