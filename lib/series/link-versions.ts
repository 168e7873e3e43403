/**
 * Link the versions of one series (v1 → v2 → v3), which are usually separate threads.
 * Two postings are versions of each other when
 * - one points at the other: threaded under it (`--in-reply-to` v1), or a link to it
 *   in the cover or notes (`Link to v1: https://lore.kernel.org/r/<id>`), or
 * - the same author sent both with the same subject: the cover's, or most patches', or
 * - the same author sent both, one's changelog names the other's version ("Changes
 *   since v2:", `v2 -> v3:`) and they share at least one patch subject (a series renamed
 *   between versions keeps some of its patches).
 * Never when their subject tags name different release branches (`[PATCH 5.15 …]` and
 * `[PATCH 6.1 …]`: stable backports of the same patches are parallel postings).
 * Links chain: v3 that points at v2 joins v1 when v2 matches v1.
 */
import type { Series, SeriesInput, SeriesVersion } from './series-types';
import { ancestry, seriesMemberIds } from './find-series';
import { seriesSubject } from './series-subject';
import { patchLayout } from './patch-layout';
import { coverChangelog, namedVersions, patchChangelog } from './changelog';

// A Message-ID in an archive link: `https://lore.kernel.org/r/<id>`,
// `https://lore.kernel.org/netdev/<id>/`, `https://patch.msgid.link/<id>`.
const RE_MSGID_URL =
  /https?:\/\/(?:lore\.kernel\.org|lkml\.kernel\.org|patch\.msgid\.link|msgid\.link)\/(?:r\/|[\w.-]{1,64}\/)?([^\s/<>"]{1,500}@[^\s/<>"]{1,500})/gi;

// A version note some writers put in the cover subject: `foo (v3)`.
const RE_SUBJECT_VERSION = /[ \t]*\(v\d{1,4}\)$/i;

/** Message-IDs an archive link in the text points at (percent-escapes decoded). */
export function linkedMessageIds(text: string): string[] {
  const ids: string[] = [];
  for (const m of text.matchAll(RE_MSGID_URL)) {
    try {
      ids.push(decodeURIComponent(m[1]!));
    } catch {
      ids.push(m[1]!);
    }
  }
  return ids;
}

const norm = (s: string) => s.replace(RE_SUBJECT_VERSION, '').trim().toLowerCase();

function sameAuthor(a: Series, b: Series): boolean {
  const aa = a.author.address.toLowerCase();
  const ba = b.author.address.toLowerCase();
  if (aa !== '' && aa === ba) return true;
  return a.author.name !== '' && a.author.name === b.author.name;
}

function patchBases(s: Series): Set<string> {
  return new Set(s.parts.map((p) => norm(seriesSubject(p.message.subject).base)));
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared;
}

// A subject tag naming a release branch: `5.15`, `6.1.y`, `v6.6`, `4.19-stable`, `stable-5.10`.
const RE_RELEASE_TAG = /^(?:v|linux-|stable-)?\d{1,3}\.\d{1,3}(?:\.y|\.\d{1,4})?(?:-stable)?$/i;

/** The release branches a posting's tags name, sorted, as one string ('' for none). */
function releaseTags(s: Series): string {
  return s.tags
    .filter((t) => RE_RELEASE_TAG.test(t))
    .map((t) => t.toLowerCase().replace(/^(?:v|linux-|stable-)|-stable$/g, ''))
    .sort()
    .join(' ');
}

/** What linking compares of one posting, read once. */
interface Profile {
  series: Series;
  points: Set<string>;
  bases: Set<string>;
  /** Versions its changelogs (cover sections, patch notes) name. */
  named: Set<number>;
  release: string;
}

function profile(s: Series): Profile {
  const sections = [
    ...(s.cover ? coverChangelog(s.cover.body) : []),
    ...s.parts.flatMap((p) => patchChangelog(p.message.body)),
  ];
  return {
    series: s,
    points: seriesPointers(s),
    bases: patchBases(s),
    named: namedVersions(sections),
    release: releaseTags(s),
  };
}

function sameSubject(a: Profile, b: Profile): boolean {
  if (a.series.cover && b.series.cover && norm(a.series.subject) === norm(b.series.subject))
    return true;
  const shared = sharedCount(a.bases, b.bases);
  return shared > 0 && shared * 2 >= Math.min(a.bases.size, b.bases.size);
}

/** One names the other's version in its changelog, and they share a patch. */
function changelogNames(a: Profile, b: Profile): boolean {
  const av = a.series.version;
  const bv = b.series.version;
  if (av === bv || !(a.named.has(bv) || b.named.has(av))) return false;
  return sharedCount(a.bases, b.bases) > 0;
}

/** Ids a series points at: through threading headers, and archive links before its diffs. */
export function seriesPointers(s: Series): Set<string> {
  const out = new Set<string>();
  const messages: SeriesInput[] = [...(s.cover ? [s.cover] : []), ...s.parts.map((p) => p.message)];
  for (const m of messages) {
    for (const id of ancestry(m)) out.add(id);
    const layout = patchLayout(m.body);
    const text = layout.lines
      .slice(0, layout.diffStart >= 0 ? layout.diffStart : undefined)
      .join('\n');
    for (const id of linkedMessageIds(text)) out.add(id);
  }
  return out;
}

function related(a: Profile, b: Profile): boolean {
  if (a.release !== b.release) return false;
  if (seriesMemberIds(b.series).some((id) => a.points.has(id))) return true;
  if (seriesMemberIds(a.series).some((id) => b.points.has(id))) return true;
  if (!sameAuthor(a.series, b.series)) return false;
  return sameSubject(a, b) || changelogNames(a, b);
}

const order = (a: Series, b: Series) =>
  a.version - b.version ||
  ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0);

/**
 * Every posting of `target`'s series among `candidates` (target included), oldest version
 * first; equal versions (resends) by date. Candidates sharing a message with `target` are
 * the same posting seen through another pool and are skipped.
 */
export function linkVersions<M extends SeriesInput>(
  target: Series<M>,
  candidates: readonly Series<M>[],
): SeriesVersion[] {
  const own = new Set(seriesMemberIds(target));
  const pool = [target, ...candidates.filter((c) => !seriesMemberIds(c).some((id) => own.has(id)))];
  const profiles = pool.map(profile);
  const inComponent = new Set<number>([0]);
  const queue = [0];
  while (queue.length > 0) {
    const i = queue.shift()!;
    for (let j = 0; j < pool.length; j++) {
      if (inComponent.has(j) || !related(profiles[i]!, profiles[j]!)) continue;
      inComponent.add(j);
      queue.push(j);
    }
  }
  return [...inComponent]
    .map((i) => pool[i]!)
    .sort(order)
    .map((s) => ({ version: s.version, messageId: s.key, subject: s.subject, date: s.date }));
}

/** The newest posting when it is newer than `target` (a higher version, or a later resend). */
export function newerVersion(
  versions: readonly SeriesVersion[],
  target: Series,
): SeriesVersion | null {
  const last = versions.at(-1);
  return last && last.messageId !== target.key ? last : null;
}
