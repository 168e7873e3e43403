import { renderToStaticMarkup } from 'react-dom/server';
import { LRUCache } from 'lru-cache';
import type { ThreadView } from '@/lib/loaders/load-thread';
import type { SeriesBannerView } from '@/lib/loaders/load-series';
import { threadFeedPath } from '@/lib/feeds/feed-paths';
import { MAX_RENDERED_PAGE_CHARS } from '@/lib/limits';
import { parseThreadQuery } from '@/lib/thread-query';
import { ThreadPageBody } from './thread-page-body';
import { renderThreadMessages } from './message-html';

/** A thread page's main column as HTML, with what its <head> needs. */
export interface ThreadPageHtml {
  title: string;
  feed: string;
  html: string;
}

const pages = new LRUCache<string, ThreadPageHtml>({
  maxSize: MAX_RENDERED_PAGE_CHARS,
  sizeCalculation: (page) => Math.max(1, page.html.length),
});

/**
 * The thread page's body for `key`, rendered once and then served from memory. The
 * caller's key must change whenever the answer may (the archive's generation, the
 * address and its query); `load` runs only on a miss. Null when `load` finds nothing.
 * The per-request parts (CSP nonce, theme) stay outside, in the page around it.
 */
export async function threadPageHtml(
  key: string,
  search: string,
  load: () => Promise<{ view: ThreadView; banner: SeriesBannerView | null } | null>,
): Promise<ThreadPageHtml | null> {
  const hit = pages.get(key);
  if (hit) return hit;
  const loaded = await load();
  if (!loaded) return null;
  const { view, banner } = loaded;
  // Cards first, each its own render: never a render nested inside another.
  const options = parseThreadQuery(new URLSearchParams(search));
  const cards = renderThreadMessages(view, options);
  const page = {
    title: view.focus.subject || '(no subject)',
    feed: threadFeedPath(view.list, view.focus.messageId),
    html: renderToStaticMarkup(
      <ThreadPageBody
        view={view}
        banner={banner}
        search={search}
        options={options}
        cards={cards}
      />,
    ),
  };
  pages.set(key, page);
  return page;
}
