import { loadListFeed } from '@/lib/loaders/load-feed';
import { routeSegment } from '@/lib/route-segment';
import { requestOrigin } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The list's newest threads as Atom 1.0. */
export async function GET(request: Request, _context: { params: Promise<{ list: string }> }) {
  const list = await routeSegment(0);
  const xml = list === null ? null : loadListFeed(list, requestOrigin(request));
  if (xml === null) {
    return new Response('list not found\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
