/**
 * A series with everything a reader wants around it: its parts in order, the review
 * each part got (replies and trailers), the changelogs, and its other versions. The
 * archive is reached through a `SeriesSource`, so this stays free of SQL and testable
 * on plain arrays; every store provides one (`Store.seriesSource`, lib/store/store.ts).
 */
import type {
  ChangelogSection,
  CollectedTrailer,
  Series,
  SeriesInput,
  SeriesVersion,
} from './series-types';
import { findSeries, groupSeries, seriesMemberIds } from './find-series';
import { collectTrailers } from './collect-trailers';
import { coverChangelog, patchChangelog } from './changelog';
import { linkVersions, newerVersion, seriesPointers } from './link-versions';
import { seriesSubject } from './series-subject';

/**
 * How the assembler reads the archive (one list). Asynchronous because a store may be
 * across the network; the same shape as the store's `AsyncSeriesSource`.
 */
export interface SeriesSource<M extends SeriesInput> {
  /** Every message of the threads holding any of these ids. */
  threadsOf(ids: readonly string[]): Promise<M[]>;
  /** Postings of this author around this date (series sent without threading headers). */
  postingsNear(address: string, date: string): Promise<M[]>;
  /** Postings whose base subject is one of these (other versions). */
  postingsByBase(bases: readonly string[]): Promise<M[]>;
  /** The messages with these ids that exist. */
  messagesById(ids: readonly string[]): Promise<M[]>;
}

export interface PartReport<M extends SeriesInput> {
  number: number;
  message: M;
  /** Its own trailers, then those from replies (cover replies included). */
  trailers: CollectedTrailer[];
  replies: M[];
  /** Notes under its `---` line. */
  notes: ChangelogSection[];
}

export interface SeriesReport<M extends SeriesInput> {
  series: Series<M>;
  parts: PartReport<M>[];
  coverReplies: M[];
  /** Trailers given in replies to the cover letter (they count for every part). */
  coverTrailers: CollectedTrailer[];
  coverChangelog: ChangelogSection[];
  /** Every posting of the series, this one included, oldest version first. */
  versions: SeriesVersion[];
  /** A newer posting than this one, if any. */
  newer: SeriesVersion | null;
}

function unique<M extends SeriesInput>(...lists: readonly (readonly M[])[]): M[] {
  const seen = new Set<string>();
  const out: M[] = [];
  for (const list of lists)
    for (const m of list) {
      if (seen.has(m.messageId)) continue;
      seen.add(m.messageId);
      out.push(m);
    }
  return out;
}

/** Assemble the series holding `messageId` (cover, patch or reply), or null. */
export async function assembleSeries<M extends SeriesInput>(
  source: SeriesSource<M>,
  messageId: string,
): Promise<SeriesReport<M> | null> {
  const thread = await source.threadsOf([messageId]);
  const first = findSeries(thread, messageId);
  if (!first) return null;
  // Series sent without threading headers are spread over several "threads".
  const shallow = first.missing.length > 0 || (!first.cover && first.total > 1);
  const near =
    shallow && first.date ? await source.postingsNear(first.author.address, first.date) : [];
  const pool = unique(thread, near);
  const grouped = findSeries(pool, messageId) ?? first;
  const all = unique(pool, await source.threadsOf(seriesMemberIds(grouped)));
  const series = findSeries(all, messageId) ?? grouped;
  const postingIds = new Set(groupSeries(all).flatMap(seriesMemberIds));
  const review = collectTrailers(series, all, postingIds);

  const members: SeriesInput[] = [
    ...(series.cover ? [series.cover] : []),
    ...series.parts.map((p) => p.message),
  ];
  const bases = [...new Set(members.map((m) => seriesSubject(m.subject).base))];
  const others = await source.postingsByBase(bases);
  // Covers of other versions may carry another subject: reach them through their patches,
  // and earlier versions through the links and threading this one points at.
  const known = new Set([...all, ...others].map((m) => m.messageId));
  const wanted = new Set([...others.map((m) => m.inReplyTo), ...seriesPointers(series)]);
  const extra = await source.messagesById(
    [...wanted].filter((id) => id !== null && !known.has(id)) as string[],
  );
  const versions = linkVersions(series, groupSeries(unique(all, others, extra)));

  return {
    series,
    parts: series.parts.map((p) => ({
      number: p.number,
      message: p.message,
      trailers: review.parts.get(p.number)?.trailers ?? [],
      replies: review.parts.get(p.number)?.replies ?? [],
      notes: patchChangelog(p.message.body),
    })),
    coverReplies: review.cover.replies,
    coverTrailers: review.cover.trailers,
    coverChangelog: series.cover ? coverChangelog(series.cover.body) : [],
    versions,
    newer: newerVersion(versions, series),
  };
}
