import type { Segment } from '@/lib/types';
import { segmentAnchor } from '@/lib/anchors';
import { isListFooter } from '@/lib/quotes/find-signatures';
import type { SegmentContext } from './segment-view';
import { ProseLines } from './prose-lines';
import { containsTarget } from './target';

/** `signature, 4 lines` or `list footer, 2 lines`: what the folded summary says. */
export function signatureSummary(lines: readonly string[]): string {
  const what = isListFooter(lines) ? 'list footer' : 'signature';
  return `${what}, ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}`;
}

/**
 * A signature or list footer, folded by default in a native <details>, so it stays out of
 * the way without JavaScript. It renders open when `?hl=` points inside it; the thread
 * script opens it for a `#…-L<n>` fragment (expandTo opens every <details> around a line).
 */
export function SignatureView({
  segment,
  ctx,
}: {
  segment: Extract<Segment, { kind: 'signature' }>;
  ctx: SegmentContext;
}) {
  return (
    <details
      id={segmentAnchor(ctx.anchor, segment.start + 1)}
      className="tl-seg tl-signature"
      data-kind={segment.kind}
      open={containsTarget(ctx, { start: segment.start, lineCount: segment.lines.length })}
    >
      <summary className="cursor-pointer text-sm text-muted">
        {signatureSummary(segment.lines)}
      </summary>
      <ProseLines segment={segment} ctx={ctx} />
    </details>
  );
}
