import type { Address } from '../types';
import type { ChangelogSection, CollectedTrailer } from '../series/series-types';
import { getDb } from '../store/server-db';
import { getMessage, type StoredMessage } from '../store/read-archive';
import { getMessagesById, seriesSource } from '../store/read-series';
import { assembleSeries, type SeriesReport } from '../series/assemble-series';
import { seriesReportMbox } from '../series/series-mbox-of';
import { coverChangelog, coverSummary, patchChangelog } from '../series/changelog';
import { seriesSubject } from '../series/series-subject';
import { seriesMboxPath, seriesPath } from '../series/series-urls';
import { commitHref } from '../linkify/link-targets';
import { messageAnchor } from '../anchors';
import { messagePath, rawPath } from '../urls';
import { storeGeneration } from '../store/store-generation';
import { LRUCache } from 'lru-cache';
import { MAX_CACHED_SERIES_BANNERS } from '../limits';

export interface TrailerView {
  kind: CollectedTrailer['kind'];
  label: string;
  value: string;
  /** Who: the name, else the address. */
  who: string;
  from: 'patch' | 'reply';
  /** The reply that gave it (thread page link). */
  replyHref?: string;
  viaCover: boolean;
  mismatched: boolean;
  /** `Fixes:` → the commit; `Link:`/`Closes:` → the URL. */
  href?: string;
  fixesSubject?: string;
}

export type PartView =
  | {
      present: true;
      number: number;
      subject: string;
      from: Address;
      date: string | null;
      /** The patch on its thread page. */
      href: string;
      rawHref: string;
      trailers: TrailerView[];
      replies: number;
      /** The review replies, in date order: who, when, their first own line, where. */
      discussion: ReplyView[];
      notes: ChangelogSection[];
    }
  | { present: false; number: number };

export interface ReplyView {
  from: string;
  date: string | null;
  excerpt: string;
  href: string;
}

export interface VersionView {
  version: number;
  subject: string;
  date: string | null;
  href: string;
  current: boolean;
  changelog: ChangelogSection[];
}

export interface SeriesView {
  list: string;
  subject: string;
  version: number;
  total: number;
  tags: string[];
  author: Address;
  date: string | null;
  cover: {
    subject: string;
    href: string;
    summary: string[];
    replies: number;
    trailers: TrailerView[];
  } | null;
  parts: PartView[];
  /** Who reviewed, acked, tested any part (names, in first-seen order). */
  people: { reviewed: string[]; acked: string[]; tested: string[] };
  versions: VersionView[];
  newer: { version: number; href: string } | null;
  mboxHref: string;
}

const threadHref = (list: string, m: StoredMessage) =>
  `${messagePath(list, m.messageId)}#${messageAnchor(m.messageId, m.dupIndex)}`;

/** A review reply as one line: the first line the reviewer wrote (not a quote or attribution). */
function replyView(list: string, m: StoredMessage): ReplyView {
  const own = m.segments.find(
    (s) => s.depth === 0 && s.kind !== 'attribution' && s.lines.some((l) => l.trim() !== ''),
  );
  const first = own?.lines.find((l) => l.trim() !== '')?.trim() ?? '';
  return {
    from: m.from.name || m.from.address,
    date: m.date,
    excerpt: first.length > 140 ? `${first.slice(0, 139)}…` : first,
    href: threadHref(list, m),
  };
}

function trailerView(list: string, t: CollectedTrailer): TrailerView {
  const href = t.kind === 'fixes' && t.sha ? commitHref(t.sha, {}) : t.url;
  return {
    kind: t.kind,
    label: t.label,
    value: t.value,
    who: t.name || t.address || t.value,
    from: t.from,
    ...(t.replyId
      ? { replyHref: `${messagePath(list, t.replyId)}#${messageAnchor(t.replyId)}` }
      : {}),
    viaCover: t.viaCover === true,
    mismatched: t.mismatched === true,
    ...(href ? { href } : {}),
    ...(t.fixesSubject !== undefined ? { fixesSubject: t.fixesSubject } : {}),
  };
}

