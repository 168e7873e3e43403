import type { Segment } from '@/lib/types';
import { targetIn, type LineTarget, type PartView } from '@/lib/series/series-view';
import { TrailerList } from './trailer-list';
import { ChangelogList } from './changelog-list';
import { MessageBody } from './message-body';
import { SeriesDiscussion } from './series-discussion';

/** Patches rarely quote; when they do (a resent reply), the thread page's default applies. */
const PATCH_FOLD_FROM = 3;

/**
 * One part of the series as a reader goes through it: subject and links, the tags it
 * collected, its commit message and diff (folded when long), its notes under `---`, and
 * its review discussion beneath. A part no message was found for is a marked row. A
 * folded patch holding the `?hl=` target renders open, so the permalink works without JS.
 */
export function SeriesPart({
  part: p,
  total,
  highlights,
  target,
}: {
  part: PartView;
  total: number;
  highlights: Map<Segment, string[]>;
  target?: LineTarget | undefined;
}) {
  if (!p.present) {
    return (
      <li data-part={p.number} data-missing="true" className="px-3 py-2 text-muted">
        <span className="font-mono">
          [{p.number}/{total}]
        </span>{' '}
        missing: not in this archive
      </li>
    );
  }
  return (
    <li data-part={p.number} className="px-3 py-2">
      <div>
        <span className="font-mono text-muted">
          [{p.number}/{total}]
        </span>{' '}
        <a href={p.href} className="font-medium">
          {p.subject}
        </a>{' '}
        <span className="text-sm text-muted">
          {p.from.name || p.from.address} · <a href={p.rawHref}>raw</a>
        </span>
      </div>
      <TrailerList trailers={p.trailers} />
      {p.body && (
        <details
          className="tl-patch mt-1 rounded border border-border"
          open={p.open || targetIn(p.body, target) !== undefined}
        >
          <summary className="cursor-pointer px-2 text-sm text-muted">
            Commit message and diff ({p.body.lines} lines)
          </summary>
          <MessageBody
            body={p.body}
            highlights={highlights}
            foldFrom={PATCH_FOLD_FROM}
            target={target}
          />
        </details>
      )}
      {p.notes.length > 0 && (
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer">Notes below ---</summary>
          <ChangelogList sections={p.notes} />
        </details>
      )}
      <SeriesDiscussion replies={p.discussion} highlights={highlights} target={target} />
    </li>
  );
}
