/**
 * Signatures and list footers fold by default: a closed native <details>, so they stay out
 * of the way without JavaScript, opened server-side when `?hl=` points inside.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { segmentBody } from '@/lib/segments/segment-body';
import { buildQuoteTree } from '@/lib/segments/quote-tree';
import { QuoteBoxView } from '@/components/segments/quote-box-view';
import type { SegmentContext } from '@/components/segments/segment-view';
import { readCase } from './read-fixture';

const ANCHOR = 'm-0123456789';

// signatures.txt: Randy's quoted `--` signature on body lines 4-6 (depth 1), then the
// sender's words and a vger footer on lines 10-13 (depth 0).
function render(target?: SegmentContext['target']): string {
  const segments = segmentBody(readCase('signatures'), { name: 'Me' });
  const ctx: SegmentContext = {
    anchor: ANCHOR,
    highlights: new Map(),
    links: {},
    ...(target ? { target } : {}),
  };
  return renderToStaticMarkup(
    createElement(QuoteBoxView, { box: buildQuoteTree(segments), ctx, foldFrom: 3 }),
  );
}

/** Each signature <details>: its opening tag and its summary text. */
function signatures(html: string): { tag: string; summary: string }[] {
  return [
    ...html.matchAll(/(<details[^>]*tl-signature[^>]*>)<summary[^>]*>([^<]*)<\/summary>/g),
  ].map((m) => ({ tag: m[1]!, summary: m[2]! }));
}

describe('signature segments in the thread page', () => {
  it('fold into closed <details> saying what they are and how long', () => {
    const found = signatures(render());
    expect(found.map((s) => s.summary)).toEqual(['signature, 3 lines', 'list footer, 4 lines']);
    for (const { tag } of found) {
      expect(tag).not.toMatch(/\sopen/);
      expect(tag).toContain('data-kind="signature"');
    }
    expect(found[0]!.tag).toContain(`id="${ANCHOR}-S4"`);
  });

  it('keep their line anchors inside the fold, so a permalink can open it', () => {
    const html = render();
    const footer = html.slice(html.lastIndexOf('tl-signature'));
    for (const n of [10, 11, 12, 13]) expect(footer).toContain(`id="${ANCHOR}-L${n}"`);
  });

  it('render open when the highlighted range reaches into them, also without JavaScript', () => {
    const [randy, footer] = signatures(render({ from: 12, to: 12 }));
    expect(randy!.tag).not.toMatch(/\sopen/);
    expect(footer!.tag).toMatch(/\sopen=""/);
    const [both] = signatures(render({ from: 2, to: 4 }));
    expect(both!.tag).toMatch(/\sopen=""/);
  });
});
