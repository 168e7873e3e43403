import type { Segment } from '../types';
import { MAX_RENDERED_BODY_CHARS, MAX_RENDERED_BODY_LINES } from '../limits';

/** How much of a body a page shows, when not all of it. */
export interface BodyCut {
  shownLines: number;
  totalLines: number;
}

/**
 * The first segments of a body, up to `maxLines` lines and `maxChars` characters (a line
 * past the budget is cut short), and where it was cut; all of it and null when it fits.
 * Line numbers stay those of the whole body, so anchors and permalinks still hold.
 */
export function capSegments(
  segments: readonly Segment[],
  maxLines: number,
  maxChars: number,
): { segments: readonly Segment[]; cut: BodyCut | null } {
  let totalLines = 0;
  let totalChars = 0;
  for (const s of segments) {
    totalLines += s.lines.length;
    for (const l of s.lines) totalChars += l.length + 1;
  }
  if (totalLines <= maxLines && totalChars <= maxChars) return { segments, cut: null };
  const out: Segment[] = [];
  let lines = 0;
  let chars = 0;
  for (const s of segments) {
    if (lines >= maxLines || chars >= maxChars) break;
    const kept: string[] = [];
    for (const l of s.lines) {
      if (lines >= maxLines || chars >= maxChars) break;
      const room = maxChars - chars;
      kept.push(l.length > room ? l.slice(0, room) : l);
      lines++;
      chars += Math.min(l.length, room) + 1;
    }
    out.push({ ...s, lines: kept });
  }
  return { segments: out, cut: { shownLines: lines, totalLines } };
}

const shown = new WeakMap<
  readonly Segment[],
  { segments: readonly Segment[]; cut: BodyCut | null }
>();

/**
 * What a page shows of a stored body (MAX_RENDERED_BODY_*): the same objects for the same
 * body however often it is asked, since highlights are looked up by segment object, and
 * the thread and series pages highlight and render in separate steps.
 */
export function shownSegments(segments: readonly Segment[]): {
  segments: readonly Segment[];
  cut: BodyCut | null;
} {
  let found = shown.get(segments);
  if (!found) {
    found = capSegments(segments, MAX_RENDERED_BODY_LINES, MAX_RENDERED_BODY_CHARS);
    shown.set(segments, found);
  }
  return found;
}
