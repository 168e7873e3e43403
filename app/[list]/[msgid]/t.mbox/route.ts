import { loadThreadMbox } from '@/lib/loaders/load-raw';
import { routeSegment } from '@/lib/route-segment';

export const dynamic = 'force-dynamic';

/** The whole thread as mboxrd, ready for `threadlight import` or a mail client. */
export async function GET(
  _request: Request,
  _context: { params: Promise<{ list: string; msgid: string }> },
) {
  const list = await routeSegment(0);
  const messageId = await routeSegment(1);
  const mbox = list !== null && messageId !== null ? loadThreadMbox(list, messageId) : null;
  if (!mbox) {
    return new Response('thread not found\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  return new Response(new Uint8Array(mbox), {
    headers: {
      'Content-Type': 'application/mbox',
      'Content-Disposition': 'attachment; filename="thread.mbox"',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
