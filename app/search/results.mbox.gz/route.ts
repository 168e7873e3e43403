import { loadSearchMbox } from '@/lib/loaders/load-search';
import { textResponse, fileResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The messages matching `?q=` (and `&list=`) as one gzipped mboxrd, streamed. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const q = (params.get('q') ?? '').trim();
  const result = q
    ? await loadSearchMbox(q, params.get('list') || undefined)
    : { error: 'give a query: /search/results.mbox.gz?q=...' };
  if ('error' in result) {
    return textResponse(result.error, 400);
  }
  return fileResponse(result, 'application/gzip', 'search-results.mbox.gz');
}