function people(report: SeriesReport<StoredMessage>): SeriesView['people'] {
  const sets = { reviewed: new Set<string>(), acked: new Set<string>(), tested: new Set<string>() };
  for (const p of report.parts)
    for (const t of p.trailers) {
      if (t.mismatched) continue;
      const who = t.name || t.address;
      if (t.kind === 'reviewed-by') sets.reviewed.add(who);
      else if (t.kind === 'acked-by') sets.acked.add(who);
      else if (t.kind === 'tested-by') sets.tested.add(who);
    }
  return { reviewed: [...sets.reviewed], acked: [...sets.acked], tested: [...sets.tested] };
}

function report(list: string, messageId: string): SeriesReport<StoredMessage> | null {
  return assembleSeries(seriesSource(getDb(), list), messageId);
}

/** The series view of the series holding the message, or null when there is none. */
export async function loadSeries(list: string, messageId: string): Promise<SeriesView | null> {
  const r = report(list, messageId);
  if (!r) return null;
  const s = r.series;
  const present = new Map(r.parts.map((p) => [p.number, p]));
  const last = Math.max(s.total, ...r.parts.map((p) => p.number));
  const parts: PartView[] = [];
  for (let n = 1; n <= last; n++) {
    const p = present.get(n);
    parts.push(
      p
        ? {
            present: true,
            number: n,
            subject: p.message.subject,
            from: p.message.from,
            date: p.message.date,
            href: threadHref(list, p.message),
            rawHref: rawPath(list, p.message.messageId, p.message.dupIndex),
            trailers: p.trailers.map((t) => trailerView(list, t)),
            replies: p.replies.length,
            discussion: p.replies.map((r) => replyView(list, r)),
            notes: p.notes,
          }
        : { present: false, number: n },
    );
  }
  const keys = getMessagesById(
    getDb(),
    list,
    r.versions.map((v) => v.messageId),
  );
  const byId = new Map(keys.map((m) => [m.messageId, m]));
  const versions = r.versions.map((v): VersionView => {
    const m = byId.get(v.messageId);
    const isCover = m !== undefined && seriesSubject(m.subject).part === 0;
    return {
      version: v.version,
      subject: v.subject,
      date: v.date,
      href: seriesPath(list, v.messageId),
      current: v.messageId === s.key,
      changelog: m ? (isCover ? coverChangelog(m.body) : patchChangelog(m.body)) : [],
    };
  });
  return {
    list,
    subject: s.subject,
    version: s.version,
    total: s.total,
    tags: s.tags,
    author: s.author,
    date: s.date,
    cover: s.cover
      ? {
          subject: s.cover.subject,
          href: threadHref(list, s.cover),
          summary: coverSummary(s.cover.body),
          replies: r.coverReplies.length,
          trailers: r.coverTrailers.map((t) => trailerView(list, t)),
        }
      : null,
    parts,
    people: people(r),
    versions,
    newer: r.newer ? { version: r.newer.version, href: seriesPath(list, r.newer.messageId) } : null,
    mboxHref: seriesMboxPath(list, s.key),
  };
}

/** The series as a `git am` mbox, or null when the message is in no series. */
export function loadSeriesMbox(list: string, messageId: string): string | null {
  const r = report(list, messageId);
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
  const focus = getMessage(getDb(), list, messageId);
  if (!focus || !seriesSubject(focus.subject).isPatch) return null;
  const key = JSON.stringify([storeGeneration(getDb()), list, messageId]);
  let cached = banners.get(key);
  if (!cached) {
    cached = { banner: seriesBanner(list, messageId) };
    banners.set(key, cached);
  }
  return cached.banner;
}

function seriesBanner(list: string, messageId: string): SeriesBannerView | null {
  const r = report(list, messageId);
  if (!r) return null;
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
