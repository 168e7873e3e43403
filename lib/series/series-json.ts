import type { SeriesInput } from './series-types';
import type { SeriesReport } from './assemble-series';

/** The `threadlight series --json` contract (issue 7). */
export interface SeriesJson {
  subject: string;
  version: number;
  total: number;
  cover: { messageId: string } | null;
  parts: {
    number: number;
    messageId: string;
    subject: string;
    trailers: {
      kind: string;
      name: string;
      address: string;
      value: string;
      from: 'patch' | 'reply';
    }[];
  }[];
  missing: number[];
  versions: { version: number; messageId: string }[];
}

/**
 * A report as JSON. Trailers are those that apply (the ones `series.mbox` adds): tags a
 * reply gives for someone other than its sender are left out, as b4 leaves them out.
 */
export function seriesJson(report: SeriesReport<SeriesInput>): SeriesJson {
  const s = report.series;
  return {
    subject: s.subject,
    version: s.version,
    total: s.total,
    cover: s.cover ? { messageId: s.cover.messageId } : null,
    parts: report.parts.map((p) => ({
      number: p.number,
      messageId: p.message.messageId,
      subject: p.message.subject,
      trailers: p.trailers
        .filter((t) => !t.mismatched)
        .map((t) => ({
          kind: t.kind,
          name: t.name,
          address: t.address,
          value: t.value,
          from: t.from,
        })),
    })),
    missing: s.missing,
    versions: report.versions.map((v) => ({ version: v.version, messageId: v.messageId })),
  };
}
