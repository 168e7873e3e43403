import { loadThreadMbox } from '@/lib/loaders/load-raw';
import { routeMessage } from '@/lib/route-segment';
import { textResponse, fileResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The whole thread as mboxrd, ready for `threadlight import` or a mail client. */
export async function GET(
  _request: Request,
  _context: { params: Promise<{ list: string; msgid: string }> },
) {
  const ids = await routeMessage();
  const mbox = ids ? await loadThreadMbox(ids.list, ids.messageId) : null;
  if (!mbox) {
    return textResponse('thread not found', 404);
  }
  return fileResponse(new Uint8Array(mbox), 'application/mbox', 'thread.mbox');
}
