/**
 * Search latency over a set of queries: the engine in-process (the store's searchMessages,
 * one page of 20 by relevance), and the search page over HTTP. Each query is run once to
 * warm the database's page cache, then `rounds` times; p50/p99 are over all runs.
 */
import { get } from './http';
import { latency, type Latency } from './stats';

export interface SearchFigures extends Latency {
  queries: number;
  /** Queries that found nothing (a sign the query set does not fit the data). */
  empty: number;
  failed: number;
  /** Queries whose page answered other than 200, with the status. */
  nonOk: string[];
}

export async function benchSearchEngine(
  location: string,
  queries: string[],
  rounds: number,
): Promise<SearchFigures | { error: string }> {
  let open: typeof import('../lib/store/open-store');
  try {
    open = await import('../lib/store/open-store');
  } catch (err) {
    return { error: `search engine not loadable: ${(err as Error).message}` };
  }
  const store = await open.openStore(location);
  const search = (query: string) =>
    store.searchMessages({ query, sort: 'relevance', page: 1, perPage: 20 });
  const times: number[] = [];
  let empty = 0;
  let failed = 0;
  try {
    for (const query of queries) {
      const first = await search(query);
      if (first.error) failed++;
      else if (first.total === 0) empty++;
    }
    for (let r = 0; r < rounds; r++) {
      for (const query of queries) {
        const t = performance.now();
        await search(query);
        times.push(performance.now() - t);
      }
    }
  } finally {
    await store.close();
  }
  return { ...latency(times), queries: queries.length, empty, failed, nonOk: [] };
}

/** A server's search page: where it listens and how it spells a query URL. */
export interface SearchSite {
  base: string;
  pathFor: (q: string) => string;
}

/** The same queries through each site's search page, requests interleaved across sites. */
export async function benchSearchHttp(
  sites: SearchSite[],
  queries: string[],
  rounds: number,
): Promise<SearchFigures[]> {
  const nonOk: string[][] = sites.map(() => []);
  for (const q of queries) {
    for (const [k, site] of sites.entries()) {
      const status = (await get(site.base, site.pathFor(q))).status;
      if (status !== 200) nonOk[k]!.push(`${JSON.stringify(q)} → ${status}`);
    }
  }
  const times: number[][] = sites.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      for (const [k, site] of sites.entries()) {
        times[k]!.push((await get(site.base, site.pathFor(q))).ms);
      }
    }
  }
  return sites.map((_, k) => ({
    ...latency(times[k]!),
    queries: queries.length,
    empty: 0,
    failed: nonOk[k]!.length,
    nonOk: nonOk[k]!,
  }));
}
