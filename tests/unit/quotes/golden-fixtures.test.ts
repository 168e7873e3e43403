import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segmentBody } from '../../../lib/segments/segment-body';
import type { Segment } from '../../../lib/types';
import { FIXTURES, readCase, readTsv, seedBody } from './read-fixture';

// Quote-stage kinds; any other kind is the block classifier's business and shows as `text`.
const QUOTE_KINDS = new Set(['attribution', 'snip', 'signature']);

function rows(segments: Segment[], withKind: boolean): string[][] {
  return segments.flatMap((s) =>
    s.lines.map((line) => {
      const kind = QUOTE_KINDS.has(s.kind) ? s.kind : 'text';
      const author = s.author?.name ?? '-';
      return withKind ? [String(s.depth), kind, author, line] : [String(s.depth), author, line];
    }),
  );
}

describe('the seed, line by line', () => {
  const body = seedBody();
  const actual = rows(segmentBody(body, { name: 'Matthias Kaehlcke' }), false);
  const expected = readTsv('seed.expected.tsv', 3);

  it('has one row per body line', () => {
    expect(expected).toHaveLength(555);
    expect(actual).toHaveLength(body.split('\n').length);
    expect(actual).toHaveLength(expected.length);
  });

  it('gives every line its depth, author and de-quoted text', () => {
    for (let i = 0; i < expected.length; i++)
      expect([i, ...actual[i]!]).toEqual([i, ...expected[i]!]);
  });

  it('finds the three attribution lines and the four levels', () => {
    const segments = segmentBody(body, { name: 'Matthias Kaehlcke' });
    expect(segments.filter((s) => s.kind === 'attribution').map((s) => [s.start, s.depth])).toEqual(
      [
        [0, 0],
        [1, 1],
        [2, 2],
      ],
    );
    // `...` in the objdump, `- EOF -` and the oops are not trims or signatures.
    expect(segments.filter((s) => s.kind === 'snip' || s.kind === 'signature')).toEqual([]);
    const authorByDepth = new Map(segments.map((s) => [s.depth, s.author?.name]));
    expect([...authorByDepth].sort()).toEqual([
      [0, 'Matthias Kaehlcke'],
      [1, 'Sedat Dilek'],
      [2, 'Matthias Kaehlcke'],
      [3, 'Sedat Dilek'],
    ]);
  });
});

describe('golden fixtures: depth, kind and author of every line', () => {
  const cases = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4));

  it('has at least 20 cases besides the seed', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s', (name) => {
    const expected = readTsv(`${name}.expected.tsv`, 4);
    const actual = rows(segmentBody(readCase(name), { name: 'Me' }), true);
    expect(actual).toEqual(expected);
  });
});
