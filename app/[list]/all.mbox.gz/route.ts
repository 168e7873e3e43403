import { loadListMbox } from '@/lib/loaders/load-feed';
import { routeSegment } from '@/lib/route-segment';
import { textResponse, fileResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Every message of the list as one gzipped mboxrd, streamed. */
export async function GET(_request: Request, _context: { params: Promise<{ list: string }> }) {
  const list = await routeSegment(0);
  const stream = list === null ? null : await loadListMbox(list);
  if (!list || !stream) {
    return textResponse('list not found', 404);
  }
  return fileResponse(stream, 'application/gzip', `${list}.mbox.gz`);
}
