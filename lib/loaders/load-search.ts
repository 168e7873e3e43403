import { getStore } from '../store/server-db';
import type { SearchResult } from '../store/search-index';
import { messageAnchor } from '../anchors';
import { messagePath } from '../urls';
import { searchMboxPath, searchPath } from '../search/search-path';
import { mboxGzStream } from '../feeds/mbox-gz-stream';
import { MAX_RESULT_OFFSET } from '../limits';

const PER_PAGE = 20;
/** Messages read per step of a result-set download. */
const EXPORT_CHUNK = 200;

export interface SearchView {
  q: string;
  list: string | undefined;
  sort: 'relevance' | 'date';
  page: number;
  pages: number;
  total: number;
  /** More than `total` messages match (a broad query, answered from its newest matches). */
  more: boolean;
  /** Each result with the link to the message in its thread. */
  results: (SearchResult & { href: string })[];
  error: string | undefined;
  /** Every list, for the list selector. */
  lists: string[];
  mboxHref: string;
  pageHref: (page: number) => string;
  sortHref: (sort: 'relevance' | 'date') => string;
}

/** Raw URL parameters as Next hands them over (a repeated parameter arrives as an array). */
type Param = string | string[] | undefined;
const first = (p: Param) => (Array.isArray(p) ? p[0] : p);

/** Everything the search page renders; an empty `q` gives the empty form. */
export async function loadSearch(params: {
  q?: Param;
  list?: Param;
  sort?: Param;
  page?: Param;
}): Promise<SearchView> {
  const store = await getStore();
  const q = (first(params.q) ?? '').trim();
  const list = first(params.list) || undefined;
  const sort = first(params.sort) === 'date' ? 'date' : 'relevance';
  const page = Math.max(1, Math.floor(Number(first(params.page))) || 1);
  const outcome = q
    ? await store.searchMessages({
        query: q,
        ...(list ? { list } : {}),
        sort,
        page,
        perPage: PER_PAGE,
      })
    : { total: 0, results: [] as SearchResult[], more: false };
  return {
    q,
    list,
    sort,
    page,
    // Pages past MAX_RESULT_OFFSET are not served: refine the query instead.
    pages: Math.max(
      1,
      Math.min(Math.ceil(outcome.total / PER_PAGE), MAX_RESULT_OFFSET / PER_PAGE + 1),
    ),
    total: outcome.total,
    more: outcome.more === true,
    results: outcome.results.map((r) => ({
      ...r,
      href: `${messagePath(r.list, r.messageId)}#${messageAnchor(r.messageId, r.dupIndex)}`,
    })),
    error: 'error' in outcome ? outcome.error : undefined,
    lists: await store.getListNames(),
    mboxHref: searchMboxPath({ q, list }),
    pageHref: (p) => searchPath({ q, list, sort, page: p }),
    sortHref: (s) => searchPath({ q, list, sort: s }),
  };
}

/** The matching messages (newest MAX_EXPORT_RESULTS, oldest first) as a gzipped mbox. */
export async function loadSearchMbox(
  q: string,
  list: string | undefined,
): Promise<ReadableStream<Uint8Array> | { error: string }> {
  const store = await getStore();
  const found = await store.searchRowIds({ query: q, ...(list ? { list } : {}) });
  if ('error' in found) return found;
  let next = 0;
  return mboxGzStream(async () => {
    // A chunk can come back empty when its messages were hidden meanwhile: read on.
    while (next < found.rowIds.length) {
      const ids = found.rowIds.slice(next, next + EXPORT_CHUNK);
      next += ids.length;
      const rows = await store.getExportRows(ids);
      if (rows.length) return rows;
    }
    return [];
  });
}
