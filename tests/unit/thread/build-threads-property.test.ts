/**
 * Properties over random message sets (public-inbox t/thread-cycle.t in spirit):
 * random ids with duplicates, references to known and unknown ids, cycles allowed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildThreads } from '../../../lib/thread/build-threads';
import { formatTree } from '../../../lib/thread/format-tree';
import type { ThreadInput, ThreadNode } from '../../../lib/types';
import { keyLabel } from './thread-helpers';

const KNOWN = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const UNKNOWN = ['u1', 'u2', 'u3'];
const anyId = fc.constantFrom(...KNOWN, ...UNKNOWN, '');

const messageArb = fc.record({
  messageId: fc.constantFrom(...KNOWN),
  inReplyTo: fc.option(anyId, { nil: null }),
  references: fc.array(anyId, { maxLength: 6 }),
  subject: fc.constantFrom('Topic', 'Re: Topic', 'RE: [PATCH] topic', 'Other', 'Fwd: Topic', ''),
  date: fc.option(fc.constantFrom('2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', 'junk'), {
    nil: null,
  }),
});

/** Messages with unique keys, plus a permutation of them. */
const inputArb = fc
  .array(messageArb, { maxLength: 30 })
  .map((ms): ThreadInput[] => ms.map((m, i) => ({ ...m, key: `k${String(i).padStart(2, '0')}` })))
  .chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length })));

/** Every node object once (no cycles, no sharing); returns the message keys seen. */
function walk(forest: ThreadNode[]): { keys: string[]; ghosts: ThreadNode[] } {
  const seen = new Set<ThreadNode>();
  const keys: string[] = [];
  const ghosts: ThreadNode[] = [];
  const stack = [...forest];
  for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
    if (seen.has(n)) throw new Error(`node ${n.messageId} reached twice`);
    seen.add(n);
    if (n.missing) ghosts.push(n);
    else keys.push(n.message.key);
    stack.push(...n.children);
  }
  return { keys, ghosts };
}

describe('buildThreads properties', () => {
  it('places every message exactly once, in a forest without cycles', () => {
    fc.assert(
      fc.property(inputArb, ([messages]) => {
        const { keys, ghosts } = walk(buildThreads(messages));
        expect(keys.sort()).toEqual(messages.map((m) => m.key).sort());
        for (const g of ghosts) {
          expect(g.children.length).toBeGreaterThan(0);
          expect(KNOWN.includes(g.messageId) || UNKNOWN.includes(g.messageId)).toBe(true);
        }
        expect(new Set(ghosts.map((g) => g.messageId)).size).toBe(ghosts.length);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the identical forest for shuffled and reversed input', () => {
    fc.assert(
      fc.property(inputArb, ([messages, shuffled]) => {
        const text = formatTree(buildThreads(messages), keyLabel);
        expect(formatTree(buildThreads(shuffled), keyLabel)).toBe(text);
        expect(formatTree(buildThreads([...messages].reverse()), keyLabel)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never puts a message under a ghost of its own id or under itself', () => {
    fc.assert(
      fc.property(inputArb, ([messages]) => {
        const stack: { node: ThreadNode; parentId: string | null }[] = buildThreads(messages).map(
          (node) => ({ node, parentId: null }),
        );
        for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
          const { node, parentId } = top;
          if (node.missing) expect(node.messageId).not.toBe(parentId);
          for (const child of node.children) {
            // A duplicate sits beside its owner, never below a node of the same id.
            expect(child.messageId).not.toBe(node.messageId);
            stack.push({ node: child, parentId: node.messageId });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
