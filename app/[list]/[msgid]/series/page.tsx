import type { Metadata } from 'next';
import { cache } from 'react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadSeries } from '@/lib/loaders/load-series';
import { listPath } from '@/lib/urls';
import { SeriesOverview } from '@/components/series/series-overview';
import { routeMessage } from '@/lib/route-segment';

export const dynamic = 'force-dynamic';

/** One load per request: generateMetadata and the page share it (a series page reads a lot). */
const loadOnce = cache((list: string, messageId: string) => loadSeries(list, messageId));

async function load() {
  const ids = await routeMessage();
  if (!ids) return null;
  return loadOnce(ids.list, ids.messageId);
}

function prefix(tags: string[], version: number): string {
  const all = [...(tags.length > 0 ? tags : ['PATCH']), ...(version > 1 ? [`v${version}`] : [])];
  return `[${all.join(' ')}]`;
}

export async function generateMetadata(): Promise<Metadata> {
  const view = await load();
  return { title: view ? `${prefix(view.tags, view.version)} ${view.subject}` : 'Not found' };
}

export default async function SeriesPage() {
  const view = await load();
  if (!view) notFound();
  return (
    <>
      <p className="text-sm">
        <Link href={listPath(view.list)}>{view.list}</Link>
      </p>
      <h1 className="mb-2 text-xl font-semibold break-words">
        <span className="font-mono">{prefix(view.tags, view.version)}</span>{' '}
        {view.subject || '(no subject)'}
      </h1>
      <SeriesOverview view={view} />
    </>
  );
}
