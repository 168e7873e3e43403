import { describe, expect, it } from 'vitest';
import { buildThreads } from '../../../lib/thread/build-threads';
import { summarizeThread } from '../../../lib/thread/thread-stats';
import type { ThreadInput } from '../../../lib/types';
import { msg } from './thread-helpers';

type WithFrom = ThreadInput & { from: string };
const from = (m: ThreadInput, who: string): WithFrom => ({ ...m, from: who });
const who = (m: WithFrom) => m.from;

describe('summarizeThread', () => {
  it('counts messages but not ghosts, and lists participants in display order', () => {
    const [root] = buildThreads([
      from(msg('b@x', { at: 2, refs: ['ghost@x'] }), 'Dan'),
      from(msg('c@x', { at: 3, refs: ['ghost@x', 'b@x'] }), 'Luc'),
      from(msg('d@x', { at: 4, refs: ['ghost@x', 'b@x'] }), 'Dan'),
      from(msg('e@x', { at: 5, refs: ['ghost@x'] }), ''),
    ]);
    expect(summarizeThread(root!, who)).toEqual({
      messages: 4,
      participants: ['Dan', 'Luc'],
      lastDate: '2024-01-01T00:05:00.000Z',
    });
  });

  it('takes the latest instant, not the greatest string, and skips bad dates', () => {
    const [root] = buildThreads([
      from({ ...msg('a@x'), date: '2024-01-01T06:00:00Z' }, 'A'),
      from({ ...msg('b@x', { irt: 'a@x' }), date: '2024-01-01T10:00:00+05:00' }, 'B'),
      from({ ...msg('c@x', { irt: 'a@x' }), date: 'Zzz not a date' }, 'C'),
    ]);
    expect(summarizeThread(root!, who).lastDate).toBe('2024-01-01T06:00:00Z');
  });

  it('reports no last date when no message has one', () => {
    const [root] = buildThreads([from(msg('a@x'), 'A')]);
    expect(summarizeThread(root!, who)).toEqual({
      messages: 1,
      participants: ['A'],
      lastDate: null,
    });
  });
});
