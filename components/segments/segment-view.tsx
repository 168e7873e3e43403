import type { Author, Segment } from '@/lib/types';
import type { LinkifyContext } from '@/lib/linkify/linkify';
import { segmentAnchor } from '@/lib/anchors';
import type { QuoteOriginLink } from '@/lib/loaders/quote-origins';
import type { QuoteBoxKey } from '@/lib/quotes/quote-passages';
import { ProseLines } from './prose-lines';
import { CodeBlock } from './code-block';
import { SignatureView } from './signature-view';

export interface SegmentContext {
  /** The message anchor, prefix of every line anchor. */
  anchor: string;
  /** Highlighted lines of each block segment (from the cache, never computed here). */
  highlights: Map<Segment, string[]>;
  links: LinkifyContext;
  /** Body lines (1-based, inclusive) to highlight from `?hl=`, when they are in this message. */
  target?: { from: number; to: number };
  /** Quote box key → where that quote was first written in the thread (provenance). */
  origins?: Map<QuoteBoxKey, QuoteOriginLink>;
  /** Quote box key → who wrote a quote no attribution names, from the thread. */
  quoteAuthors?: Map<QuoteBoxKey, Author>;
  /** File path → body line of its diff, for diffstat links. */
  diffFiles?: Map<string, number>;
}

/**
 * The one registry from segment kind to component. The `never` check makes a new
 * kind a compile error until it is rendered here.
 */
export function SegmentView({ segment, ctx }: { segment: Segment; ctx: SegmentContext }) {
  const id = segmentAnchor(ctx.anchor, segment.start + 1);
  switch (segment.kind) {
    case 'prose':
    case 'attribution':
    case 'snip':
    case 'output':
      return (
        <div id={id} className={`tl-seg tl-${segment.kind}`} data-kind={segment.kind}>
          <ProseLines segment={segment} ctx={ctx} />
        </div>
      );
    case 'signature':
      return <SignatureView segment={segment} ctx={ctx} />;
    case 'shell':
    case 'log':
    case 'asm':
    case 'code':
    case 'diff':
    case 'traceback':
      return (
        <div id={id} className={`tl-seg tl-${segment.kind}`} data-kind={segment.kind}>
          <CodeBlock segment={segment} ctx={ctx} html={ctx.highlights.get(segment)} />
        </div>
      );
    default: {
      const unreachable: never = segment;
      return unreachable;
    }
  }
}
