import { loadRaw } from '@/lib/loaders/load-raw';
import { routeSegment } from '@/lib/route-segment';

export const dynamic = 'force-dynamic';

/** The message exactly as stored, as text that no browser will sniff or render as HTML. */
export async function GET(
  request: Request,
  _context: { params: Promise<{ list: string; msgid: string }> },
) {
  const list = await routeSegment(0);
  const messageId = await routeSegment(1);
  const dup = Math.max(0, Math.floor(Number(new URL(request.url).searchParams.get('dup'))) || 0);
  const raw = list !== null && messageId !== null ? loadRaw(list, messageId, dup) : null;
  if (!raw) return new Response('message not found\n', { status: 404, headers: plain() });
  return new Response(new Uint8Array(raw), {
    headers: { ...plain(), 'Content-Disposition': 'inline; filename="message.txt"' },
  });
}

function plain(): Record<string, string> {
  return { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
}
