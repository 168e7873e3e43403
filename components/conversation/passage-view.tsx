import type { PassageView as Passage } from '@/lib/loaders/load-conversation';
import { AnsweredQuote } from './answered-quote';

/** Passages longer than this fold after their first FOLDED_PREVIEW_LINES lines. */
const FOLD_AFTER_LINES = 24;
const FOLDED_PREVIEW_LINES = 12;

/** One stretch of a turn, under the passage it answers, linked to its lines in the thread. */
export function PassageView({ passage }: { passage: Passage }) {
  const range =
    passage.from === passage.to ? `line ${passage.from}` : `lines ${passage.from}–${passage.to}`;
  const long = passage.lines.length > FOLD_AFTER_LINES;
  const shown = long ? passage.lines.slice(0, FOLDED_PREVIEW_LINES) : passage.lines;
  const rest = long ? passage.lines.slice(FOLDED_PREVIEW_LINES) : [];
  return (
    <section className="tl-conv-passage my-2" data-from={passage.from} data-to={passage.to}>
      {passage.answers && <AnsweredQuote answered={passage.answers} />}
      <div className="tl-conv-text font-mono text-[13px] whitespace-pre-wrap break-words">
        {shown.join('\n')}
      </div>
      {/* Long logs and pastes fold natively, so the dialogue stays readable without JS. */}
      {long && (
        <details className="tl-conv-more">
          <summary className="cursor-pointer text-sm text-muted">{rest.length} more lines</summary>
          <div className="tl-conv-text font-mono text-[13px] whitespace-pre-wrap break-words">
            {rest.join('\n')}
          </div>
        </details>
      )}
      <p className="text-right text-xs">
        <a href={passage.href} className="tl-conv-source">
          {range} in the thread
        </a>
      </p>
    </section>
  );
}
