import { getStore } from '../store/server-db';
import type { Store, StoredMessage } from '../store/store';
import { assembleSeries, type SeriesReport } from '../series/assemble-series';
import { seriesReportMbox } from '../series/series-mbox-of';
import { seriesSubject } from '../series/series-subject';
import type { SeriesInput } from '../series/series-types';
import { seriesPath } from '../series/series-urls';
import { versionChangelogs } from '../series/version-changelog';
import { renderedMessages, seriesView, type SeriesView } from '../series/series-view';
import { highlightMessages, linkContext } from './highlight-segments';
import { shownSegments } from '../segments/cap-segments';
import { LRUCache } from 'lru-cache';
import { MAX_CACHED_SERIES_BANNERS } from '../limits';

export type {
  BodyView,
  PartView,
  ReplyView,
  SeriesView,
  TrailerView,
  VersionView,
} from '../series/series-view';

function report(
  store: Store,
  list: string,
  messageId: string,
): Promise<SeriesReport<StoredMessage> | null> {
  return assembleSeries(store.seriesSource(list), messageId);
}

/** The series view of the series holding the message, or null when there is none. */
export async function loadSeries(list: string, messageId: string): Promise<SeriesView | null> {
  const store = await getStore();
  const r = await report(store, list, messageId);
  if (!r) return null;
  const highlights = await highlightMessages(
    store,
    renderedMessages(r).map((m) => ({
      segments: shownSegments(m.segments).segments,
      links: linkContext(m.body),
    })),
  );
  return seriesView({
    list,
    report: r,
    changelogs: await versionChangelogs(store.seriesSource(list), r),
    highlights,
  });
}

/** The series as a `git am` mbox, or null when the message is in no series. */
export async function loadSeriesMbox(list: string, messageId: string): Promise<string | null> {
  const r = await report(await getStore(), list, messageId);
  return r && r.parts.length > 0 ? seriesReportMbox(r) : null;
}

export interface SeriesBannerView {
  /** Set when the message is a patch: its number. */
  part: number | null;
  total: number;
  /** `[PATCH v2]`-style prefix: tags and version. */
  prefix: string;
  subject: string;
  href: string;
  newer: { version: number; href: string } | null;
}

/**
 * Banners by archive generation, list and message: assembling a series reads every
 * thread of it (and its other versions), far more than the thread page itself.
 */
const banners = new LRUCache<string, { banner: SeriesBannerView | null }>({
  max: MAX_CACHED_SERIES_BANNERS,
});

/** What the thread page's series banner shows for a message, or null outside a series. */
export async function loadSeriesBanner(
  list: string,
  messageId: string,
): Promise<SeriesBannerView | null> {
  // Most threads are no series: one row read decides, before any thread is loaded.
  const store = await getStore();
  const focus = await store.getMessage(list, messageId);
  if (!focus || !seriesSubject(focus.subject).isPatch) return null;
  const key = JSON.stringify([await store.generation(), list, messageId]);
  let cached = banners.get(key);
  if (!cached) {
    cached = { banner: await seriesBanner(store, list, messageId) };
    banners.set(key, cached);
  }
  return cached.banner;
}

async function seriesBanner(
  store: Store,
  list: string,
  messageId: string,
): Promise<SeriesBannerView | null> {
  const r = await report(store, list, messageId);
  return r && bannerView(list, r, messageId);
}

/** The banner of a message in an assembled series (pure: tests build it from fixtures). */
export function bannerView(
  list: string,
  r: SeriesReport<SeriesInput>,
  messageId: string,
): SeriesBannerView {
  const s = r.series;
  const part = r.parts.find((p) => p.message.messageId === messageId)?.number ?? null;
  const tags = s.tags.length > 0 ? s.tags : ['PATCH'];
  return {
    part,
    total: s.total,
    prefix: `[${[...tags, ...(s.version > 1 ? [`v${s.version}`] : [])].join(' ')}]`,
    subject: s.subject,
    href: seriesPath(list, s.key),
    newer: r.newer ? { version: r.newer.version, href: seriesPath(list, r.newer.messageId) } : null,
  };
}
