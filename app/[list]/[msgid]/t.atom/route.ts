import { loadThreadFeed } from '@/lib/loaders/load-feed';
import { routeSegment } from '@/lib/route-segment';
import { requestOrigin } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The thread's newest messages as Atom 1.0. */
export async function GET(
  request: Request,
  _context: { params: Promise<{ list: string; msgid: string }> },
) {
  const list = await routeSegment(0);
  const messageId = await routeSegment(1);
  const xml =
    list !== null && messageId !== null
      ? loadThreadFeed(list, messageId, requestOrigin(request))
      : null;
  if (xml === null) {
    return new Response('thread not found\n', {
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
