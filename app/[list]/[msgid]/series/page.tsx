import type { Metadata } from 'next';
import { cache } from 'react';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadSeries } from '@/lib/loaders/load-series';
import { listPath } from '@/lib/urls';
import { SeriesOverview } from '@/components/series/series-overview';
import { routeMessage } from '@/lib/route-segment';
import { parseThreadQuery } from '@/lib/thread-query';

export const dynamic = 'force-dynamic';

/**
 * The thread page's script (components/ui/thread-script.ts, built by
 * scripts/build-client.mjs): `#…-L12` fragments open the <details> around their line, and
 * line numbers give permalinks, as on the thread page. Its keyboard moves between thread
 * messages and finds none here; nothing else it touches is thread-page-only.
 */
const THREAD_SCRIPT = '/_tl/thread.js';

/** This request's CSP nonce, read back from the policy proxy.ts put on the request. */
async function requestNonce(): Promise<string> {
  const policy = (await headers()).get('content-security-policy') ?? '';
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] ?? '';
}

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

export default async function SeriesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const view = await load();
  if (!view) notFound();
  // `?hl=` names body lines of one message: the server opens and highlights them (no JS needed).
  const hl = (await searchParams).hl;
  const { target } = parseThreadQuery(new URLSearchParams(typeof hl === 'string' ? { hl } : {}));
  return (
    <>
      <p className="text-sm">
        <Link href={listPath(view.list)}>{view.list}</Link>
      </p>
      <h1 className="mb-2 text-xl font-semibold break-words">
        <span className="font-mono">{prefix(view.tags, view.version)}</span>{' '}
        {view.subject || '(no subject)'}
      </h1>
      <SeriesOverview view={view} {...(target ? { target } : {})} />
      {/* async: React hoists it into <head> once, also after client-side navigation. */}
      <script async src={THREAD_SCRIPT} nonce={await requestNonce()} />
    </>
  );
}
