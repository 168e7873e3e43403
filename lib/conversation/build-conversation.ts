import type { Author, Segment } from '../types';
import { appendAll } from '../append-all';

/** What one inline answer replies to: the quoted passage right above it. */
export interface PassageReference {
  start: number;
  depth: number;
}

/** A stretch of one turn's own lines, as they stand in the message body. */
export interface ConversationPassage {
  /** Body index of the passage's first line (an anchor position). */
  start: number;
  lines: string[];
  /** The nearest preceding passage quoted deeper than this one: what it answers. */
  repliesTo?: PassageReference;
}

/** Everything one person wrote at one quote depth of the message. */
export interface ConversationTurn {
  author?: Author;
  depth: number;
  passages: ConversationPassage[];
}

/**
 * Rebuild the conversation a message carries in its quotes: one turn per quote depth
 * (and per author, when one depth quotes several people), in time order. Attributions
 * and trim marks are not anyone's words and are left out; blank lines at a passage's
 * edges are trimmed. Turns are ordered by their author's date where known, else
 * deepest (oldest) first.
 */
export function buildConversation(segments: readonly Segment[]): ConversationTurn[] {
  const turns = new Map<string, ConversationTurn>();
  let current: { turn: ConversationTurn; passage: ConversationPassage } | null = null;
  const latest: ConversationPassage[] = []; // latest passage seen at each depth
  const answers = new Map<ConversationPassage, { passage: ConversationPassage; depth: number }>();
  for (const segment of segments) {
    if (segment.kind === 'attribution' || segment.kind === 'snip') {
      current = null;
      continue;
    }
    if (segment.lines.every((line) => line.trim() === '')) continue;
    const key = `${segment.depth}\u0000${segment.author?.name ?? ''}`;
    let turn = turns.get(key);
    if (!turn) {
      turn = {
        depth: segment.depth,
        passages: [],
        ...(segment.author ? { author: segment.author } : {}),
      };
      turns.set(key, turn);
    }
    if (current && current.turn === turn) {
      const gap = segment.start - (current.passage.start + current.passage.lines.length);
      // Blank lines between two segments of one passage (skipped above) belong to it.
      appendAll(appendAll(current.passage.lines, new Array<string>(gap).fill('')), segment.lines);
    } else {
      const passage: ConversationPassage = { start: segment.start, lines: [...segment.lines] };
      const answered = nearestDeeper(latest, segment.depth);
      if (answered) answers.set(passage, answered);
      turn.passages.push(passage);
      current = { turn, passage };
      // Passages deeper than this one are closed: a later passage answers what follows.
      latest.length = segment.depth + 1;
      latest[segment.depth] = passage;
    }
  }
  for (const turn of turns.values()) turn.passages.forEach(trimBlankEdges);
  for (const [passage, answered] of answers)
    passage.repliesTo = { start: answered.passage.start, depth: answered.depth };
  return orderTurns([...turns.values()]);
}

function nearestDeeper(
  latest: readonly ConversationPassage[],
  depth: number,
): { passage: ConversationPassage; depth: number } | undefined {
  let best: { passage: ConversationPassage; depth: number } | undefined;
  for (let d = depth + 1; d < latest.length; d++) {
    const candidate = latest[d];
    if (candidate && (!best || candidate.start > best.passage.start))
      best = { passage: candidate, depth: d };
  }
  return best;
}

function trimBlankEdges(passage: ConversationPassage): void {
  let from = 0;
  let to = passage.lines.length;
  while (from < to && passage.lines[from]!.trim() === '') from++;
  while (to > from && passage.lines[to - 1]!.trim() === '') to--;
  passage.start += from;
  passage.lines = passage.lines.slice(from, to);
}

/** Deepest first; then the dated turns are put in date order among the places they hold. */
function orderTurns(turns: ConversationTurn[]): ConversationTurn[] {
  const byDepth = [...turns].sort((a, b) => b.depth - a.depth);
  const slots: number[] = [];
  byDepth.forEach((turn, i) => {
    if (dateValue(turn) !== null) slots.push(i);
  });
  const dated = slots.map((i) => byDepth[i]!).sort((a, b) => dateValue(a)! - dateValue(b)!);
  slots.forEach((slot, n) => (byDepth[slot] = dated[n]!));
  return byDepth;
}

// Attribution dates without a zone are wall-clock times; read them as UTC so ordering
// does not depend on the server's time zone.
function dateValue(turn: ConversationTurn): number | null {
  const date = turn.author?.date;
  if (!date) return null;
  const value = Date.parse(
    /[zZ]|[+-]\d\d:?\d\d$/.test(date) || date.length <= 10 ? date : `${date}Z`,
  );
  return Number.isNaN(value) ? null : value;
}
