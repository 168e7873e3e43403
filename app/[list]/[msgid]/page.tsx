import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { loadThread } from '@/lib/loaders/load-thread';
import { listPath } from '@/lib/urls';
import { ThreadOutline } from '@/components/thread/thread-outline';
import { ThreadViewTree } from '@/components/thread/thread-view';
import { DepthControl } from '@/components/thread/depth-control';
import { ThreadEnhancer } from '@/components/ui/thread-enhancer';
import { parseLineAnchor } from '@/lib/anchors';
import { threadFeedPath } from '@/lib/feeds/feed-paths';
import { SeriesBanner } from '@/components/series/series-banner';
import { routeMessage } from '@/lib/route-segment';

export const dynamic = 'force-dynamic';

type Query = { depth?: string; fold?: string; hl?: string; dup?: string; page?: string };
type Props = {
  params: Promise<{ list: string; msgid: string }>;
  searchParams: Promise<Query>;
};

/** `?depth=2` collapses replies from depth 2 on; `?fold=3` folds quotes from depth 3 on. */
function parseLevel(value: string | undefined, fallback: number): number {
  if (value === 'all') return Infinity;
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : fallback;
}

/** A small non-negative whole number from the query, else undefined. */
function parseCount(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : undefined;
}

// One load per request, shared by generateMetadata and the page.
const load = cache(async (dup: number | undefined, page: number | undefined) => {
  const ids = await routeMessage();
  if (!ids) return null;
  const { list, messageId } = ids;
  return loadThread(list, messageId, {
    ...(dup !== undefined ? { dup } : {}),
    ...(page !== undefined ? { page } : {}),
  });
});

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const sp = await searchParams;
  const view = await load(parseCount(sp.dup), parseCount(sp.page));
  if (!view) return { title: 'Not found' };
  return {
    title: view.focus.subject || '(no subject)',
    alternates: {
      types: { 'application/atom+xml': threadFeedPath(view.list, view.focus.messageId) },
    },
  };
}

export default async function ThreadPage({ searchParams }: Props) {
  const sp = await searchParams;
  const view = await load(parseCount(sp.dup), parseCount(sp.page));
  if (!view) notFound();
  const collapseFrom = parseLevel(sp.depth, Infinity);
  const foldFrom = parseLevel(sp.fold, 3);
  const hl = typeof sp.hl === 'string' ? parseLineAnchor(sp.hl) : null;
  const target = hl ? { message: hl.message, from: hl.from, to: hl.to } : undefined;
  const pageLink = (page: number) => {
    const q = new URLSearchParams({ ...sp, page: String(page) });
    q.delete('hl');
    return `?${q.toString()}`;
  };
  const pager = view.pages > 1 && (
    <nav className="my-2 flex flex-wrap gap-3 text-sm" aria-label="Thread pages">
      <span className="text-muted">
        Page {view.page} of {view.pages} ({view.messageCount} messages):
      </span>
      {view.page > 1 && <a href={pageLink(view.page - 1)}>← previous</a>}
      {view.page < view.pages && <a href={pageLink(view.page + 1)}>next →</a>}
    </nav>
  );
  return (
    <>
      <p className="text-sm">
        <Link href={listPath(view.list)}>{view.list}</Link>
      </p>
      <h1 className="mb-2 text-xl font-semibold break-words">{view.subject || '(no subject)'}</h1>
      <SeriesBanner list={view.list} messageId={view.focus.messageId} />
      <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
        <DepthControl maxDepth={view.maxDepth} current={collapseFrom} fold={foldFrom} />
        <a href={view.mboxHref}>thread mbox</a>
        <a href={threadFeedPath(view.list, view.focus.messageId)}>Atom feed</a>
      </div>
      <ThreadOutline view={view} />
      {pager}
      <ThreadViewTree
        view={view}
        options={{ collapseFrom, foldFrom, ...(target ? { target } : {}) }}
      />
      {pager}
      <ThreadEnhancer />
    </>
  );
}
