/**
 * What each version of a series says changed: its cover letter's `Changes in vN`
 * sections, and every patch's notes under its `---` line (many series keep their
 * changelog per patch, and a series without a cover letter has nowhere else to put it).
 */
import type { ChangelogSection, Series, SeriesInput } from './series-types';
import type { SeriesReport, SeriesSource } from './assemble-series';
import { coverChangelog, patchChangelog } from './changelog';
import { findSeries } from './find-series';

export interface VersionChangelog {
  /** The cover letter's sections (none without a cover letter). */
  cover: ChangelogSection[];
  /** Patches with notes under their `---` line, in part order. */
  parts: { number: number; subject: string; notes: ChangelogSection[] }[];
}

/** The changelog of one posting. */
export function versionChangelog(s: Series): VersionChangelog {
  return {
    cover: s.cover ? coverChangelog(s.cover.body) : [],
    parts: s.parts
      .map((p) => ({
        number: p.number,
        subject: p.message.subject,
        notes: patchChangelog(p.message.body),
      }))
      .filter((p) => p.notes.length > 0),
  };
}

/**
 * The changelog of every version in the report, by version key. Other versions are read
 * whole (their threads), so their patches' notes are there even when linking only saw
 * their cover letter.
 */
export async function versionChangelogs<M extends SeriesInput>(
  source: SeriesSource<M>,
  report: SeriesReport<M>,
): Promise<Map<string, VersionChangelog>> {
  // Read the other versions at once: a networked store answers them in parallel.
  const found = await Promise.all(
    report.versions.map(async (v) =>
      v.messageId === report.series.key
        ? report.series
        : findSeries(await source.threadsOf([v.messageId]), v.messageId),
    ),
  );
  const out = new Map<string, VersionChangelog>();
  report.versions.forEach((v, i) => {
    const s = found[i];
    if (s) out.set(v.messageId, versionChangelog(s));
  });
  return out;
}
