import type { QuoteBox } from '@/lib/segments/quote-tree';
import { formatShortDate } from '@/lib/loaders/format';
import { SegmentView, type SegmentContext } from './segment-view';
import { containsTarget } from './target';

/**
 * One quote level: a coloured rail, the author's name, and native <details> folding,
 * so it works without JavaScript and Chromium opens it when a fragment points inside.
 */
export function QuoteBoxView({ box, ctx, foldFrom }: { box: QuoteBox; ctx: SegmentContext; foldFrom: number }) {
  const body = box.children.map((item) =>
    item.type === 'segment' ? (
      <SegmentView key={`s${item.segment.start}`} segment={item.segment} ctx={ctx} />
    ) : (
      <QuoteBoxView key={`q${item.start}`} box={item} ctx={ctx} foldFrom={foldFrom} />
    ),
  );
  if (box.depth === 0) return <>{body}</>;
  const who = box.author?.name || 'unknown';
  const when = formatShortDate(box.author?.date);
  const rail = `var(--quote-${((box.depth - 1) % 6) + 1})`;
  return (
    <details
      className="tl-quote my-1 border-l-4 pl-2"
      style={{ borderColor: rail }}
      open={box.depth < foldFrom || containsTarget(ctx, box)}
      data-depth={box.depth}
    >
      <summary className="cursor-pointer text-sm text-muted">
        <span className="tl-quote-badge mr-1 rounded px-1 font-mono text-xs" style={{ color: rail }}>
          {'>'.repeat(Math.min(box.depth, 8))}
        </span>
        {box.lineCount} {box.lineCount === 1 ? 'line' : 'lines'} quoted from {who}
        {when ? `, ${when}` : ''}
      </summary>
      {body}
    </details>
  );
}
