import { loadListFeed } from '@/lib/loaders/load-feed';
import { routeSegment } from '@/lib/route-segment';
import { textResponse, requestOrigin } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The list's newest threads as Atom 1.0. */
export async function GET(request: Request, _context: { params: Promise<{ list: string }> }) {
  const list = await routeSegment(0);
  const xml = list === null ? null : await loadListFeed(list, requestOrigin(request));
  if (xml === null) {
    return textResponse('list not found', 404);
  }
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
