import { loadSeriesMbox } from '@/lib/loaders/load-series';
import { routeMessage } from '@/lib/route-segment';
import { textResponse, fileResponse } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The series as an mbox for `git am`: patches in order, collected trailers added. */
export async function GET(
  _request: Request,
  _context: { params: Promise<{ list: string; msgid: string }> },
) {
  const ids = await routeMessage();
  const mbox = ids ? await loadSeriesMbox(ids.list, ids.messageId) : null;
  if (mbox === null) {
    return textResponse('series not found', 404);
  }
  return fileResponse(mbox, 'application/mbox', 'series.mbox');
}
