import type { QuoteBox } from '@/lib/segments/quote-tree';
import { formatShortDate } from '@/lib/loaders/format';
import { SegmentView, type SegmentContext } from './segment-view';
import { containsTarget } from './target';
import type { QuoteOriginLink } from '@/lib/loaders/quote-origins';
import { quoteBoxKey } from '@/lib/quotes/quote-passages';

/**
 * One quote level: a coloured rail, the author's name, and native <details> folding,
 * so it works without JavaScript and Chromium opens it when a fragment points inside.
 */
export function QuoteBoxView({
  box,
  ctx,
  foldFrom,
}: {
  box: QuoteBox;
  ctx: SegmentContext;
  foldFrom: number;
}) {
  const body = box.children.map((item) =>
    item.type !== 'segment' ? (
      <QuoteBoxView key={`q${item.start}`} box={item} ctx={ctx} foldFrom={foldFrom} />
    ) : item.segment.depth > box.depth ? (
      // Quoted deeper than MAX_RENDERED_QUOTE_DEPTH (buildQuoteTree): shown in the deepest
      // box, labelled with its real depth.
      <div key={`s${item.segment.start}`} className="tl-deeper" data-depth={item.segment.depth}>
        <span className="tl-quote-badge font-mono text-xs text-muted" title="quote depth">
          depth {item.segment.depth}
        </span>
        <SegmentView segment={item.segment} ctx={ctx} />
      </div>
    ) : (
      <SegmentView key={`s${item.segment.start}`} segment={item.segment} ctx={ctx} />
    ),
  );
  if (box.depth === 0) return <>{body}</>;
  const key = quoteBoxKey(box);
  const origin = ctx.origins?.get(key);
  // No attribution named this level: the thread tells who wrote it (inferQuoteAuthors).
  const author = box.author?.name ? box.author : ctx.quoteAuthors?.get(key);
  const who = author?.name || 'unknown';
  const when = formatShortDate(author?.date);
  const rail = `var(--quote-${((box.depth - 1) % 6) + 1})`;
  const details = (
    <details
      className="tl-quote my-1 border-l-4 pl-2"
      style={{ borderColor: rail }}
      open={box.depth < foldFrom || containsTarget(ctx, box)}
      data-depth={box.depth}
    >
      <summary className={`cursor-pointer text-sm text-muted${origin ? ' pr-16' : ''}`}>
        <span
          className="tl-quote-badge mr-1 rounded px-1 font-mono text-xs"
          style={{ color: rail }}
        >
          {'>'.repeat(Math.min(box.depth, 8))}
        </span>
        {box.lineCount} {box.lineCount === 1 ? 'line' : 'lines'} quoted from {who}
        {when ? `, ${when}` : ''}
      </summary>
      {body}
    </details>
  );
  if (!origin) return details;
  // A link inside <summary> would nest one control in another (axe: nested-interactive),
  // so it sits beside the summary, over its right end, visible while the quote is folded.
  return (
    <div className="tl-quote-wrap relative">
      <a
        href={origin.href}
        className="tl-quote-origin absolute top-0 right-0 text-sm"
        title={originTitle(origin)}
      >
        original
      </a>
      {details}
    </div>
  );
}

/** Tooltip of the "original" link: where the quote comes from and what the quoter cut. */
function originTitle(origin: QuoteOriginLink): string {
  const trimmed =
    origin.trimmed === 0
      ? 'nothing trimmed'
      : `${origin.trimmed} ${origin.trimmed === 1 ? 'line' : 'lines'} trimmed`;
  const lines =
    origin.startLine === origin.endLine
      ? `line ${origin.startLine + 1}`
      : `lines ${origin.startLine + 1}–${origin.endLine + 1}`;
  return `Where this was first written: ${lines} (${trimmed})`;
}
