/**
 * Group patch postings into series: a cover letter `[PATCH v2 0/3]` and its patches.
 * Like patchwork's parser: first by threading (a patch's In-Reply-To/References name the
 * cover letter, or an earlier patch of the same series when threads are deep), then, for
 * mail without usable threading, by numbering: same version and total, same author,
 * a free slot, sent within SERIES_GAP_MINUTES of the group.
 */
import type { Series, SeriesInput } from './series-types';
import { seriesSubject, type SeriesSubject } from './series-subject';
import { hasDiff } from './patch-layout';

/** Minutes between two postings of one series sent without threading headers. */
export const SERIES_GAP_MINUTES = 60;

/** A message that is a posting of a series (cover or patch), with its subject read. */
export interface Posting<M extends SeriesInput> {
  message: M;
  subject: SeriesSubject;
}

/** Cover letters (`0/N`) and patches (subject tags, not a reply, with a diff). */
export function readPosting<M extends SeriesInput>(message: M): Posting<M> | null {
  const subject = seriesSubject(message.subject);
  if (subject.isReply || !subject.isPatch) return null;
  if (subject.part === 0) return { message, subject };
  const diff =
    hasDiff(message.body) || (message.attachments ?? []).some((a) => a.text && hasDiff(a.text));
  return diff ? { message, subject } : null;
}

interface Group<M extends SeriesInput> {
  version: number;
  total: number;
  author: string;
  cover: Posting<M> | null;
  members: Map<number, Posting<M>>;
  times: number[];
}

const time = (date: string | null): number => (date ? Date.parse(date) : NaN);

function sortTime(date: string | null): number {
  const t = time(date);
  return Number.isNaN(t) ? Infinity : t;
}

function sortKey(a: Posting<SeriesInput>, b: Posting<SeriesInput>): number {
  // Undated mail sorts last; NaN would make the comparator inconsistent.
  const ta = sortTime(a.message.date);
  const tb = sortTime(b.message.date);
  if (ta !== tb) return ta < tb ? -1 : 1;
  if ((a.subject.part ?? 1) !== (b.subject.part ?? 1))
    return (a.subject.part ?? 1) - (b.subject.part ?? 1);
  return a.message.messageId < b.message.messageId
    ? -1
    : a.message.messageId > b.message.messageId
      ? 1
      : 0;
}

/** The ids a message points back to, nearest first: In-Reply-To, then References newest first. */
export function ancestry(m: SeriesInput): string[] {
  const ids = m.inReplyTo ? [m.inReplyTo] : [];
  for (let i = m.references.length - 1; i >= 0; i--) ids.push(m.references[i]!);
  return ids;
}

/**
 * Every series among the messages (any order; non-postings are ignored), ordered by date.
 * Duplicate Message-IDs: the first posting wins.
 */
export function groupSeries<M extends SeriesInput>(messages: readonly M[]): Series<M>[] {
  const seen = new Set<string>();
  const postings: Posting<M>[] = [];
  for (const m of messages) {
    if (seen.has(m.messageId)) continue;
    seen.add(m.messageId);
    const p = readPosting(m);
    if (p) postings.push(p);
  }
  postings.sort(sortKey);
  const groups: Group<M>[] = [];
  const groupOf = new Map<string, Group<M>>();
  const open = (p: Posting<M>, total: number): Group<M> => {
    const g: Group<M> = {
      version: p.subject.version,
      total,
      author: p.message.from.address.toLowerCase(),
      cover: null,
      members: new Map(),
      times: [],
    };
    groups.push(g);
    return g;
  };
  const join = (g: Group<M>, p: Posting<M>): void => {
    if (p.subject.part === 0) g.cover = p;
    else g.members.set(p.subject.part ?? 1, p);
    g.times.push(time(p.message.date));
    groupOf.set(p.message.messageId, g);
  };
  // Covers first: patches sorted before their cover (clock skew) still find it.
  for (const p of postings) if (p.subject.part === 0) join(open(p, p.subject.total!), p);
  for (const p of postings) {
    if (p.subject.part === 0) continue;
    if (p.subject.part === undefined) {
      join(open(p, 1), p);
      continue;
    }
    const fits = (g: Group<M>) =>
      g.version === p.subject.version &&
      g.total === p.subject.total &&
      !g.members.has(p.subject.part!);
    // Threaded under a `[PATCH net-next v3 0/4]` cover, a bare `[PATCH 1/4]` is its part
    // (some scripts put the version on the cover only).
    const threadFits = (g: Group<M>) =>
      fits(g) ||
      (p.subject.version === 1 && g.total === p.subject.total && !g.members.has(p.subject.part!));
    let target = ancestry(p.message)
      .map((id) => groupOf.get(id))
      .find((g) => g !== undefined && threadFits(g));
    if (!target) {
      const t = time(p.message.date);
      const author = p.message.from.address.toLowerCase();
      target = groups.findLast(
        (g) =>
          fits(g) &&
          g.author === author &&
          author !== '' &&
          g.times.some((gt) => Math.abs(gt - t) <= SERIES_GAP_MINUTES * 60_000),
      );
    }
    join(target ?? open(p, p.subject.total!), p);
  }
  return groups.map(toSeries).sort((a, b) => sortKey(first(a), first(b)));
}

function first<M extends SeriesInput>(s: Series<M>): Posting<M> {
  const m = s.cover ?? s.parts[0]!.message;
  return { message: m, subject: seriesSubject(m.subject) };
}

function toSeries<M extends SeriesInput>(g: Group<M>): Series<M> {
  const parts = [...g.members.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([number, p]) => ({ number, message: p.message }));
  const lead = g.cover ?? g.members.get(parts[0]!.number)!;
  const missing: number[] = [];
  for (let n = 1; n <= g.total; n++) if (!g.members.has(n)) missing.push(n);
  const dates = [g.cover, ...g.members.values()]
    .map((p) => p?.message.date ?? null)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    key: lead.message.messageId,
    subject: lead.subject.base,
    version: g.version,
    total: g.total,
    tags: lead.subject.tags,
    author: lead.message.from,
    date: dates[0] ?? null,
    cover: g.cover?.message ?? null,
    parts,
    missing,
  };
}

/** The ids of every cover and patch of the series. */
export function seriesMemberIds(s: Series): string[] {
  return [...(s.cover ? [s.cover.messageId] : []), ...s.parts.map((p) => p.message.messageId)];
}

/**
 * The series that `messageId` belongs to: as cover or patch, or, for a reply, the series
 * of the nearest posting it replies to. Null when it is no part of a series.
 */
export function findSeries<M extends SeriesInput>(
  messages: readonly M[],
  messageId: string,
): Series<M> | null {
  const all = groupSeries(messages);
  const owner = new Map<string, Series<M>>();
  for (const s of all) for (const id of seriesMemberIds(s)) owner.set(id, s);
  const direct = owner.get(messageId);
  if (direct) return direct;
  const focus = messages.find((m) => m.messageId === messageId);
  if (!focus) return null;
  for (const id of ancestry(focus)) {
    const s = owner.get(id);
    if (s) return s;
  }
  return null;
}
