/**
 * The series page's view model: an assembled series (lib/series/assemble-series.ts) as
 * what the components render. Pure: the loader (lib/loaders/load-series.ts) reads the
 * archive and the highlight cache and hands them in, so tests build views from fixtures.
 */
import type { Address, Segment } from '../types';
import type { ChangelogSection, CollectedTrailer } from './series-types';
import type { SeriesReport } from './assemble-series';
import type { StoredMessage } from '../store/store';
import type { LinkifyContext } from '../linkify/linkify';
import type { VersionChangelog } from './version-changelog';
import type { ThreadQuery } from '../thread-query';
import { buildQuoteTree, type QuoteBox } from '../segments/quote-tree';
import { findDiffFiles } from '../segments/diff-files';
import { shownSegments } from '../segments/cap-segments';
import { linkContext } from '../loaders/highlight-segments';
import { coverSummary } from './changelog';
import { seriesMboxPath, seriesPath } from './series-urls';
import { commitHref } from '../linkify/link-targets';
import { messageAnchor } from '../anchors';
import { messagePath, rawPath } from '../urls';
import { MAX_THREAD_PAGE_MESSAGES } from '../limits';

/** A patch shows unfolded when its body is at most this many lines; longer ones start folded. */
export const OPEN_PATCH_LINES = 60;

/** Reply excerpts (the folded reply's summary) are cut to this many characters. */
const EXCERPT_CHARS = 140;

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
  /** `Cc: stable@vger.kernel.org`: the patch asks to be backported to stable kernels. */
  stable: boolean;
  /** `Fixes:` → the commit; `Link:`/`Closes:` → the URL. */
  href?: string;
  fixesSubject?: string;
}

/** A message body as the thread page renders it: segments nested by quote depth. */
export interface BodyView {
  /** The message anchor: prefix of every line anchor (the same as on the thread page). */
  anchor: string;
  quotes: QuoteBox;
  links: LinkifyContext;
  diffFiles: Map<string, number>;
  /** Body lines, to decide whether it starts folded. */
  lines: number;
}

export interface ReplyView {
  from: string;
  date: string | null;
  excerpt: string;
  /** The reply on its thread page. */
  href: string;
  /** Its text, quotes folded; null past the page's message budget (then only linked). */
  body: BodyView | null;
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
      /** The review replies, in date order. */
      discussion: ReplyView[];
      notes: ChangelogSection[];
      /** Commit message and diff; null past the page's message budget. */
      body: BodyView | null;
      /** Shown unfolded (a short patch). */
      open: boolean;
    }
  | { present: false; number: number };

export interface VersionView {
  version: number;
  subject: string;
  date: string | null;
  href: string;
  current: boolean;
  /** The cover letter's changelog sections. */
  changelog: ChangelogSection[];
  /** Each patch's notes under `---`. */
  partNotes: VersionChangelog['parts'];
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
    discussion: ReplyView[];
    body: BodyView | null;
  } | null;
  parts: PartView[];
  /** Who reviewed, acked, tested any part (one name per address, first seen). */
  people: { reviewed: string[]; acked: string[]; tested: string[] };
  versions: VersionView[];
  newer: { version: number; href: string } | null;
  mboxHref: string;
  /** Highlighted lines of the block segments shown (from the cache; may be empty). */
  highlights: Map<Segment, string[]>;
}

/** What the loader read beside the report. */
export interface SeriesViewInput {
  list: string;
  report: SeriesReport<StoredMessage>;
  /** By version key (versionChangelogs). */
  changelogs: ReadonlyMap<string, VersionChangelog>;
  highlights?: Map<Segment, string[]>;
  /**
   * Where settings are read (`THREADLIGHT_GIT_WEB` for commit links), as linkContext reads
   * them for message bodies, so `Fixes:` tags and commit ids in the text link alike.
   */
  env?: Readonly<Record<string, string | undefined>>;
}

/** A `?hl=` permalink target: body lines of one message (parseThreadQuery reads it). */
export type LineTarget = NonNullable<ThreadQuery['target']>;

/** The target's lines when they are in this body, else undefined (the page renders it open). */
export function targetIn(
  body: BodyView | null,
  target: LineTarget | undefined,
): { from: number; to: number } | undefined {
  return body && target?.message === body.anchor ? { from: target.from, to: target.to } : undefined;
}

export const threadHref = (list: string, m: StoredMessage) =>
  `${messagePath(list, m.messageId)}#${messageAnchor(m.messageId, m.dupIndex)}`;

export function bodyView(
  m: StoredMessage,
  env: Readonly<Record<string, string | undefined>> = process.env,
): BodyView {
  // A huge patch shows its first part, as on the thread page; raw has the whole.
  const { segments } = shownSegments(m.segments);
  return {
    anchor: messageAnchor(m.messageId, m.dupIndex),
    quotes: buildQuoteTree(segments),
    links: linkContext(m.body, env),
    diffFiles: findDiffFiles(segments),
    lines: m.segments.reduce((n, s) => n + s.lines.length, 0),
  };
}

