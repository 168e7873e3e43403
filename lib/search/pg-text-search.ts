/**
 * Full-text search on PostgreSQL, made to answer exactly as SQLite's FTS5 index does
 * (lib/store/search-index.ts): the pure half. PostgreSQL's own parser and dictionaries
 * never see mail text or query words. Words are cut here, the way FTS5's `unicode61
 * remove_diacritics 2` tokenizer cuts them, and handed over as tsvector and tsquery
 * literals, which PostgreSQL stores and matches as given. So a word is a word in both
 * stores, and the same query matches the same messages.
 *
 * The index (lib/store/pg/migrations.ts) has two tsvectors per message. A weight stands
 * for each FTS5 column: `doc_main` holds the subject (A), own words (B), quoted lines (C)
 * and the sender (D); `doc_addr` holds To (A) and Cc (B). Positions run on across the
 * columns of a document with a gap, so a phrase never spans two columns (FTS5 matches a
 * phrase within one column).
 */
import type { IndexFields } from './index-fields';
import type { QueryNode, SearchField } from './query-types';
import { FOLD_RUNS, SEPARATOR_RANGES, VANISHING } from './pg-unicode61-tables';

// --- The tokenizer: unicode61 with remove_diacritics 2, as SQLite builds it.

/*
 * unicode61 classifies and folds code points by Unicode 6.1 tables compiled into SQLite,
 * not by today's Unicode: a letter assigned later (a new CJK extension) is a separator
 * in JavaScript's \p{L} but a token character to FTS5, which counts every code point
 * unassigned in 6.1 as one; it lowercases by 6.1 and strips diacritics from Latin
 * letters only (`é` → `e`, but Greek `ά` stays). pg-unicode61-tables.ts holds those
 * tables as SQLite reports them; tests/unit/search/pg-unicode61.test.ts checks every
 * code point against FTS5 itself and regenerates the file.
 */

/** Folded form of every code point that changes: lowercased, Latin diacritics removed. */
const FOLD = new Map<number, string>();
for (let i = 0; i + 3 < FOLD_RUNS.length; i += 4) {
  const [start, count, step, delta] = FOLD_RUNS.slice(i, i + 4) as [number, number, number, number];
  for (let k = 0; k < count; k++) {
    FOLD.set(start + k * step, String.fromCodePoint(start + k * step + delta));
  }
}
// Combining diacritics are token characters that fold to nothing: `e\u0301` is `e`.
for (const cp of VANISHING) FOLD.set(cp, '');

function isSeparator(cp: number): boolean {
  // SEPARATOR_RANGES is sorted [start, end] pairs, flattened: binary search.
  let lo = 0;
  let hi = SEPARATOR_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < SEPARATOR_RANGES[2 * mid]!) hi = mid - 1;
    else if (cp > SEPARATOR_RANGES[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/** A code point as the tokenizer sees it: null for a separator, else its folded text. */
function foldCodePoint(cp: number): string | null {
  return isSeparator(cp) ? null : (FOLD.get(cp) ?? String.fromCodePoint(cp));
}

/** The fast path: most mail text is ASCII. */
const ASCII: readonly (string | null)[] = Array.from({ length: 128 }, (_, cp) => foldCodePoint(cp));

/**
 * The tokens FTS5 indexes for `text`, in order. A lone surrogate counts as the U+FFFD
 * it becomes in UTF-8 (a separator); a token of vanishing diacritics alone is no token
 * and takes no position, as in FTS5.
 */
export function unicode61Tokens(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let cp = text.charCodeAt(i);
    let folded: string | null;
    if (cp < 128) folded = ASCII[cp]!;
    else {
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < n) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      folded = foldCodePoint(cp);
    }
    if (folded !== null) cur += folded;
    else if (cur) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

// --- PostgreSQL's tsvector limits, and how the index stays inside them.

/** PostgreSQL rejects a lexeme of 2047 bytes or more ("word is too long"). */
export const MAX_LEXEME_BYTES = 2046;

/** Positions PostgreSQL keeps per lexeme (MAXNUMPOS); it silently drops the rest. */
const MAX_POSITIONS_PER_LEXEME = 256;

/**
 * Positions up to this one are given out in order; PostgreSQL clamps every position to
 * 16383, which would merge the words past it into one position (and one weight).
 */
export const LAST_POSITION = 16375;

/**
 * Words past LAST_POSITION still go in, at one position per weight: single words stay
 * findable in the right field of a long patch; phrases there are not (see the docs).
 * The slots are two apart, and two past LAST_POSITION, so no two are ever adjacent.
 */
const OVERFLOW_SLOT: Record<Weight, number> = { D: 16377, C: 16379, B: 16381, A: 16383 };

/**
 * Bytes of lexemes and positions in one tsvector: PostgreSQL refuses more than 1 MiB
 * ("string is too long for tsvector"). Past this budget new words are left out, so a
 * message of a megabyte of distinct words still stores; its later new words are not
 * searchable on PostgreSQL.
 */
export const MAX_TSVECTOR_BYTES = 1_000_000;

type Weight = 'A' | 'B' | 'C' | 'D';

function utf8Length(s: string): number {
  // Every UTF-16 unit is at most 3 bytes; the exact count only matters near the limits.
  return s.length * 3 <= MAX_LEXEME_BYTES ? s.length : Buffer.byteLength(s, 'utf8');
}

/**
 * A token cut to what PostgreSQL accepts, at a code point boundary. Queries cut theirs
 * the same way, so a longer token is still found (with any token sharing its first 2046
 * bytes; FTS5 cuts at 32768).
 */
export function lexemeOf(token: string): string {
  if (utf8Length(token) <= MAX_LEXEME_BYTES) return token;
  let bytes = 0;
  let end = 0;
  for (const ch of token) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > MAX_LEXEME_BYTES) break;
    end += ch.length;
  }
  return token.slice(0, end);
}

