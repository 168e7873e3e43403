import { loadRaw } from '@/lib/loaders/load-raw';
import { routeMessage } from '@/lib/route-segment';
import { textResponse, fileResponse, MESSAGE_FILE_CACHE } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The message exactly as stored, as text that no browser will sniff or render as HTML. */
export async function GET(
  request: Request,
  _context: { params: Promise<{ list: string; msgid: string }> },
) {
  const ids = await routeMessage();
  const dup = Math.max(0, Math.floor(Number(new URL(request.url).searchParams.get('dup'))) || 0);
  const raw = ids ? await loadRaw(ids.list, ids.messageId, dup) : null;
  if (!raw) return textResponse('message not found', 404);
  return fileResponse(
    new Uint8Array(raw),
    'text/plain; charset=utf-8',
    'message.txt',
    'inline',
    MESSAGE_FILE_CACHE,
  );
}
