import type { Segment } from '../types';
import type { QuoteBox } from '../segments/quote-tree';
import type { QuotedPassage } from './quote-provenance';
import { appendAll } from '../append-all';

/**
 * A quote box's key: its start and depth. The start alone is not enough: `> > text` at
 * the top of a quote opens a depth-1 box and a depth-2 box on the same line.
 */
export type QuoteBoxKey = `${number}:${number}`;

export function quoteBoxKey(box: { start: number; depth: number }): QuoteBoxKey {
  return `${box.start}:${box.depth}`;
}

// An attribution line names the next level, and a trim mark is the quoter's; matching
// either would send the link to `On ... wrote:` instead of the words quoted.
const NOT_OWN_WORDS = new Set<Segment['kind']>(['attribution', 'snip']);

/**
 * One passage per quote box: the box's own words at its depth. Nested boxes become a
 * blank line, so paragraphs on either side of a deeper quote are not glued together.
 */
export function quotePassages(root: QuoteBox): QuotedPassage[] {
  const passages: QuotedPassage[] = [];
  const stack: QuoteBox[] = [root];
  while (stack.length > 0) {
    const box = stack.pop()!;
    const lines: string[] = [];
    for (const item of box.children) {
      if (item.type === 'segment') {
        const own = !NOT_OWN_WORDS.has(item.segment.kind);
        appendAll(lines, own ? item.segment.lines : item.segment.lines.map(() => ''));
      } else {
        lines.push('');
        stack.push(item);
      }
    }
    if (box.depth > 0) passages.push({ start: box.start, depth: box.depth, lines });
  }
  return passages;
}
