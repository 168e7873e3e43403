import { loadThreadFeed } from '@/lib/loaders/load-feed';
import { routeMessage } from '@/lib/route-segment';
import { textResponse, requestOrigin } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The thread's newest messages as Atom 1.0. */
export async function GET(
  request: Request,
  _context: { params: Promise<{ list: string; msgid: string }> },
) {
  const ids = await routeMessage();
  const xml = ids ? await loadThreadFeed(ids.list, ids.messageId, requestOrigin(request)) : null;
  if (xml === null) {
    return textResponse('thread not found', 404);
  }
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
