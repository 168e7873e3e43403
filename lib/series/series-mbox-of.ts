import type { SeriesInput } from './series-types';
import type { SeriesReport } from './assemble-series';
import { seriesMbox, type MboxPatchMessage } from './series-mbox';

/**
 * The `git am` mbox of an assembled series: present parts in order, each with the
 * reply trailers that apply (mismatched ones left out, as b4 leaves them out).
 */
export function seriesReportMbox<M extends SeriesInput & MboxPatchMessage>(
  report: SeriesReport<M>,
): string {
  return seriesMbox(
    report.parts.map((p) => ({
      message: p.message,
      add: p.trailers.filter((t) => t.from === 'reply' && !t.mismatched),
    })),
  );
}
