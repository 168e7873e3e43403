import { findMessageList } from '@/lib/loaders/find-message';
import { messagePath } from '@/lib/urls';
import { messageAnchor } from '@/lib/anchors';
import { routeSegment } from '@/lib/route-segment';
import { textResponse, redirectTo } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** `/r/<message-id>/`: the message in whichever list holds it (links inside mail use this). */
export async function GET(_request: Request, _context: { params: Promise<{ msgid: string }> }) {
  const messageId = await routeSegment(1);
  const list = messageId === null ? null : findMessageList(messageId);
  if (!list || messageId === null) {
    return textResponse('message not found', 404);
  }
  return redirectTo(`${messagePath(list, messageId)}#${messageAnchor(messageId)}`);
}
