import type { QuotedLine } from './parse-quotes';
import { MAX_WRAPPED_TAIL_CHARS, MIN_WRAPPED_LINE_CHARS, WRAP_WIDTH } from '../limits';

// An inline answer, not a wrapped tail: `Yes.`, `No, ...`, `Agreed`, `Why?`, `Acked-by: ...`.
// Example: `Right, will fix in v2.` / `Reviewed-by: A <a@b>`.
const RE_ANSWER_START =
  /^(?:yes|no|nope|ok|okay|agreed|right|correct|indeed|thanks|thank you|sure|nak|ack|done|fixed|why|what|how|i|i'm|i'd|i'll|we|we'll|hmm+|good|true|exactly|makes sense)\b/i;
// Trailers (`Reviewed-by: Name <addr>`) are always the replier's own words.
const RE_TRAILER = /^[A-Z][A-Za-z-]*-by: /;
// A whole sentence of its own (`The value is fine.`) is an answer, not the end of one.
const RE_WHOLE_SENTENCE = /^[A-Z][a-z']*\s.*[.!?]$/;
// A tail that starts a new sentence after a blank-terminated paragraph must look like
// a continuation: lowercase, a digit, or punctuation such as `(`, `<`, `-`.
const RE_CONTINUATION_START = /^[a-z0-9(<\-'"`[{/.,;:_$%&*+=]/;

/**
 * Give a quoted paragraph's depth back to an unmarked line that is the broken-wrapped
 * tail of the quoted line above it: a client re-wrapped `> long line ... tail` at ~72
 * columns and put `tail` on a line of its own without markers. Deliberately
 * conservative, because getting it wrong hides a real one-line inline answer: the line
 * above must be long, joining the first word back must overflow the wrap width, the
 * line must be short, the next line must be quoted at the same depth (or blank, and
 * then the tail must read as a continuation), and it must not read like an answer.
 */
export function joinWrappedTails(lines: readonly string[], quoted: QuotedLine[]): void {
  for (let i = 1; i < quoted.length; i++) {
    const q = quoted[i]!;
    const prev = quoted[i - 1]!;
    if (q.marker !== '' || prev.depth === 0 || prev.text.trim() === '') continue;
    const text = q.text.trim();
    if (text === '' || text.length > MAX_WRAPPED_TAIL_CHARS) continue;
    const prevRaw = lines[i - 1]!;
    if (prevRaw.length < MIN_WRAPPED_LINE_CHARS || prevRaw.trimEnd().endsWith('?')) continue;
    const firstWord = text.split(' ', 1)[0]!;
    if (prevRaw.trimEnd().length + 1 + firstWord.length <= WRAP_WIDTH) continue;
    if (RE_ANSWER_START.test(text) || RE_TRAILER.test(text) || RE_WHOLE_SENTENCE.test(text))
      continue;
    if (text.endsWith('?') || text.endsWith('!')) continue;
    const next = quoted[i + 1];
    const nextBlank = next === undefined || (next.marker === '' && next.text.trim() === '');
    const nextSameDepth = next !== undefined && next.marker !== '' && next.depth === prev.depth;
    if (!nextSameDepth && !(nextBlank && RE_CONTINUATION_START.test(text))) continue;
    quoted[i] = { depth: prev.depth, text: q.text, marker: '' };
  }
}
