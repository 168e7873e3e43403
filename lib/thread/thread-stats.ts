/**
 * One-line facts about a thread for list pages: how many messages, who took part,
 * when it last moved.
 */
import type { ThreadInput, ThreadNode } from '../types';
import { flattenThread } from './format-tree';

export interface ThreadSummary {
  /** Messages in the tree; ghosts do not count. */
  messages: number;
  /** Distinct non-empty participants, in display order of their first message. */
  participants: string[];
  /** The latest parseable date as stored (UTC ISO), or null when no message has one. */
  lastDate: string | null;
}

/** `participant` names a message's author, e.g. `(m) => m.from.name || m.from.address`. */
export function summarizeThread<M extends ThreadInput>(
  root: ThreadNode<M>,
  participant: (message: M) => string,
): ThreadSummary {
  let messages = 0;
  const participants = new Set<string>();
  let lastDate: string | null = null;
  let lastTime = -Infinity;
  for (const { node } of flattenThread([root])) {
    if (node.missing) continue;
    messages++;
    const who = participant(node.message);
    if (who !== '') participants.add(who);
    const date = node.message.date;
    // Compare instants, not strings: dates may come with different offsets or precision.
    const time = date === null ? NaN : Date.parse(date);
    if (Number.isFinite(time) && time > lastTime) {
      lastTime = time;
      lastDate = date;
    }
  }
  return { messages, participants: [...participants], lastDate };
}
