/**
 * Hostile sizes: chains and References runs 10,000 long must not blow the stack
 * (everything is iterative). No timing assertions here; speed belongs in bench/.
 */
import { describe, expect, it } from 'vitest';
import { buildThreads } from '../../../lib/thread/build-threads';
import { flattenThread, formatTree } from '../../../lib/thread/format-tree';
import type { ThreadInput } from '../../../lib/types';
import { msg, shuffle } from './thread-helpers';

const N = 10_000;
const id = (i: number) => `m${i}@x`;

/** m0 <- m1 <- ... <- m9999, each naming only its parent. */
function chain(dated: boolean): ThreadInput[] {
  return Array.from({ length: N }, (_, i) =>
    msg(id(i), {
      at: dated ? i : null,
      // Undated, keys descend with depth, so the deepest message is processed first.
      key: `k${String(N - i).padStart(5, '0')}`,
      irt: i === 0 ? null : id(i - 1),
    }),
  );
}

function depths(forest: ReturnType<typeof buildThreads>): number[] {
  return flattenThread(forest).map((f) => f.depth);
}

describe('buildThreads on deep input', () => {
  it('threads a 10,000-deep chain in any order', () => {
    for (const input of [chain(true), chain(false), shuffle(chain(false), 7)]) {
      const forest = buildThreads(input);
      expect(forest).toHaveLength(1);
      const flat = flattenThread(forest);
      expect(flat).toHaveLength(N);
      expect(flat.map((f) => f.node.messageId)).toEqual(input.map((_, i) => id(i)).sort(byIndex));
      expect(depths(forest)).toEqual(Array.from({ length: N }, (_, i) => i));
    }
  });

  it('formats a 10,000-deep chain', () => {
    const lines = formatTree(buildThreads(chain(true))).split('\n');
    expect(lines).toHaveLength(N + 1);
    expect(lines[N - 1]).toBe(`${'  '.repeat(N - 1)}<${id(N - 1)}>`);
  });

  it('turns a References header of 10,000 unknown ids into a ghost chain', () => {
    const refs = Array.from({ length: N }, (_, i) => id(i));
    const forest = buildThreads([msg('leaf@x', { at: 1, refs })]);
    const flat = flattenThread(forest);
    expect(flat).toHaveLength(N + 1);
    expect(flat.filter((f) => f.node.missing)).toHaveLength(N);
    expect(flat[N]!.depth).toBe(N);
    expect(flat[N]!.node.messageId).toBe('leaf@x');
  });

  it('survives the same 10,000 ids referenced forwards, backwards and as messages', () => {
    const refs = Array.from({ length: N }, (_, i) => id(i));
    const input = [
      msg('fwd@x', { at: 1, refs }),
      msg('back@x', { at: 2, refs: [...refs].reverse() }),
      ...chain(false).filter((_, i) => i % 2 === 0),
    ];
    const forest = buildThreads(input);
    const flat = flattenThread(forest);
    expect(flat.filter((f) => !f.node.missing)).toHaveLength(2 + N / 2);
    expect(new Set(flat.map((f) => f.node)).size).toBe(flat.length);
    const outline = (f: typeof forest) =>
      flattenThread(f).map((x) => `${x.depth} ${x.node.messageId}`);
    expect(outline(buildThreads(shuffle(input, 3)))).toEqual(outline(forest));
  });
});

function byIndex(a: string, b: string): number {
  return Number(a.slice(1, -2)) - Number(b.slice(1, -2));
}
