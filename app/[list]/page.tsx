import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getStore } from '@/lib/store/server-db';
import { listPath, threadPagePath } from '@/lib/urls';
import { formatDate, formatReplies } from '@/lib/loaders/format';
import { listFeedPath, listMboxPath } from '@/lib/feeds/feed-paths';
import { routeSegment } from '@/lib/route-segment';

export const dynamic = 'force-dynamic';
const PER_PAGE = 50;

type Props = { params: Promise<{ list: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const list = await routeSegment(0);
  if (list === null) return { title: 'List' };
  return {
    title: list,
    alternates: { types: { 'application/atom+xml': listFeedPath(list) } },
  };
}

export default async function ListPage({ searchParams }: Props) {
  const list = await routeSegment(0);
  const page = Math.max(1, Math.floor(Number((await searchParams).page)) || 1);
  const data = list === null ? null : await (await getStore()).getListThreads(list, page, PER_PAGE);
  if (!list || !data) notFound();
  const pages = Math.max(1, Math.ceil(data.total / PER_PAGE));
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{list}</h1>
      <p className="mb-3 text-sm text-muted">
        {data.total} threads, newest activity first · <a href={listFeedPath(list)}>Atom feed</a> ·{' '}
        <a href={listMboxPath(list)}>download all as mbox.gz</a>
      </p>
      <ol className="divide-y divide-border">
        {data.threads.map((t) => (
          <li key={t.rootMessageId} className="py-2">
            {/* A plain link: thread pages are Pages Router pages, which next/link would
                prefetch as App Router payloads they never answer (docs/design.md). */}
            <a href={threadPagePath(list, t.linkMessageId, t.linkDup)} className="font-medium">
              {t.subject || '(no subject)'}
            </a>
            <div className="text-sm text-muted">
              {formatReplies(t.messages)} · {t.participants.slice(0, 5).join(', ')}
              {t.participants.length > 5 ? ` and ${t.participants.length - 5} more` : ''} · last{' '}
              {formatDate(t.lastDate)}
            </div>
          </li>
        ))}
      </ol>
      {pages > 1 && (
        <nav className="mt-4 flex gap-3" aria-label="Pages">
          {page > 1 && <Link href={`${listPath(list)}?page=${page - 1}`}>← newer</Link>}
          <span className="text-muted">
            page {page} of {pages}
          </span>
          {page < pages && <Link href={`${listPath(list)}?page=${page + 1}`}>older →</Link>}
        </nav>
      )}
    </>
  );
}
