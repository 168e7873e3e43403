import type { Segment } from '@/lib/types';
import type { QuoteBox } from '@/lib/segments/quote-tree';
import { buildConversation } from '@/lib/conversation/build-conversation';

/** A message carries a conversation worth its own view when two turns or more are quoted in it. */
export function hasConversation(segments: readonly Segment[]): boolean {
  return buildConversation(segments).length >= 2;
}

/** The flat segments of a quote tree, in body order (the thread page keeps only the tree). */
export function segmentsOf(box: QuoteBox): Segment[] {
  const out: Segment[] = [];
  const stack = [...box.children].reverse();
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.type === 'segment') out.push(item.segment);
    else stack.push(...[...item.children].reverse());
  }
  return out;
}

/**
 * `/<list>/<id>/conversation`, from the message's own page link (`threadPagePath`, which
 * carries `?dup=N` for a later message reusing the id: the query moves to the end).
 */
export function conversationHref(messageHref: string, dupIndex = 0): string {
  const path = messageHref.split('?', 1)[0]!;
  return `${path}conversation${dupIndex ? `?dup=${dupIndex}` : ''}`;
}

/** The header link to a message's conversation view. */
export function ConversationLink({ href }: { href: string }) {
  return (
    <a href={href} className="tl-conversation-link">
      conversation
    </a>
  );
}
