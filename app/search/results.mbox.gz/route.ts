import { loadSearchMbox } from '@/lib/loaders/load-search';

export const dynamic = 'force-dynamic';

/** The messages matching `?q=` (and `&list=`) as one gzipped mboxrd, streamed. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const q = (params.get('q') ?? '').trim();
  const result = q
    ? loadSearchMbox(q, params.get('list') || undefined)
    : { error: 'give a query: /search/results.mbox.gz?q=...' };
  if ('error' in result) {
    return new Response(`${result.error}\n`, {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  return new Response(result, {
    headers: {
      'Content-Type': 'application/gzip',
      'Content-Disposition': 'attachment; filename="search-results.mbox.gz"',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
