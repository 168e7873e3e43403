import type { GetServerSideProps } from 'next';
import Head from 'next/head';
import { loadThread } from '@/lib/loaders/load-thread';
import { loadSeriesBanner } from '@/lib/loaders/load-series';
import { getStore } from '@/lib/store/server-db';
import { PATH_HEADER, pathMessage } from '@/lib/route-path-header';
import { parseThreadQuery } from '@/lib/thread-query';
import { threadPageHtml, type ThreadPageHtml } from '@/components/thread/thread-page-html';
import { SiteHeader, SiteMain } from '@/components/site/site-header';
import { ThemeButton } from '@/components/ui/theme-button';
import { themeFromCookieHeader, type Theme } from '@/components/ui/theme';

/**
 * Server-rendered HTML and no framework runtime: the page works without JavaScript
 * (<details>, links, `?hl=`), and public/_tl/thread.js (components/ui/thread-script.ts)
 * adds the rest in a few KB. Props never reach the browser: with the runtime off, Next
 * writes no __NEXT_DATA__.
 */
export const config = { unstable_runtimeJS: false };

/** Where the bundled thread script is served from (scripts/build-client.mjs). */
const THREAD_SCRIPT = '/_tl/thread.js';

type Props = { page: ThreadPageHtml; nonce: string; theme: Theme };

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
  // The same address over the same archive renders the same page: cached until an import.
  const generation = await (await getStore()).generation();
  const key = JSON.stringify([generation, ids.list, ids.messageId, search]);
  const page = await threadPageHtml(key, search, async () => {
    const q = parseThreadQuery(new URLSearchParams(search));
    const view = await loadThread(ids.list, ids.messageId, {
      ...(q.dup !== undefined ? { dup: q.dup } : {}),
      ...(q.page !== undefined ? { page: q.page } : {}),
    });
    return view && { view, banner: await loadSeriesBanner(view.list, view.focus.messageId) };
  });
  if (!page) return { notFound: true };
  return {
    props: {
      page,
      nonce: nonceOf(req.headers['content-security-policy']),
      theme: themeFromCookieHeader(req.headers.cookie),
    },
  };
};

export default function ThreadPage({ page, nonce, theme }: Props) {
  return (
    <>
      <Head>
        <title>{`${page.title} · Threadlight`}</title>
        <link rel="alternate" type="application/atom+xml" href={page.feed} />
      </Head>
      <SiteHeader themeControl={<ThemeButton theme={theme} />} />
      <SiteMain>
        {/* Our own React output (components/thread/thread-page-body.tsx), rendered once. */}
        <div className="tl-page" dangerouslySetInnerHTML={{ __html: page.html }} />
      </SiteMain>
      <script src={THREAD_SCRIPT} nonce={nonce} defer />
    </>
  );
}
