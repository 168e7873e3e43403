import Link from 'next/link';
import type { ThreadView } from '@/lib/loaders/load-thread';
import type { SeriesBannerView } from '@/lib/loaders/load-series';
import { listPath } from '@/lib/urls';
import { threadPageLink } from '@/lib/thread-query';
import { threadFeedPath } from '@/lib/feeds/feed-paths';
import { SeriesBanner } from '@/components/series/series-banner';
import { DepthControl } from './depth-control';
import { ThreadOutline } from './thread-outline';
import { ThreadViewTree, type ThreadOptions } from './thread-view';

/** Everything inside the thread page's main column, for one query string. */
export function ThreadPageBody({
  view,
  banner,
  search,
  options,
  cards,
}: {
  view: ThreadView;
  banner: SeriesBannerView | null;
  /** The raw query string: depth, fold, hl, dup, page. */
  search: string;
  /** The same query, parsed (parseThreadQuery). */
  options: ThreadOptions;
  /** Each message's card as HTML, by anchor (renderThreadMessages). */
  cards: Map<string, string>;
}) {
  const sp = new URLSearchParams(search);
  const pager = view.pages > 1 && (
    <nav className="my-2 flex flex-wrap gap-3 text-sm" aria-label="Thread pages">
      <span className="text-muted">
        Page {view.page} of {view.pages} ({view.messageCount} messages):
      </span>
      {view.page > 1 && <a href={threadPageLink(sp, view.page - 1)}>← previous</a>}
      {view.page < view.pages && <a href={threadPageLink(sp, view.page + 1)}>next →</a>}
    </nav>
  );
  return (
    <>
      <p className="text-sm">
        <Link href={listPath(view.list)}>{view.list}</Link>
      </p>
      <h1 className="mb-2 text-xl font-semibold break-words">{view.subject || '(no subject)'}</h1>
      <SeriesBanner banner={banner} />
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <DepthControl
          maxDepth={view.maxDepth}
          current={options.collapseFrom}
          fold={options.foldFrom}
        />
        <a href={view.mboxHref}>thread mbox</a>
        <a href={threadFeedPath(view.list, view.focus.messageId)}>Atom feed</a>
      </div>
      <ThreadOutline view={view} />
      {pager}
      <ThreadViewTree view={view} options={options} cards={cards} />
      {pager}
    </>
  );
}
