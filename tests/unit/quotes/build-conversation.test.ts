import { describe, expect, it } from 'vitest';
import { buildConversation } from '../../../lib/conversation/build-conversation';
import { segmentBody } from '../../../lib/segments/segment-body';
import { seedBody } from './read-fixture';

const MATTHIAS = { name: 'Matthias Kaehlcke', date: '2018-05-07T18:49:18.000Z' };

describe('buildConversation', () => {
  const turns = buildConversation(segmentBody(seedBody(), MATTHIAS));

  it('rebuilds the seed as four turns by two people in time order', () => {
    expect(turns.map((t) => [t.depth, t.author?.name, t.author?.date])).toEqual([
      [3, 'Sedat Dilek', '2018-04-24T11:54:29.000Z'],
      [2, 'Matthias Kaehlcke', '2018-04-25T01:06:00.000'],
      [1, 'Sedat Dilek', '2018-05-06T07:42:09.000Z'],
      [0, 'Matthias Kaehlcke', '2018-05-07T18:49:18.000Z'],
    ]);
  });

  it('keeps which quoted passage each inline answer replies to', () => {
    expect(
      turns.map((t) =>
        t.passages.map((p) => [p.start, p.lines.length, p.lines[0], p.repliesTo ?? null]),
      ),
    ).toEqual([
      [
        [3, 43, 'Hi Matthias,', null],
        [53, 223, 'For easy switching "mycompiler" I use a wrapper-script:', null],
      ],
      [
        [
          47,
          5,
          'Yes, these patch stacks are based on vanilla Linux v4.14, one reason',
          { start: 3, depth: 3 },
        ],
        [
          277,
          192,
          "It doesn't ring a bell, but I can repro it (with different offsets):",
          { start: 53, depth: 3 },
        ],
      ],
      [
        [471, 22, 'Hi Matthias,', { start: 277, depth: 2 }],
        [509, 42, 'IMHO an analysis like you did might help, too.', null],
      ],
      [
        [
          494,
          14,
          'Apparently stack-protector code is clobbering RCX, however the',
          { start: 471, depth: 1 },
        ],
        [
          552,
          3,
          "I'm not an expert, but I don't think there is a generic test case for",
          { start: 509, depth: 1 },
        ],
      ],
    ]);
  });

  it('orders undated turns deepest first and dated ones by date', () => {
    const body = 'Bob wrote:\n> Alice wrote:\n> > first\n> second\nthird';
    const order = (sender?: { name: string; date?: string }) =>
      buildConversation(segmentBody(body, sender)).map((t) => t.author?.name ?? '?');
    expect(order({ name: 'Carol' })).toEqual(['Alice', 'Bob', 'Carol']);
    const dated =
      'On Mon, May 7, 2018 at 10:00 +0000, Bob wrote:\n> On Sun, May 6, 2018 at 10:00 +0000, Alice wrote:\n> > a\n> b\nc';
    expect(
      buildConversation(
        segmentBody(dated, { name: 'Carol', date: '2018-05-01T00:00:00.000Z' }),
      ).map((t) => t.author?.name),
    ).toEqual(['Carol', 'Alice', 'Bob']);
  });

  it('dates a mutt `[YYMMDD HH:MM]` turn and orders it by that date', () => {
    const body =
      '* Bob <bob@example.org> [180507 13:49]:\n> * Alice <alice@example.org> [180506 09:00]:\n> > a\n> b\nc';
    const turns = buildConversation(
      segmentBody(body, { name: 'Carol', date: '2018-05-08T00:00:00.000Z' }),
    );
    expect(turns.map((t) => [t.author?.name, t.author?.date])).toEqual([
      ['Alice', '2018-05-06T09:00:00.000'],
      ['Bob', '2018-05-07T13:49:00.000'],
      ['Carol', '2018-05-08T00:00:00.000Z'],
    ]);
  });

  it('leaves attributions, trim marks and blank-only stretches out of the passages', () => {
    const turns = buildConversation(
      segmentBody('Bob wrote:\n> one\n> [...]\n> two\n>\n\nanswer', { name: 'Me' }),
    );
    expect(turns.map((t) => [t.author?.name, t.passages.map((p) => [p.start, p.lines])])).toEqual([
      [
        'Bob',
        [
          [1, ['one']],
          [3, ['two']],
        ],
      ],
      ['Me', [[6, ['answer']]]],
    ]);
  });
});
