import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadThread } from '@/lib/loaders/load-thread';
import { decodeSegment, listPath } from '@/lib/urls';
import { ThreadOutline } from '@/components/thread/thread-outline';
import { ThreadViewTree } from '@/components/thread/thread-view';
import { DepthControl } from '@/components/thread/depth-control';
import { ThreadEnhancer } from '@/components/ui/thread-enhancer';
import { parseLineAnchor } from '@/lib/anchors';
import { threadFeedPath } from '@/lib/feeds/feed-paths';
import { SeriesBanner } from '@/components/series/series-banner';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ list: string; msgid: string }>;
  searchParams: Promise<{ depth?: string; fold?: string; hl?: string }>;
};

/** `?depth=2` collapses replies from depth 2 on; `?fold=3` folds quotes from depth 3 on. */
function parseLevel(value: string | undefined, fallback: number): number {
  if (value === 'all') return Infinity;
  const n = Math.floor(Number(value));
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : fallback;
}

async function load(params: Props['params']) {
  const p = await params;
  const list = decodeSegment(p.list);
  const messageId = decodeSegment(p.msgid);
  if (list === null || messageId === null) return null;
  return loadThread(list, messageId);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await load(params);
  if (!view) return { title: 'Not found' };
  return {
    title: view.focus.subject || '(no subject)',
    alternates: {
      types: { 'application/atom+xml': threadFeedPath(view.list, view.focus.messageId) },
    },
  };
}

export default async function ThreadPage({ params, searchParams }: Props) {
  const view = await load(params);
  if (!view) notFound();
  const sp = await searchParams;
  const collapseFrom = parseLevel(sp.depth, Infinity);
  const foldFrom = parseLevel(sp.fold, 3);
  const hl = typeof sp.hl === 'string' ? parseLineAnchor(sp.hl) : null;
  const target = hl ? { message: hl.message, from: hl.from, to: hl.to } : undefined;
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
      <ThreadViewTree
        view={view}
        options={{ collapseFrom, foldFrom, ...(target ? { target } : {}) }}
      />
      <ThreadEnhancer />
    </>
  );
}
