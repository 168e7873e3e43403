import { loadSeriesMbox } from '@/lib/loaders/load-series';
import { routeSegment } from '@/lib/route-segment';

export const dynamic = 'force-dynamic';

/** The series as an mbox for `git am`: patches in order, collected trailers added. */
export async function GET(
  _request: Request,
  _context: { params: Promise<{ list: string; msgid: string }> },
) {
  const list = await routeSegment(0);
  const messageId = await routeSegment(1);
  const mbox = list !== null && messageId !== null ? loadSeriesMbox(list, messageId) : null;
  if (mbox === null) {
    return new Response('series not found\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  return new Response(mbox, {
    headers: {
      'Content-Type': 'application/mbox',
      'Content-Disposition': 'attachment; filename="series.mbox"',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
