/**
 * buildQuoteTree nests segments into boxes by quote depth, no deeper than
 * MAX_RENDERED_QUOTE_DEPTH: a quote 64 levels deep (what 10,000 `>` become) renders inside
 * the deepest box, keeping and showing its real depth.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_DEPTH, MAX_RENDERED_QUOTE_DEPTH } from '@/lib/limits';
import { buildQuoteTree, type QuoteBox, type QuoteItem } from '@/lib/segments/quote-tree';
import type { Segment } from '@/lib/types';
import { QuoteBoxView } from '@/components/segments/quote-box-view';

const prose = (depth: number, start: number): Segment => ({
  kind: 'prose',
  depth,
  start,
  lines: [`line at depth ${depth}`],
});

/** Every box of the tree with its nesting level, and the segments in reading order. */
function walk(root: QuoteBox): { boxes: [number, QuoteBox][]; segments: Segment[] } {
  const boxes: [number, QuoteBox][] = [];
  const segments: Segment[] = [];
  const stack: [number, QuoteItem][] = [[0, root]];
  while (stack.length > 0) {
    const [level, item] = stack.pop()!;
    if (item.type === 'segment') {
      segments.push(item.segment);
      continue;
    }
    boxes.push([level, item]);
    for (let i = item.children.length - 1; i >= 0; i--) stack.push([level + 1, item.children[i]!]);
  }
  return { boxes, segments };
}

describe('buildQuoteTree at depth 64', () => {
  // Own words, then one line at each depth 1..64, then back out to 2 and to own words.
  const depths = [0, ...Array.from({ length: MAX_QUOTE_DEPTH }, (_, i) => i + 1), 2, 0];
  const segments = depths.map((d, i) => prose(d, i));
  const tree = buildQuoteTree(segments);
  const { boxes, segments: inOrder } = walk(tree);

  it('nests boxes no deeper than MAX_RENDERED_QUOTE_DEPTH', () => {
    expect(MAX_QUOTE_DEPTH).toBe(64);
    expect(Math.max(...boxes.map(([, b]) => b.depth))).toBe(MAX_RENDERED_QUOTE_DEPTH);
    // Each box sits at its own depth below the root: depth and nesting agree.
    for (const [level, box] of boxes) expect(box.depth).toBe(level);
  });

  it('puts every deeper segment in the deepest box, in order, with its real depth', () => {
    const deepest = boxes.find(([, b]) => b.depth === MAX_RENDERED_QUOTE_DEPTH)![1];
    const inside = deepest.children.map((c) => (c.type === 'segment' ? c.segment.depth : -1));
    expect(inside).toEqual(
      Array.from(
        { length: MAX_QUOTE_DEPTH - MAX_RENDERED_QUOTE_DEPTH + 1 },
        (_, i) => i + MAX_RENDERED_QUOTE_DEPTH,
      ),
    );
    expect(deepest.lineCount).toBe(MAX_QUOTE_DEPTH - MAX_RENDERED_QUOTE_DEPTH + 1);
  });

  it('loses no segment and keeps reading order', () => {
    expect(inOrder).toEqual(segments);
    expect(tree.lineCount).toBe(segments.length);
    // After depth 64 the message steps back out to depth 2: into the depth-2 box still
    // open, after the deeper boxes, not into the deepest one.
    const two = boxes.filter(([, b]) => b.depth === 2);
    expect(two).toHaveLength(1);
    const last = two[0]![1].children.at(-1)!;
    expect(last.type === 'segment' && last.segment.start).toBe(depths.length - 2);
  });

  it('renders the deeper segments inside the deepest box, each labelled with its depth', () => {
    const html = renderToStaticMarkup(
      createElement(QuoteBoxView, {
        box: tree,
        ctx: { anchor: 'm-0123456789', highlights: new Map(), links: {} },
        foldFrom: Infinity,
      }),
    );
    expect(html.match(/<details class="tl-quote/g)).toHaveLength(MAX_RENDERED_QUOTE_DEPTH);
    for (let d = MAX_RENDERED_QUOTE_DEPTH + 1; d <= MAX_QUOTE_DEPTH; d++) {
      expect(html).toContain(`data-depth="${d}"`);
      expect(html).toContain(`depth ${d}</span>`);
    }
    expect(html).toContain('line at depth 64');
  });
});
