import type { QueryNode, SearchField } from './query-types';
import type { SnippetPart } from './snippet-parts';
import { MAX_SNIPPET_SCAN_CHARS } from '../limits';

/**
 * Search snippets, made here rather than by FTS5's snippet(): snippet() re-runs the
 * whole query for each result row, and a prefix query (`lock*`) rebuilds its merged
 * doclist every time, about 100 ms per row at a million messages. Finding the words of
 * a query in twenty texts costs next to nothing. Words are matched the way the index's
 * tokenizer (unicode61, remove_diacritics 2) cut them: runs of letters and digits,
 * case and accents folded.
 */

/** A word of the query to mark: whole, or (`prefix`) as the start of a word. */
export interface SnippetTerm {
  word: string;
  prefix: boolean;
}

/** Fields whose words can appear in a body (the snippet shows the body). */
const BODY_FIELDS: ReadonlySet<SearchField> = new Set([
  'any',
  'body',
  'subjectBody',
  'own',
  'quoted',
]);

const RE_TOKEN = /[\p{L}\p{N}\p{M}]+/gu;
const RE_MARKS = /\p{M}/gu;

/** A token as the index keeps it. */
export const foldWord = (word: string) => word.normalize('NFD').replace(RE_MARKS, '').toLowerCase();

/** The words a query looks for in bodies: every term not under NOT; phrases word by word. */
export function snippetTerms(root: QueryNode): SnippetTerm[] {
  const out: SnippetTerm[] = [];
  const stack: QueryNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'and' || node.type === 'or') stack.push(...node.children);
    else if (node.type === 'term' && BODY_FIELDS.has(node.field)) {
      const words = [...node.text.matchAll(RE_TOKEN)].map((m) => foldWord(m[0]));
      words.forEach((word, i) => {
        if (word) out.push({ word, prefix: node.prefix && i === words.length - 1 });
      });
    }
  }
  return out;
}

interface Token {
  start: number;
  end: number;
  hit: boolean;
}

function tokens(text: string, terms: readonly SnippetTerm[]): Token[] {
  const whole = new Set(terms.filter((t) => !t.prefix).map((t) => t.word));
  const prefixes = terms.filter((t) => t.prefix).map((t) => t.word);
  const out: Token[] = [];
  for (const m of text.slice(0, MAX_SNIPPET_SCAN_CHARS).matchAll(RE_TOKEN)) {
    const word = foldWord(m[0]);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      hit: whole.has(word) || prefixes.some((p) => word.startsWith(p)),
    });
  }
  return out;
}

/** Tokens shown before the first hit of the chosen window, for context. */
const LEAD_TOKENS = 3;

/**
 * The window of `size` tokens of `text` holding the most hits (the earliest of equals),
 * as parts; null when no token is a hit.
 */
function bestWindow(text: string, toks: readonly Token[], size: number): SnippetPart[] | null {
  const hits = toks.flatMap((t, i) => (t.hit ? [i] : []));
  if (hits.length === 0) return null;
  let best = 0;
  let bestCount = 0;
  let j = 0;
  for (let i = 0; i < hits.length; i++) {
    // Hits in [hits[i], hits[i] + size - LEAD_TOKENS): two pointers, linear overall.
    if (j < i) j = i;
    while (j + 1 < hits.length && hits[j + 1]! < hits[i]! + size - LEAD_TOKENS) j++;
    if (j - i + 1 > bestCount) {
      bestCount = j - i + 1;
      best = i;
    }
  }
  // Near the end, the window moves back to stay full (a short text is shown whole).
  const from = Math.max(0, Math.min(hits[best]! - LEAD_TOKENS, toks.length - size));
  return render(text, toks, from, Math.min(toks.length, from + size));
}

function render(text: string, toks: readonly Token[], from: number, to: number): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (t: string, hit: boolean) => {
    if (!t) return;
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.text += t;
    else parts.push({ text: t, hit });
  };
  if (from > 0) push('…', false);
  let at = toks[from]!.start;
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    push(text.slice(at, t.start), false);
    push(text.slice(t.start, t.end), t.hit);
    at = t.end;
  }
  if (to < toks.length) push('…', false);
  else push(text.slice(at).trimEnd(), false);
  return parts;
}

/**
 * A result's snippet: `size` tokens around the densest hits of its own words, else of its
 * quoted lines, else the start of its own words (or quoted lines when it has none).
 */
export function makeSnippet(
  own: string,
  quoted: string,
  terms: readonly SnippetTerm[],
  size: number,
): SnippetPart[] {
  const ownTokens = tokens(own, terms);
  const quotedTokens = tokens(quoted, terms);
  const found = bestWindow(own, ownTokens, size) ?? bestWindow(quoted, quotedTokens, size);
  if (found) return found;
  if (ownTokens.length) return render(own, ownTokens, 0, Math.min(ownTokens.length, size));
  if (quotedTokens.length)
    return render(quoted, quotedTokens, 0, Math.min(quotedTokens.length, size));
  return [];
}
