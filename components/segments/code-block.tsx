import type { Segment } from '@/lib/types';
import { lineAnchor } from '@/lib/anchors';
import { joinWrappedLines } from '@/lib/blocks/join-wrapped';
import { diffLineOf, splitDiffstatRow } from '@/lib/segments/diff-files';
import type { SegmentContext } from './segment-view';
import { isTarget } from './target';

const LABELS: Partial<Record<Segment['kind'], string>> = {
  shell: 'shell',
  log: 'log',
  asm: 'asm',
  diff: 'diff',
  traceback: 'traceback',
};

/**
 * A numbered, highlighted block. `html` holds one line of highlighter output per body
 * line (escaped by lib/highlight); without it the text is rendered plain, same size, so
 * nothing jumps. Wide blocks scroll inside themselves, never the page.
 *
 * Log lines and shell commands that the sender's mail client hard-wrapped are shown
 * rejoined: the continuation lines are appended to their first line and hidden, and a
 * checkbox (CSS only, so it works without JavaScript) shows the lines as sent. Every
 * body line keeps its anchor either way; a `?hl=` target on a continuation line renders
 * the block as sent.
 */
export function CodeBlock({
  segment,
  ctx,
  html,
}: {
  segment: Segment;
  ctx: SegmentContext;
  html?: string[];
}) {
  const label = segment.kind === 'code' ? segment.lang : LABELS[segment.kind];
  const groups =
    segment.kind === 'log' || segment.kind === 'shell'
      ? joinWrappedLines(segment.kind, segment.lines, segment.depth)
      : [];
  const tails = new Map<number, number>(); // first line index → end (exclusive) of its group
  const continuation = new Set<number>();
  for (const g of groups) {
    if (g.to - g.from < 2) continue;
    tails.set(g.from, g.to);
    for (let i = g.from + 1; i < g.to; i++) continuation.add(i);
  }
  const lineNo = (i: number) => segment.start + i + 1;
  const asSent = [...continuation].some((i) => isTarget(ctx, lineNo(i)));
  const content = (i: number) => {
    const stat = segment.kind === 'diff' ? diffstatLink(segment.lines[i]!, ctx) : null;
    if (stat) return stat;
    return html?.[i] !== undefined ? (
      <span dangerouslySetInnerHTML={{ __html: html[i] }} />
    ) : (
      segment.lines[i]
    );
  };
  return (
    <figure
      className="tl-code my-1 rounded border border-border bg-bg-code"
      data-kind={segment.kind}
    >
      <figcaption className="flex gap-3 border-b border-border px-2 text-xs text-muted">
        <span>{label}</span>
        {tails.size > 0 && (
          <label className="tl-as-sent-toggle">
            <input
              type="checkbox"
              className="tl-as-sent mr-1 align-middle"
              defaultChecked={asSent}
            />
            lines as sent ({continuation.size} rejoined)
          </label>
        )}
      </figcaption>
      <pre className="overflow-x-auto py-1 font-mono text-[13px] leading-[1.45]">
        <code>
          {segment.lines.map((_, i) => {
            const n = lineNo(i);
            const id = lineAnchor(ctx.anchor, n);
            const end = tails.get(i);
            const classes = [
              'tl-line',
              continuation.has(i) ? 'tl-cont' : '',
              end ? 'tl-has-tail' : '',
              isTarget(ctx, n) ? 'tl-hl' : '',
            ];
            return (
              <span key={n} id={id} className={classes.filter(Boolean).join(' ')} data-line={n}>
                <a href={`#${id}`} className="tl-ln" aria-label={`line ${n}`}>
                  {n}
                </a>
                <span className="tl-text">
                  {content(i)}
                  {end !== undefined && (
                    <span className="tl-tail">
                      {Array.from({ length: end - i - 1 }, (_, k) => (
                        <span key={k}> {content(i + 1 + k)}</span>
                      ))}
                    </span>
                  )}
                </span>
              </span>
            );
          })}
        </code>
      </pre>
    </figure>
  );
}

/** A diffstat line whose file's diff is in the message: the path links to it (as on lore). */
function diffstatLink(line: string, ctx: SegmentContext) {
  const row = ctx.diffFiles?.size ? splitDiffstatRow(line) : null;
  const target = row ? diffLineOf(ctx.diffFiles!, row.path) : undefined;
  if (!row || target === undefined) return null;
  return (
    <span className="tl-diffstat">
      {row.lead}
      <a href={`#${lineAnchor(ctx.anchor, target)}`}>{row.path}</a>
      {row.rest}
    </span>
  );
}
