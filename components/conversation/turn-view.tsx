import type { TurnView as Turn } from '@/lib/loaders/load-conversation';
import { PassageView } from './passage-view';
import { depthBadge, railColour } from './rail';
import { formatTurnDate } from './format-turn-date';

/** One person's words at one quote depth: who, when, how deep, then their passages. */
export function TurnView({ turn, index }: { turn: Turn; index: number }) {
  const rail = railColour(turn.depth);
  const who = turn.author?.name || turn.author?.address || 'unknown';
  const when = formatTurnDate(turn.date);
  return (
    <li
      className="tl-turn rounded border border-border border-l-4 bg-bg"
      style={{ borderLeftColor: rail }}
      data-depth={turn.depth}
      aria-label={`Turn ${index + 1}: ${who}`}
    >
      <header className="flex flex-wrap items-baseline gap-x-3 border-b border-border bg-bg-soft px-3 py-1.5 text-sm">
        <span className="tl-turn-author font-semibold">{who}</span>
        {when && (
          <time className="tl-turn-date text-muted" {...(turn.date ? { dateTime: turn.date } : {})}>
            {when}
          </time>
        )}
        <span className="flex-1" />
        {/* The rail colour frames the badge; text stays muted, readable on every colour. */}
        <span
          className="tl-turn-depth rounded border-2 px-1 font-mono text-xs text-muted"
          style={{ borderColor: rail }}
          title={`quote depth ${turn.depth}`}
        >
          {depthBadge(turn.depth)}
        </span>
      </header>
      <div className="px-3">
        {turn.passages.map((p) => (
          <PassageView key={p.from} passage={p} />
        ))}
      </div>
    </li>
  );
}
