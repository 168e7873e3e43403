import { describe, expect, it, vi } from 'vitest';
import type { Block } from '../../../lib/blocks/classify-blocks';
import { segmentBody, type AttributionSegment } from '../../../lib/segments/segment-body';

// The block classifier is another stage; here it is replaced so the mapping from its
// blocks to segments (and the guard against bad blocks) can be tested exactly.
const classify = vi.hoisted(() => ({
  fn: (lines: readonly string[]): Block[] => [{ kind: 'prose', start: 0, end: lines.length }],
}));
vi.mock('../../../lib/blocks/classify-blocks', () => ({
  classifyBlocks: (lines: readonly string[]) => classify.fn(lines),
}));

describe('segmentBody', () => {
  it('maps the classifier blocks of each same-depth run to segments, code lang defaulting to text', () => {
    classify.fn = (lines) =>
      lines.length === 3
        ? [
            { kind: 'prose', start: 0, end: 1 },
            { kind: 'code', start: 1, end: 2 },
            { kind: 'code', lang: 'c', start: 2, end: 3 },
          ]
        : [{ kind: 'log', start: 0, end: lines.length }];
    const segments = segmentBody(
      'On Mon, May 7, 2018 at 1:00 PM, A B <a@b.c> wrote:\n> x\n> y\n> int z;\nme',
      {
        name: 'Me',
      },
    );
    expect(
      segments.map(({ kind, start, depth, lines }) => ({ kind, start, depth, lines })),
    ).toEqual([
      {
        kind: 'attribution',
        start: 0,
        depth: 0,
        lines: ['On Mon, May 7, 2018 at 1:00 PM, A B <a@b.c> wrote:'],
      },
      { kind: 'prose', start: 1, depth: 1, lines: ['x'] },
      { kind: 'code', start: 2, depth: 1, lines: ['y'] },
      { kind: 'code', start: 3, depth: 1, lines: ['int z;'] },
      { kind: 'log', start: 4, depth: 0, lines: ['me'] },
    ]);
    expect(
      segments.filter((s) => s.kind === 'code').map((s) => s.kind === 'code' && s.lang),
    ).toEqual(['text', 'c']);
  });

  it('never loses or duplicates a line when the classifier returns gaps or overlaps', () => {
    classify.fn = () => [
      { kind: 'log', start: 1, end: 3 },
      { kind: 'asm', start: 2, end: 99 },
    ];
    const segments = segmentBody('a\nb\nc\nd\ne');
    expect(segments.map((s) => [s.kind, s.start, s.lines])).toEqual([
      ['prose', 0, ['a']],
      ['log', 1, ['b', 'c']],
      ['asm', 3, ['d', 'e']],
    ]);
  });

  it('gives attribution segments the writer as author and the named person as attributes', () => {
    classify.fn = (lines) => [{ kind: 'prose', start: 0, end: lines.length }];
    const [attribution, quoted] = segmentBody('Joe Perches <joe@perches.com> wrote:\n> text', {
      name: 'Me',
      address: 'me@x.org',
    });
    expect(attribution).toEqual({
      kind: 'attribution',
      depth: 0,
      start: 0,
      lines: ['Joe Perches <joe@perches.com> wrote:'],
      author: { name: 'Me', address: 'me@x.org' },
      attributes: { name: 'Joe Perches', address: 'joe@perches.com' },
    } satisfies AttributionSegment);
    expect(quoted?.author).toEqual({ name: 'Joe Perches', address: 'joe@perches.com' });
  });

  it('leaves depth 0 without author when no sender is given, and splits CRLF bodies', () => {
    classify.fn = (lines) => [{ kind: 'prose', start: 0, end: lines.length }];
    expect(segmentBody('a\r\n> b\r\n')).toEqual([
      { kind: 'prose', depth: 0, start: 0, lines: ['a'] },
      { kind: 'prose', depth: 1, start: 1, lines: ['b'] },
      { kind: 'prose', depth: 0, start: 2, lines: [''] },
    ]);
  });
});
