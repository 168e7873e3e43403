/** Small builders shared by the thread tests (not a test file itself). */
import type { ThreadInput, ThreadNode } from '../../../lib/types';
import { defaultLabel } from '../../../lib/thread/format-tree';

export interface MsgOptions {
  refs?: string[];
  irt?: string | null;
  subject?: string;
  /** Minutes after 2024-01-01T00:00Z; null (the default) means no date. */
  at?: number | null;
  key?: string;
}

/** A message whose key defaults to its Message-ID. */
export function msg(messageId: string, o: MsgOptions = {}): ThreadInput {
  return {
    key: o.key ?? messageId,
    messageId,
    inReplyTo: o.irt ?? null,
    references: o.refs ?? [],
    subject: o.subject ?? 'Hello',
    date: o.at == null ? null : new Date(Date.UTC(2024, 0, 1) + o.at * 60_000).toISOString(),
  };
}

/** The default label plus `#key` on messages, so duplicates can be told apart. */
export function keyLabel(node: ThreadNode, depth: number): string {
  return node.missing
    ? defaultLabel(node, depth)
    : `${defaultLabel(node, depth)} #${node.message.key}`;
}

/** Deterministic Fisher-Yates shuffle (mulberry32), so failures replay. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
