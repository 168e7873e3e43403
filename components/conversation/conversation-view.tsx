import type { ConversationView as Conversation } from '@/lib/loaders/load-conversation';
import { TurnView } from './turn-view';

/** The turns of one message's embedded conversation, oldest first. */
export function ConversationView({ view }: { view: Conversation }) {
  if (view.turns.length === 0)
    return <p className="text-muted">This message has no text to show as a conversation.</p>;
  return (
    <ol className="tl-conversation space-y-3" aria-label="Conversation, oldest first">
      {view.turns.map((turn, i) => (
        <TurnView key={`${turn.depth}-${i}`} turn={turn} index={i} />
      ))}
    </ol>
  );
}
