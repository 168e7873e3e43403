import { describe, expect, it } from 'vitest';
import { findQuoteOrigins } from '../../../lib/quotes/quote-provenance';
import { segmentBody } from '../../../lib/segments/segment-body';

const PARENT = [
  'On Mon, May 18, 2020 at 5:57 PM Luc Van Oostenryck wrote:', // 0 (own text, but not quoted later)
  '> an older quote that the parent itself quoted', // 1
  '', // 2
  'So, mainly in preparation for some incoming changes, let', // 3
  "function_scope's parent be NULL instead of the builtin scope.", // 4
  '', // 5
  'The goals of the patches in this series are:', // 6
  '*) to detect such gotos at evaluation time;', // 7
  '*) to issue a sensible error message for them.', // 8
  '', // 9
  'Thanks,', // 10
  'Luc', // 11
].join('\n');

const quoted = (lines: string[], start = 0) => ({ start, depth: 1, lines });

describe('findQuoteOrigins', () => {
  it('links a quoted passage to the exact lines of the ancestor and lists what was trimmed', () => {
    const origins = findQuoteOrigins(
      [
        quoted(
          [
            'So,   mainly in preparation for some incoming changes, let',
            "function_scope's parent be NULL instead of the builtin scope.",
            '',
            '*) to issue a sensible error message for them.',
          ],
          4,
        ),
      ],
      [
        { messageId: 'older@x', body: 'unrelated\ntext here' },
        { messageId: 'parent@x', body: PARENT },
      ],
    );
    expect(origins).toEqual([
      {
        passageStart: 4,
        messageId: 'parent@x',
        startLine: 3,
        endLine: 8,
        matchedLines: 3,
        trimmed: [6, 7],
      },
    ]);
  });

  it('finds a paragraph the quoting client re-wrapped', () => {
    const origins = findQuoteOrigins(
      [
        quoted([
          "So, mainly in preparation for some incoming changes, let function_scope's",
          'parent be NULL instead of the builtin scope.',
        ]),
      ],
      [{ messageId: 'parent@x', body: PARENT }],
    );
    expect(origins).toEqual([
      {
        passageStart: 0,
        messageId: 'parent@x',
        startLine: 3,
        endLine: 4,
        matchedLines: 2,
        trimmed: [],
      },
    ]);
  });

  it('ignores the ancestor quoting others, trivial lines and depth-0 passages', () => {
    expect(
      findQuoteOrigins(
        [
          quoted(['an older quote that the parent itself quoted']),
          quoted(['Thanks,', 'Luc']),
          { start: 9, depth: 0, lines: ['*) to detect such gotos at evaluation time;'] },
        ],
        [{ messageId: 'parent@x', body: PARENT }],
      ),
    ).toEqual([]);
  });

  it('works on segments straight from segmentBody', () => {
    const reply =
      'Luc wrote:\n> The goals of the patches in this series are:\n> *) to detect such gotos at evaluation time;\n\nGood.';
    const passages = segmentBody(reply).filter((s) => s.depth > 0);
    expect(findQuoteOrigins(passages, [{ messageId: 'parent@x', body: PARENT }])).toEqual([
      {
        passageStart: 1,
        messageId: 'parent@x',
        startLine: 6,
        endLine: 7,
        matchedLines: 2,
        trimmed: [],
      },
    ]);
  });

  it('stays fast on many repeated lines', () => {
    const body =
      Array.from({ length: 20_000 }, () => '}').join('\n') + '\nthe only distinctive line here';
    const passage = quoted([
      ...Array.from({ length: 20_000 }, () => '}'),
      'the only distinctive line here',
    ]);
    const [origin] = findQuoteOrigins([passage], [{ messageId: 'a', body }]);
    expect(origin?.startLine).toBe(0);
    expect(origin?.endLine).toBe(20_000);
    expect(origin?.matchedLines).toBe(20_001);
  });
});
