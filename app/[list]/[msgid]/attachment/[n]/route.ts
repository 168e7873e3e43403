import { loadAttachmentText } from '@/lib/loaders/load-attachment';
import { routeMessage, routeSegment } from '@/lib/route-segment';
import { textResponse, fileResponse, MESSAGE_FILE_CACHE } from '@/lib/http';

export const dynamic = 'force-dynamic';

// `1`, `12`: an attachment number as attachmentPath writes it (no sign, no leading zero).
const RE_ATTACHMENT_NUMBER = /^[1-9]\d{0,5}$/;

/**
 * A text attachment (patch, log, config) as plain text: UTF-8, inline, never sniffed, so
 * an HTML or SVG attachment shows as its source and runs nothing. Binary ones are 404:
 * only their name, type and size are stored.
 */
export async function GET(
  request: Request,
  _context: { params: Promise<{ list: string; msgid: string; n: string }> },
) {
  const ids = await routeMessage();
  const n = (await routeSegment(3)) ?? '';
  const dup = Math.max(0, Math.floor(Number(new URL(request.url).searchParams.get('dup'))) || 0);
  const attachment =
    ids && RE_ATTACHMENT_NUMBER.test(n)
      ? await loadAttachmentText(ids.list, ids.messageId, dup, Number(n))
      : null;
  if (!attachment) return textResponse('attachment not found or not text', 404);
  return fileResponse(
    attachment.text,
    'text/plain; charset=utf-8',
    attachment.filename,
    'inline',
    MESSAGE_FILE_CACHE,
  );
}
