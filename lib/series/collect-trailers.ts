/**
 * Which trailers apply to which patch, the way b4 collects them: a patch's own tags,
 * plus tags that reviewers give in replies. A reply counts for the nearest posting it
 * replies to (at any depth: a reply to a review still concerns the patch); a reply to
 * the cover letter counts for every patch.
 */
import type { CollectedTrailer, Series, SeriesInput, Trailer } from './series-types';
import { parsePatchTrailers, parseReplyTrailers, trailerKey } from './parse-trailers';
import { ancestry, seriesMemberIds } from './find-series';

/** What one posting (cover or patch) gathered. */
export interface PostingReview<M extends SeriesInput> {
  /** Replies whose nearest posting is this one, by date. */
  replies: M[];
  /** For a patch: its own tags, then reply tags (cover replies last), de-duplicated. */
  trailers: CollectedTrailer[];
}

export interface SeriesReview<M extends SeriesInput> {
  /** By part number. */
  parts: Map<number, PostingReview<M>>;
  /** Replies to the cover letter and the tags they gave (already copied into every part). */
  cover: PostingReview<M>;
}

const byDate = (a: SeriesInput, b: SeriesInput) =>
  (a.date ?? '\uffff') < (b.date ?? '\uffff')
    ? -1
    : (a.date ?? '\uffff') > (b.date ?? '\uffff')
      ? 1
      : 0;

function fromReply(t: Trailer, reply: SeriesInput, viaCover: boolean): CollectedTrailer {
  const sender = reply.from.address.toLowerCase();
  const mismatched = t.address !== '' && t.address.toLowerCase() !== sender;
  return {
    ...t,
    from: 'reply',
    replyId: reply.messageId,
    ...(viaCover ? { viaCover } : {}),
    ...(mismatched ? { mismatched } : {}),
  };
}

/**
 * Collect the review of `series` from `messages` (its threads, in any order).
 * `postingIds` are the ids of every posting in those threads, of this series or another
 * (a v2 threaded under v1): a reply belongs to the nearest of them, so a review of v2
 * never counts for v1.
 */
export function collectTrailers<M extends SeriesInput>(
  series: Series<M>,
  messages: readonly M[],
  postingIds: ReadonlySet<string>,
): SeriesReview<M> {
  const partOf = new Map(series.parts.map((p) => [p.message.messageId, p.number]));
  const coverId = series.cover?.messageId;
  const members = new Set(seriesMemberIds(series));
  const replies = new Map<number | 'cover', M[]>();
  const seen = new Set<string>();
  for (const m of [...messages].sort(byDate)) {
    if (postingIds.has(m.messageId) || members.has(m.messageId) || seen.has(m.messageId)) continue;
    seen.add(m.messageId);
    const anchor = ancestry(m).find((id) => postingIds.has(id) || members.has(id));
    if (anchor === undefined) continue;
    const slot = anchor === coverId ? 'cover' : partOf.get(anchor);
    if (slot === undefined) continue;
    replies.set(slot, [...(replies.get(slot) ?? []), m]);
  }
  const coverReplies = replies.get('cover') ?? [];
  const coverTrailers = coverReplies.flatMap((r) =>
    parseReplyTrailers(r.body).map((t) => fromReply(t, r, true)),
  );
  const parts = new Map<number, PostingReview<M>>();
  for (const p of series.parts) {
    const own = replies.get(p.number) ?? [];
    const candidates: CollectedTrailer[] = [
      ...parsePatchTrailers(p.message.body).map((t): CollectedTrailer => ({ ...t, from: 'patch' })),
      ...own.flatMap((r) => parseReplyTrailers(r.body).map((t) => fromReply(t, r, false))),
      ...coverTrailers,
    ];
    const keys = new Set<string>();
    const trailers = candidates.filter((t) => {
      // A patch may carry the same tag twice on purpose (two `Link:`s); only replies are folded.
      const k = trailerKey(t);
      const duplicate = t.from === 'reply' && keys.has(k);
      keys.add(k);
      return !duplicate;
    });
    parts.set(p.number, { replies: own, trailers });
  }
  return { parts, cover: { replies: coverReplies, trailers: coverTrailers } };
}
