import type { Segment } from '@/lib/types';
import { lineAnchor } from '@/lib/anchors';
import { linkifyText } from '@/lib/linkify/linkify';
import type { SegmentContext } from './segment-view';
import { isTarget } from './target';

const PRE_KINDS = new Set(['output', 'signature']);

/**
 * Prose keeps the sender's line breaks (mail is hard-wrapped) but wraps long lines.
 * Every line carries an anchor; text is rendered by React, so it is always escaped.
 */
export function ProseLines({ segment, ctx }: { segment: Segment; ctx: SegmentContext }) {
  const mono = PRE_KINDS.has(segment.kind);
  return (
    <div
      className={`${mono ? 'font-mono text-[13px] overflow-x-auto' : ''} whitespace-pre-wrap break-words`}
    >
      {segment.lines.map((line, i) => {
        const n = segment.start + i + 1;
        return (
          <span
            key={n}
            id={lineAnchor(ctx.anchor, n)}
            className={isTarget(ctx, n) ? 'tl-line tl-hl' : 'tl-line'}
            data-line={n}
          >
            {linkifyText(line, ctx.links).map((t, j) =>
              t.href ? (
                <a key={j} href={t.href} rel="noopener nofollow ugc">
                  {t.text}
                </a>
              ) : (
                t.text
              ),
            )}
          </span>
        );
      })}
    </div>
  );
}
