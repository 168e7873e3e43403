import { describe, expect, it } from 'vitest';
import { formatReplies } from '@/lib/loaders/format';

describe('formatReplies', () => {
  it('counts the replies of a thread, not its messages', () => {
    expect([1, 2, 3, 9].map(formatReplies)).toEqual([
      'no replies',
      '1 reply',
      '2 replies',
      '8 replies',
    ]);
    expect(formatReplies(0)).toBe('no replies');
  });
});
