import type { AnsweredView } from '@/lib/loaders/load-conversation';
import { railColour } from './rail';

/** The passage an inline answer replies to: its last lines, as the answer follows them. */
export function AnsweredQuote({ answered }: { answered: AnsweredView }) {
  const range =
    answered.from === answered.to
      ? `line ${answered.from}`
      : `lines ${answered.from}–${answered.to}`;
  return (
    <blockquote
      className="tl-conv-answered mb-1 border-l-4 pl-2 text-muted"
      style={{ borderColor: railColour(answered.depth) }}
      data-depth={answered.depth}
    >
      <p className="text-xs">
        in reply to {answered.author ?? 'unknown'} (<a href={answered.href}>{range}</a>)
        {answered.hidden > 0 && (
          <>
            {' · '}
            {answered.hidden} earlier {answered.hidden === 1 ? 'line' : 'lines'} not shown
          </>
        )}
      </p>
      <div className="font-mono text-[13px] whitespace-pre-wrap break-words">
        {answered.lines.join('\n')}
      </div>
    </blockquote>
  );
}
