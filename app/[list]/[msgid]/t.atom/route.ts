import { loadThreadFeed } from '@/lib/loaders/load-feed';
import { decodeSegment } from '@/lib/urls';

export const dynamic = 'force-dynamic';

/** The thread's newest messages as Atom 1.0. */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ list: string; msgid: string }> },
) {
  const p = await params;
  const list = decodeSegment(p.list);
  const messageId = decodeSegment(p.msgid);
  const xml =
    list !== null && messageId !== null
      ? loadThreadFeed(list, messageId, new URL(request.url).origin)
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
