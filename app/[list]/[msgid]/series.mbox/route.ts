import { loadSeriesMbox } from '@/lib/loaders/load-series';
import { decodeSegment } from '@/lib/urls';

export const dynamic = 'force-dynamic';

/** The series as an mbox for `git am`: patches in order, collected trailers added. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ list: string; msgid: string }> },
) {
  const p = await params;
  const list = decodeSegment(p.list);
  const messageId = decodeSegment(p.msgid);
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
