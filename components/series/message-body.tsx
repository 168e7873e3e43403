import type { Segment } from '@/lib/types';
import { targetIn, type BodyView, type LineTarget } from '@/lib/series/series-view';
import { QuoteBoxView } from '@/components/segments/quote-box-view';

/**
 * A message body the way the thread page renders it (segments, highlighted blocks,
 * anchored lines, diffstat links): mail text only ever reaches the page through these
 * escaping renderers. A `?hl=` target in this body is highlighted and its folded quotes
 * render open, as on the thread page.
 */
export function MessageBody({
  body,
  highlights,
  foldFrom,
  target,
}: {
  body: BodyView;
  highlights: Map<Segment, string[]>;
  /** Quotes fold from this depth on. */
  foldFrom: number;
  target?: LineTarget | undefined;
}) {
  const lines = targetIn(body, target);
  return (
    <div className="tl-body px-3 py-2">
      <QuoteBoxView
        box={body.quotes}
        ctx={{
          anchor: body.anchor,
          highlights,
          links: body.links,
          diffFiles: body.diffFiles,
          ...(lines ? { target: lines } : {}),
        }}
        foldFrom={foldFrom}
      />
    </div>
  );
}
