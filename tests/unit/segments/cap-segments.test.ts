import { describe, expect, it } from 'vitest';
import { capSegments } from '@/lib/segments/cap-segments';
import type { Segment } from '@/lib/types';

const seg = (lines: string[], start: number, depth = 0): Segment =>
  ({
    depth,
    kind: 'prose',
    lines,
    start,
  }) as Segment;

describe('capSegments', () => {
  it('leaves a body that fits alone', () => {
    const body = [seg(['a', 'b'], 0), seg(['c'], 2, 1)];
    expect(capSegments(body, 3, 100)).toEqual({ segments: body, cut: null });
  });

  it('keeps the first lines, in whole segments then part of one, and says where it cut', () => {
    const body = [seg(['a', 'b'], 0), seg(['c', 'd', 'e'], 2, 1), seg(['f'], 5)];
    const { segments, cut } = capSegments(body, 3, 1000);
    expect(segments.map((s) => s.lines)).toEqual([['a', 'b'], ['c']]);
    expect(segments[1]).toMatchObject({ start: 2, depth: 1 });
    expect(cut).toEqual({ shownLines: 3, totalLines: 6 });
  });

  it('cuts one huge line short', () => {
    const { segments, cut } = capSegments([seg(['x'.repeat(10_000)], 0)], 100, 1000);
    expect(segments[0]!.lines[0]).toHaveLength(1000);
    expect(cut).toEqual({ shownLines: 1, totalLines: 1 });
  });
});