/** The first line the reviewer wrote (not a quote or attribution). */
function excerpt(m: StoredMessage): string {
  const own = m.segments.find(
    (s) => s.depth === 0 && s.kind !== 'attribution' && s.lines.some((l) => l.trim() !== ''),
  );
  const first = own?.lines.find((l) => l.trim() !== '')?.trim() ?? '';
  return first.length > EXCERPT_CHARS ? `${first.slice(0, EXCERPT_CHARS - 1)}…` : first;
}

/** A trailer as shown; `links` says where commit ids go (the configured git web). */
export function trailerView(list: string, t: CollectedTrailer, links: LinkifyContext): TrailerView {
  const href = t.kind === 'fixes' && t.sha ? commitHref(t.sha, links) : t.url;
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
    stable: t.stable === true,
    ...(href ? { href } : {}),
    ...(t.fixesSubject !== undefined ? { fixesSubject: t.fixesSubject } : {}),
  };
}

/** The tags the series summary names people for. */
const PEOPLE = new Map<CollectedTrailer['kind'], keyof SeriesView['people']>([
  ['reviewed-by', 'reviewed'],
  ['acked-by', 'acked'],
  ['tested-by', 'tested'],
]);

function people(report: SeriesReport<StoredMessage>): SeriesView['people'] {
  const seen = new Set<string>();
  const out: SeriesView['people'] = { reviewed: [], acked: [], tested: [] };
  for (const p of report.parts)
    for (const t of p.trailers) {
      const slot = PEOPLE.get(t.kind);
      if (slot === undefined || t.mismatched) continue;
      // One address given under two names (b4 keeps both trailers) is one person here.
      const key = `${slot}\u0000${(t.address || t.name).toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out[slot].push(t.name || t.address);
    }
  return out;
}

/**
 * Messages whose bodies the page renders: the cover, parts, then replies, up to the
 * thread page's budget, so a huge series costs no more than one thread page.
 */
export function renderedMessages(report: SeriesReport<StoredMessage>): StoredMessage[] {
  return [
    ...(report.series.cover ? [report.series.cover] : []),
    ...report.parts.map((p) => p.message),
    ...report.coverReplies,
    ...report.parts.flatMap((p) => p.replies),
  ].slice(0, MAX_THREAD_PAGE_MESSAGES);
}

export function seriesView({
  list,
  report: r,
  changelogs,
  highlights = new Map(),
  env = process.env,
}: SeriesViewInput): SeriesView {
  const s = r.series;
  const rendered = new Set(renderedMessages(r));
  const body = (m: StoredMessage) => (rendered.has(m) ? bodyView(m, env) : null);
  // Only the git web matters to trailers; no body, so no kernel version is guessed.
  const links = linkContext('', env);
  const trailer = (t: CollectedTrailer) => trailerView(list, t, links);
  const reply = (m: StoredMessage): ReplyView => ({
    from: m.from.name || m.from.address,
    date: m.date,
    excerpt: excerpt(m),
    href: threadHref(list, m),
    body: body(m),
  });
  const present = new Map(r.parts.map((p) => [p.number, p]));
  const last = Math.max(s.total, ...r.parts.map((p) => p.number));
  const parts: PartView[] = [];
  for (let n = 1; n <= last; n++) {
    const p = present.get(n);
    if (!p) {
      parts.push({ present: false, number: n });
      continue;
    }
    const b = body(p.message);
    parts.push({
      present: true,
      number: n,
      subject: p.message.subject,
      from: p.message.from,
      date: p.message.date,
      href: threadHref(list, p.message),
      rawHref: rawPath(list, p.message.messageId, p.message.dupIndex),
      trailers: p.trailers.map(trailer),
      replies: p.replies.length,
      discussion: p.replies.map(reply),
      notes: p.notes,
      body: b,
      open: b !== null && b.lines <= OPEN_PATCH_LINES,
    });
  }
  const versions = r.versions.map((v): VersionView => ({
    version: v.version,
    subject: v.subject,
    date: v.date,
    href: seriesPath(list, v.messageId),
    current: v.messageId === s.key,
    changelog: changelogs.get(v.messageId)?.cover ?? [],
    partNotes: changelogs.get(v.messageId)?.parts ?? [],
  }));
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
          trailers: r.coverTrailers.map(trailer),
          discussion: r.coverReplies.map(reply),
          body: body(s.cover),
        }
      : null,
    parts,
    people: people(r),
    versions,
    newer: r.newer ? { version: r.newer.version, href: seriesPath(list, r.newer.messageId) } : null,
    mboxHref: seriesMboxPath(list, s.key),
    highlights,
  };
}
