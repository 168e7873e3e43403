import { findMessageList } from '@/lib/loaders/find-message';
import { decodeSegment, messagePath } from '@/lib/urls';
import { messageAnchor } from '@/lib/anchors';

export const dynamic = 'force-dynamic';

/** `/r/<message-id>/`: the message in whichever list holds it (links inside mail use this). */
export async function GET(request: Request, { params }: { params: Promise<{ msgid: string }> }) {
  const messageId = decodeSegment((await params).msgid);
  const list = messageId === null ? null : findMessageList(messageId);
  if (!list || messageId === null) {
    return new Response('message not found\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  const target = new URL(
    `${messagePath(list, messageId)}#${messageAnchor(messageId)}`,
    request.url,
  );
  return Response.redirect(target, 302);
}
