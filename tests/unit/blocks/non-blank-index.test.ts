import { describe, expect, it } from 'vitest';
import { classifyLine } from '../../../lib/blocks/classify-line';
import { indexNonBlank, nextNonBlank, previousNonBlank } from '../../../lib/blocks/non-blank-index';

describe('indexNonBlank', () => {
  //             0    1   2     3    4    5
  const lines = ['', 'a', '', '  ', 'b', ''];
  const index = indexNonBlank(lines.map(classifyLine));

  it('finds the next non-blank line at or after a line', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => nextNonBlank(index, i))).toEqual([
      1, 1, 4, 4, 4, -1, -1,
    ]);
  });

  it('finds the previous non-blank line at or before a line', () => {
    expect([-1, 0, 1, 2, 3, 4, 5].map((i) => previousNonBlank(index, i))).toEqual([
      -1, -1, 1, 1, 1, 4, 4,
    ]);
  });

  it('answers -1 past either end and for no lines at all', () => {
    expect(nextNonBlank(index, 99)).toBe(-1);
    const empty = indexNonBlank([]);
    expect(nextNonBlank(empty, 0)).toBe(-1);
    expect(previousNonBlank(empty, 0)).toBe(-1);
  });
});
