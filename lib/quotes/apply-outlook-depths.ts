import { MAX_QUOTE_DEPTH } from '../limits';
import type { AttributionSpan } from './find-attributions';
import type { QuotedLine } from './parse-quotes';

/**
 * Effective quote depth of every line. Outlook quotes by pasting the original under a
 * `-----Original Message-----` header without any `>`, so everything after such a
 * header, as long as the marker depth does not drop below the header's, is one level
 * deeper than its markers say. Chains of Outlook replies nest one level per header.
 * A hand-trimmed header (`From: Name` then `> Sent: date`) is one attribution: its
 * deeper-marked lines take the depth of its first line, and nothing after it shifts.
 * Spans' `depth` is updated to the effective depth. One pass with a stack: linear.
 */
export function applyOutlookDepths(
  quoted: readonly QuotedLine[],
  spans: AttributionSpan[],
): number[] {
  const depths = new Array<number>(quoted.length);
  const open: number[] = []; // marker depths of the Outlook headers still in force
  let next = 0; // index into spans
  for (let i = 0; i < quoted.length; i++) {
    const raw = quoted[i]!.depth;
    while (open.length > 0 && raw < open[open.length - 1]!) open.pop();
    while (next < spans.length && spans[next]!.end <= i) {
      const span = spans[next++]!;
      if (span.outlook && raw >= quoted[span.start]!.depth) open.push(quoted[span.start]!.depth);
    }
    depths[i] = Math.min(raw + open.length, MAX_QUOTE_DEPTH);
    const within = spans[next];
    if (within && within.start < i && i < within.end) depths[i] = depths[within.start]!;
  }
  for (const span of spans) span.depth = depths[span.start] ?? span.depth;
  return depths;
}
