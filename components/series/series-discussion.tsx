import type { Segment } from '@/lib/types';
import { targetIn, type LineTarget, type ReplyView } from '@/lib/series/series-view';
import { formatDate } from '@/lib/loaders/format';
import { MessageBody } from './message-body';

/** Quotes inside a reply fold from this depth, as on the thread page by default. */
const REPLY_FOLD_FROM = 3;

/** Discussions of up to this many replies start open (each reply stays folded). */
const OPEN_DISCUSSION_REPLIES = 5;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The review replies of one posting, beneath it: who answered and when (linked to the
 * thread page), and their text folded in a <details> whose summary is their first line.
 * The reply holding the `?hl=` target renders open, and the discussion around it.
 */
export function SeriesDiscussion({
  replies,
  highlights,
  target,
}: {
  replies: ReplyView[];
  highlights: Map<Segment, string[]>;
  target?: LineTarget | undefined;
}) {
  if (replies.length === 0) return <p className="mt-1 text-sm text-muted">no replies yet</p>;
  const targeted = replies.find((r) => targetIn(r.body, target) !== undefined);
  return (
    <details
      className="tl-discussion mt-1 text-sm"
      open={replies.length <= OPEN_DISCUSSION_REPLIES || targeted !== undefined}
    >
      <summary className="cursor-pointer">
        {plural(replies.length, 'reply', 'replies')} in the review discussion
      </summary>
      <ol className="mt-1 space-y-1 border-l-2 border-border pl-2">
        {replies.map((r) => (
          <li key={r.href} className="tl-reply">
            <a href={r.href}>
              <span className="font-semibold">{r.from}</span>
              {r.date ? ` · ${formatDate(r.date)}` : ''}
            </a>
            {r.body ? (
              <details className="tl-reply-text rounded border border-border" open={r === targeted}>
                <summary className="cursor-pointer px-2 text-muted">
                  {r.excerpt || '(no text of their own)'}
                </summary>
                <MessageBody
                  body={r.body}
                  highlights={highlights}
                  foldFrom={REPLY_FOLD_FROM}
                  target={target}
                />
              </details>
            ) : (
              r.excerpt && <span className="text-muted">: {r.excerpt}</span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
