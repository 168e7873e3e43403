import type { Author, Segment } from '../types';
import { MAX_RENDERED_QUOTE_DEPTH } from '../limits';

export interface QuoteBox {
  type: 'quote';
  depth: number;
  /** Author of the passages at this depth, from the first segment that names one. */
  author?: Author;
  /** Body lines inside this box, nested boxes included. */
  lineCount: number;
  /** Body index of the first line inside the box: the box's anchor position. */
  start: number;
  children: QuoteItem[];
}

export type QuoteItem = QuoteBox | { type: 'segment'; segment: Segment };

/**
 * Nest a message's flat segments into boxes by quote depth, so each level can fold
 * and wear its own rail. Iterative, so 10,000 quote levels cannot overflow the stack.
 */
export function buildQuoteTree(segments: readonly Segment[]): QuoteBox {
  const root: QuoteBox = { type: 'quote', depth: 0, lineCount: 0, start: 0, children: [] };
  const stack: QuoteBox[] = [root];
  for (const segment of segments) {
    const depth = Math.min(segment.depth, MAX_RENDERED_QUOTE_DEPTH);
    while (stack.length > 1 && stack[stack.length - 1]!.depth > depth) stack.pop();
    while (stack[stack.length - 1]!.depth < depth) {
      const box: QuoteBox = {
        type: 'quote',
        depth: stack[stack.length - 1]!.depth + 1,
        lineCount: 0,
        start: segment.start,
        children: [],
      };
      stack[stack.length - 1]!.children.push(box);
      stack.push(box);
    }
    const top = stack[stack.length - 1]!;
    if (!top.author && segment.author && segment.kind !== 'attribution')
      top.author = segment.author;
    top.children.push({ type: 'segment', segment });
    for (const box of stack) box.lineCount += segment.lines.length;
  }
  return root;
}
