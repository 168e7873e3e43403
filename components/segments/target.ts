import type { QuoteBox } from '@/lib/segments/quote-tree';
import type { SegmentContext } from './segment-view';

/** Is body line n (1-based) inside the `?hl=` range? */
export function isTarget(ctx: SegmentContext, n: number): boolean {
  return !!ctx.target && n >= ctx.target.from && n <= ctx.target.to;
}

/** Does the quote box (or folded signature) hold any highlighted line? Then it renders open, even without JavaScript. */
export function containsTarget(
  ctx: SegmentContext,
  box: Pick<QuoteBox, 'start' | 'lineCount'>,
): boolean {
  const first = box.start + 1;
  const last = box.start + box.lineCount;
  return !!ctx.target && ctx.target.from <= last && ctx.target.to >= first;
}
