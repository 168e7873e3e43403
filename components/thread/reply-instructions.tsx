import type { MessageView } from '@/lib/loaders/load-thread';
import { replyInstructions } from '@/lib/loaders/reply-instructions';

/** How to answer on the list, as lore gives it: headers, a git send-email line, a mailto link. */
export function ReplyInstructions({ message }: { message: MessageView }) {
  const r = replyInstructions(message);
  return (
    <details className="tl-reply mt-2 border-t border-border pt-1 text-sm">
      <summary className="cursor-pointer text-muted">Reply instructions</summary>
      <p className="mt-1">
        Reply to all the recipients with these headers (plain text, quote inline):
      </p>
      <pre className="overflow-x-auto rounded bg-bg-code p-2 font-mono text-xs">{r.headers}</pre>
      <p className="mt-1">Or send a patch in reply with git:</p>
      <pre className="overflow-x-auto rounded bg-bg-code p-2 font-mono text-xs">
        {r.gitSendEmail}
      </pre>
      {r.mailto && (
        <p className="mt-1">
          <a href={r.mailto}>Reply with your mail client</a>
        </p>
      )}
    </details>
  );
}
