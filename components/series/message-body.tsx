import type { Segment } from '@/lib/types';
import type { BodyView } from '@/lib/series/series-view';
import { QuoteBoxView } from '@/components/segments/quote-box-view';

/**
 * A message body the way the thread page renders it (segments, highlighted blocks,
 * anchored lines, diffstat links): mail text only ever reaches the page through these
 * escaping renderers.
 */
export function MessageBody({
  body,
  highlights,
  foldFrom,
}: {
  body: BodyView;
  highlights: Map<Segment, string[]>;
  /** Quotes fold from this depth on. */
  foldFrom: number;
}) {
  return (
    <div className="tl-body px-3 py-2">
      <QuoteBoxView
        box={body.quotes}
        ctx={{ anchor: body.anchor, highlights, links: body.links, diffFiles: body.diffFiles }}
        foldFrom={foldFrom}
      />
    </div>
  );
}
