import { loadListMbox } from '@/lib/loaders/load-feed';
import { routeSegment } from '@/lib/route-segment';

export const dynamic = 'force-dynamic';

/** Every message of the list as one gzipped mboxrd, streamed. */
export async function GET(_request: Request, _context: { params: Promise<{ list: string }> }) {
  const list = await routeSegment(0);
  const stream = list === null ? null : loadListMbox(list);
  if (!list || !stream) {
    return new Response('list not found\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  return new Response(stream, {
    headers: {
      'Content-Type': 'application/gzip',
      // Only [a-z0-9._-] inside the quoted filename, whatever the list was called.
      'Content-Disposition': `attachment; filename="${list.replace(/[^a-z0-9._-]/gi, '_')}.mbox.gz"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