/** A lexeme as a tsvector or tsquery literal: quoted, `'` doubled, `\` escaped. */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

interface Entry {
  positions: number[];
  weights: Weight[];
  /** Bit sets of the weights and of the overflow slots present (checked per token). */
  seen: number;
  slots: number;
}

const WEIGHT_BIT: Record<Weight, number> = { A: 1, B: 2, C: 4, D: 8 };

/**
 * A tsvector literal of these columns, in order, each with its weight. PostgreSQL stores
 * it as given; the caps above keep it valid whatever the message holds.
 */
export function tsvectorLiteral(
  columns: readonly (readonly [text: string, weight: Weight])[],
): string {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let next = 1;
  for (const [text, weight] of columns) {
    for (const token of unicode61Tokens(text)) {
      const lexeme = lexemeOf(token);
      const overflow = next > LAST_POSITION;
      const position = overflow ? OVERFLOW_SLOT[weight] : next++;
      const bit = WEIGHT_BIT[weight];
      const e = entries.get(lexeme);
      if (!e) {
        // The lexeme, alignment, its position count and one position.
        const cost = utf8Length(lexeme) + 5;
        if (bytes + cost > MAX_TSVECTOR_BYTES) continue;
        bytes += cost;
        entries.set(lexeme, {
          positions: [position],
          weights: [weight],
          seen: bit,
          slots: overflow ? bit : 0,
        });
        continue;
      }
      if (e.positions.length >= MAX_POSITIONS_PER_LEXEME || bytes + 2 > MAX_TSVECTOR_BYTES) {
        continue;
      }
      // The last few positions are kept for weights not yet seen, so `s:` or `q:` still
      // finds a word that fills its first 252 positions elsewhere.
      if (e.positions.length >= MAX_POSITIONS_PER_LEXEME - 4 && e.seen & bit) continue;
      if (overflow && e.slots & bit) continue;
      e.positions.push(position);
      e.weights.push(weight);
      e.seen |= bit;
      if (overflow) e.slots |= bit;
      bytes += 2;
    }
    next++; // the gap between columns
  }
  const out: string[] = [];
  for (const [lexeme, e] of entries) {
    const order = e.positions.map((_, i) => i).sort((a, b) => e.positions[a]! - e.positions[b]!);
    const list = order.map((i) => `${e.positions[i]}${e.weights[i] === 'D' ? '' : e.weights[i]}`);
    out.push(`${quoteLexeme(lexeme)}:${list.join(',')}`);
  }
  return out.join(' ');
}

/** The two tsvector literals of a message, from the text FTS5 indexes for it. */
export function searchDocs(f: IndexFields): { docMain: string; docAddr: string } {
  return {
    // The sender comes second, not last: a huge body must not push it past LAST_POSITION.
    docMain: tsvectorLiteral([
      [f.subject, 'A'],
      [f.sender, 'D'],
      [f.bodyOwn, 'B'],
      [f.bodyQuoted, 'C'],
    ]),
    docAddr: tsvectorLiteral([
      [f.toAddr, 'A'],
      [f.ccAddr, 'B'],
    ]),
  };
}

// --- Queries.

export type SearchDoc = 'doc_main' | 'doc_addr';

/**
 * Where each field looks, as weights of a document ('' for all of it): the twin of
 * compile-query.ts's FIELD_COLUMNS.
 */
const FIELD_TARGETS: Record<SearchField, readonly (readonly [SearchDoc, string])[]> = {
  any: [
    ['doc_main', ''],
    ['doc_addr', ''],
  ],
  subject: [['doc_main', 'A']],
  from: [['doc_main', 'D']],
  to: [['doc_addr', 'A']],
  cc: [['doc_addr', 'B']],
  toCc: [['doc_addr', 'AB']],
  address: [
    ['doc_main', 'D'],
    ['doc_addr', 'AB'],
  ],
  body: [['doc_main', 'BC']],
  subjectBody: [['doc_main', 'ABC']],
  own: [['doc_main', 'B']],
  quoted: [['doc_main', 'C']],
};

/** One tsquery a term is matched with: the term matches when any of its targets does. */
export interface TermQuery {
  doc: SearchDoc;
  /** A tsquery literal, passed as a bound parameter and cast (`$1::tsquery`). */
  tsquery: string;
}

/**
 * A term's tsqueries: its words in sequence (`'a' <-> 'b'`, FTS5's phrase, which any
 * term of several tokens is, quoted or not), weighted for its field, the last word a
 * prefix (`:*`) for `word*`. Null when the text has no token: FTS5 matches nothing for
 * an empty phrase, and the caller writes FALSE, which AND, OR and NOT treat as FTS5 does.
 */
export function termQueries(node: Extract<QueryNode, { type: 'term' }>): TermQuery[] | null {
  const lexemes = unicode61Tokens(node.text).map(lexemeOf);
  if (lexemes.length === 0) return null;
  return FIELD_TARGETS[node.field].map(([doc, weights]) => ({
    doc,
    tsquery: lexemes
      .map((lexeme, i) => {
        const flags = (node.prefix && i === lexemes.length - 1 ? '*' : '') + weights;
        return flags ? `${quoteLexeme(lexeme)}:${flags}` : quoteLexeme(lexeme);
      })
      .join(' <-> '),
  }));
}
