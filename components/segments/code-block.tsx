import type { Segment } from '@/lib/types';
import { lineAnchor } from '@/lib/anchors';
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
 * A numbered, highlighted block. `html` holds one line of shiki output per body line
 * (escaped by the highlighter); without it the text is rendered plain, same size, so
 * nothing jumps. Wide blocks scroll inside themselves, never the page.
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
  return (
    <figure
      className="tl-code my-1 rounded border border-border bg-bg-code"
      data-kind={segment.kind}
    >
      <figcaption className="border-b border-border px-2 text-xs text-muted">{label}</figcaption>
      <pre className="overflow-x-auto py-1 font-mono text-[13px] leading-[1.45]">
        <code>
          {segment.lines.map((line, i) => {
            const n = segment.start + i + 1;
            const id = lineAnchor(ctx.anchor, n);
            const inner = html?.[i];
            return (
              <span
                key={n}
                id={id}
                className={`tl-line flex${isTarget(ctx, n) ? ' tl-hl' : ''}`}
                data-line={n}
              >
                <a
                  href={`#${id}`}
                  className="tl-ln w-12 shrink-0 select-none pr-2 text-right text-muted no-underline"
                  aria-label={`line ${n}`}
                >
                  {n}
                </a>
                {inner !== undefined ? (
                  <span
                    className="whitespace-pre pr-2"
                    dangerouslySetInnerHTML={{ __html: inner }}
                  />
                ) : (
                  <span className="whitespace-pre pr-2">{line}</span>
                )}
              </span>
            );
          })}
        </code>
      </pre>
    </figure>
  );
}
