import type { GetServerSideProps } from 'next';
import Head from 'next/head';
import Link from 'next/link';
import { loadThread, type ThreadView } from '@/lib/loaders/load-thread';
import { loadSeriesBanner, type SeriesBannerView } from '@/lib/loaders/load-series';
import { listPath } from '@/lib/urls';
import { PATH_HEADER, pathMessage } from '@/lib/route-path-header';
import { parseThreadQuery, threadPageLink } from '@/lib/thread-query';
import { threadFeedPath } from '@/lib/feeds/feed-paths';
import { ThreadOutline } from '@/components/thread/thread-outline';
import { ThreadViewTree } from '@/components/thread/thread-view';
import { DepthControl } from '@/components/thread/depth-control';
import { SeriesBanner } from '@/components/series/series-banner';
import { SiteHeader, SiteMain } from '@/components/site/site-header';
import { ThemeButton } from '@/components/ui/theme-button';
import { parseTheme, type Theme } from '@/components/ui/theme';

/**
 * Server-rendered HTML and no framework runtime: the page works without JavaScript
 * (<details>, links, `?hl=`), and public/_tl/thread.js (components/ui/thread-script.ts)
 * adds the rest in a few KB. Props never reach the browser: with the runtime off, Next
 * writes no __NEXT_DATA__.
 */
export const config = { unstable_runtimeJS: false };

/** Where the bundled thread script is served from (scripts/build-client.mjs). */
const THREAD_SCRIPT = '/_tl/thread.js';

type Props = {
  view: ThreadView;
  banner: SeriesBannerView | null;
  /** The raw query string: depth, fold, hl, dup, page. */
  search: string;
  nonce: string;
  theme: Theme;
};

/** This request's CSP nonce, as proxy.ts put it on the request's policy header. */
function nonceOf(policy: string | string[] | undefined): string {
  const m = /'nonce-([A-Za-z0-9+/=]+)'/.exec(String(policy ?? ''));
  return m?.[1] ?? '';
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req }) => {
  // The raw path proxy.ts recorded, decoded once (lib/route-path-header.ts).
  const ids = pathMessage(String(req.headers[PATH_HEADER] ?? ''));
  if (!ids) return { notFound: true };
  const search = new URL(req.url ?? '/', 'http://localhost').search;
  const q = parseThreadQuery(new URLSearchParams(search));
  const view = await loadThread(ids.list, ids.messageId, {
    ...(q.dup !== undefined ? { dup: q.dup } : {}),
    ...(q.page !== undefined ? { page: q.page } : {}),
  });
  if (!view) return { notFound: true };
  const cookie = /(?:^|;\s*)theme=([^;]*)/.exec(req.headers.cookie ?? '')?.[1];
  return {
    props: {
      view,
      banner: await loadSeriesBanner(view.list, view.focus.messageId),
      search,
      nonce: nonceOf(req.headers['content-security-policy']),
      theme: parseTheme(cookie),
    },
  };
};

export default function ThreadPage({ view, banner, search, nonce, theme }: Props) {
  const sp = new URLSearchParams(search);
  const { collapseFrom, foldFrom, target } = parseThreadQuery(sp);
  const pager = view.pages > 1 && (
    <nav className="my-2 flex flex-wrap gap-3 text-sm" aria-label="Thread pages">
      <span className="text-muted">
        Page {view.page} of {view.pages} ({view.messageCount} messages):
      </span>
      {view.page > 1 && <a href={threadPageLink(sp, view.page - 1)}>← previous</a>}
      {view.page < view.pages && <a href={threadPageLink(sp, view.page + 1)}>next →</a>}
    </nav>
  );
  const feed = threadFeedPath(view.list, view.focus.messageId);
  return (
    <>
      <Head>
        <title>{`${view.focus.subject || '(no subject)'} · Threadlight`}</title>
        <link rel="alternate" type="application/atom+xml" href={feed} />
      </Head>
      <SiteHeader themeControl={<ThemeButton theme={theme} />} />
      <SiteMain>
        <p className="text-sm">
          <Link href={listPath(view.list)}>{view.list}</Link>
        </p>
        <h1 className="mb-2 text-xl font-semibold break-words">{view.subject || '(no subject)'}</h1>
        <SeriesBanner banner={banner} />
        <div className="mb-2 flex flex-wrap items-center gap-3 text-sm">
          <DepthControl maxDepth={view.maxDepth} current={collapseFrom} fold={foldFrom} />
          <a href={view.mboxHref}>thread mbox</a>
          <a href={feed}>Atom feed</a>
        </div>
        <ThreadOutline view={view} />
        {pager}
        <ThreadViewTree
          view={view}
          options={{ collapseFrom, foldFrom, ...(target ? { target } : {}) }}
        />
        {pager}
      </SiteMain>
      <script src={THREAD_SCRIPT} nonce={nonce} defer />
    </>
  );
}
