import { findMessage } from '@/lib/loaders/find-message';
import { messagePath } from '@/lib/urls';
import { messageAnchor } from '@/lib/anchors';
import { routeSegment } from '@/lib/route-segment';
import { textResponse, redirectTo } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** `/r/<message-id>/`: the message in whichever list holds it (links inside mail use this). */
export async function GET(_request: Request, _context: { params: Promise<{ msgid: string }> }) {
  const segment = await routeSegment(1);
  const found = segment === null ? null : await findMessage(segment);
  if (!found) return textResponse('message not found', 404);
  return redirectTo(
    `${messagePath(found.list, found.messageId)}#${messageAnchor(found.messageId)}`,
  );
}
