import { MAX_QUOTE_DEPTH } from '../limits';
import { markPipeQuotes } from './pipe-quotes';
import { joinWrappedTails } from './join-wrapped-tails';

/** One body line split into its quote depth, its markers and its text. */
export interface QuotedLine {
  /** Number of quote markers, capped at MAX_QUOTE_DEPTH. */
  depth: number;
  /** The line without markers and without the one space after the last marker. */
  text: string;
  /** The stripped prefix exactly as written (`> >> `), '' for unmarked lines. */
  marker: string;
}

/**
 * Read the quote markers of one line. `>`, `> >`, `>>`, `> >>`, `>> >`, `>  >`
 * all count every `>`, whatever the spacing, so clients that mix `>>` (mutt) and
 * `> >` (Gmail re-quoting) agree. A hand-written scan, not a regex, so a line of
 * 10,000 `>` or 1 MB of `> ` costs one pass.
 */
export function splitQuoteMarker(line: string): QuotedLine {
  let count = 0;
  let end = 0; // index just after the last `>`
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x3e /* > */) {
      count++;
      end = i + 1;
    } else if (c !== 0x20 && c !== 0x09) break;
  }
  if (count === 0) return { depth: 0, text: line, marker: '' };
  // RFC 3676 quoting puts one space after the markers; it is part of the marker.
  if (line.charCodeAt(end) === 0x20 || line.charCodeAt(end) === 0x09) end++;
  return {
    depth: Math.min(count, MAX_QUOTE_DEPTH),
    text: line.slice(end),
    marker: line.slice(0, end),
  };
}

/**
 * Per body line: quote depth, text and marker. `>` markers first, then blocks quoted
 * with `|` (some Usenet-era clients), then unmarked lines that are really the tail of a
 * quoted line a client wrapped without re-quoting.
 */
export function parseQuotes(lines: readonly string[]): QuotedLine[] {
  const quoted = lines.map(splitQuoteMarker);
  markPipeQuotes(lines, quoted);
  joinWrappedTails(lines, quoted);
  return quoted;
}
