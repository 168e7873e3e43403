/** The search page's URL parameters; defaults are left out so URLs stay short. */
export interface SearchParams {
  q: string;
  list?: string | undefined;
  sort?: 'relevance' | 'date' | undefined;
  page?: number | undefined;
}

function query({ q, list, sort, page }: SearchParams): string {
  const p = new URLSearchParams({ q });
  if (list) p.set('list', list);
  if (sort === 'date') p.set('sort', 'date');
  if (page && page > 1) p.set('page', String(page));
  return p.toString();
}

/** `/search?q=…&list=…&sort=date&page=2` (URLSearchParams encodes every value). */
export const searchPath = (params: SearchParams) => `/search?${query(params)}`;

/** The matching messages as one gzipped mboxrd. */
export const searchMboxPath = (params: SearchParams) =>
  `/search/results.mbox.gz?${query({ q: params.q, list: params.list })}`;
