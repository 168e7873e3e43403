/**
 * Threading group by group must give exactly the threads of threading everything at
 * once: the property rethreadList relies on to thread a million messages in pieces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildThreads } from '../../../lib/thread/build-threads';
import { ConnectedGroups, mergingSubjects } from '../../../lib/thread/connected-groups';
import { formatTree } from '../../../lib/thread/format-tree';
import type { ThreadInput } from '../../../lib/types';
import { keyLabel, msg } from './thread-helpers';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];
const anyId = fc.constantFrom(...IDS, 'u1', 'u2', '');
const messagesArb = fc
  .array(
    fc.record({
      messageId: fc.constantFrom(...IDS),
      inReplyTo: fc.option(anyId, { nil: null }),
      references: fc.array(anyId, { maxLength: 4 }),
      subject: fc.constantFrom('Topic', 'Re: Topic', 'Re: [PATCH] topic', 'Other', 'Re: Other', ''),
      date: fc.option(
        fc.constantFrom('2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', 'junk'),
        { nil: null },
      ),
    }),
    { maxLength: 40 },
  )
  .map((ms): ThreadInput[] => ms.map((m, i) => ({ ...m, key: `k${String(i).padStart(2, '0')}` })));

/** Each thread's tree as text, sorted: the forest's content without its root order. */
function threads(forest: ReturnType<typeof buildThreads>): string[] {
  return forest.map((root) => formatTree([root], keyLabel)).sort();
}

function groupsOf(messages: readonly ThreadInput[]): ThreadInput[][] {
  const g = new ConnectedGroups(mergingSubjects(messages));
  for (const m of messages) g.add(m);
  const { order, starts } = g.groups();
  const out: ThreadInput[][] = [];
  for (let i = 0; i + 1 < starts.length; i++) {
    out.push([...order.subarray(starts[i], starts[i + 1])].map((k) => messages[k]!));
  }
  return out;
}

describe('ConnectedGroups', () => {
  it('threading each group alone gives the same threads as threading all at once', () => {
    fc.assert(
      fc.property(messagesArb, (messages) => {
        const groups = groupsOf(messages);
        expect(groups.flat().length).toBe(messages.length);
        const pieces = groups.flatMap((group) => buildThreads(group));
        expect(threads(pieces)).toEqual(threads(buildThreads(messages)));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps unrelated threads apart and joins by id, reference and subject fallback', () => {
    const messages = [
      msg('a', { subject: 'First topic' }),
      msg('b', { refs: ['a'], subject: 'Re: First topic' }),
      msg('c', { subject: 'Second topic' }),
      msg('d', { irt: 'ghost', subject: 'Third topic' }),
      msg('e', { refs: ['ghost'], subject: 'Re: something else' }),
      msg('f', { subject: 'Re: Second topic' }), // no references: the subject fallback
      // Same base subject as a and b, but every reply has references: nothing merges.
      msg('g', { subject: 'First topic' }),
      msg('h', { refs: ['g'], subject: 'Re: First topic' }),
    ];
    const keys = groupsOf(messages).map((g) => g.map((m) => m.key).sort());
    expect(keys.sort()).toEqual([
      ['a', 'b'],
      ['c', 'f'],
      ['d', 'e'],
      ['g', 'h'],
    ]);
  });
});
