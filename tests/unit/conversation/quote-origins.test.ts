import { describe, expect, it } from 'vitest';
import { quoteOriginsForThread, type ProvenanceMessage } from '../../../lib/loaders/quote-origins';
import { MAX_PROVENANCE_ANCESTORS } from '../../../lib/limits';
import { messageAnchor } from '../../../lib/anchors';
import { mail, readThread } from './read-thread';

const ROOT = 'ec277c12-c608-6326-7723-be8cab4f524a@rasmusvillemoes.dk';
const DAN_PATCH = '20191029104917.GI1944@kadam';
const LUC_1 = '20191029114750.a7inago2vd2o4lzl@ltop.local';
const DAN_2 = '20191029125519.GA1705@kadam';
const LUC_2 = '20191029133756.qpqk5vf6txapqm35@ltop.local';

const DAN = { name: 'Dan Carpenter', date: '2019-10-29T10:50:58.000Z' };
const DAN_LATER = { name: 'Dan Carpenter', date: '2019-10-29T12:55:19.000Z' };
const LUC = { name: 'Luc Van Oostenryck', date: '2019-10-29T11:47:50.000Z' };

/** The origins of one message as plain entries, sorted by quote box start, then depth. */
function originsOf(all: ReturnType<typeof quoteOriginsForThread>, id: string, dup = 0) {
  const at = (key: string) => key.split(':').map(Number) as [number, number];
  return [...(all.get(messageAnchor(id, dup)) ?? [])].sort((a, b) => {
    const [x, y] = [at(a[0]), at(b[0])];
    return x[0] - y[0] || x[1] - y[1];
  });
}

function line(id: string, n: number): string {
  return `#${messageAnchor(id)}-L${n}`;
}

/** The fragment of lines `from`..`to` (1-based): the whole original, highlighted. */
function lines(id: string, from: number, to: number): string {
  return `${line(id, from)}-L${to}`;
}

describe('quoteOriginsForThread on a real linux-sparse chain', async () => {
  const thread = await readThread('of-get-property-chain.mbox');
  const origins = quoteOriginsForThread(thread);

  it('links the root and the unquoted patch to nothing', () => {
    expect(originsOf(origins, ROOT)).toEqual([]);
    expect(originsOf(origins, DAN_PATCH)).toEqual([]);
  });

  it("links Luc's quote of the patch to the 13 lines of Dan's patch it reproduces", () => {
    expect(originsOf(origins, LUC_1)).toEqual([
      [
        '1:1',
        {
          href: lines(DAN_PATCH, 46, 58),
          messageId: DAN_PATCH,
          startLine: 45,
          endLine: 57,
          trimmed: 0,
          author: DAN,
        },
      ],
    ]);
  });

  it('lands on the quoted words, not on the attribution line quoted above them', () => {
    // Dan's depth-1 box opens with Luc's `On ... Dan Carpenter wrote:` (line 0 of Luc's
    // message), but the link goes to Luc's own words, lines 15-16.
    const dan2 = thread.find((m) => m.messageId === DAN_2)!;
    expect(dan2.segments.find((s) => s.start === 1)?.kind).toBe('attribution');
    expect(originsOf(origins, DAN_2)).toEqual([
      [
        '1:1',
        {
          href: lines(LUC_1, 16, 17),
          messageId: LUC_1,
          startLine: 15,
          endLine: 16,
          trimmed: 0,
          author: LUC,
        },
      ],
      [
        '2:2',
        {
          href: lines(DAN_PATCH, 46, 58),
          messageId: DAN_PATCH,
          startLine: 45,
          endLine: 57,
          trimmed: 0,
          author: DAN,
        },
      ],
    ]);
  });

  it('links each level of a three-deep quote to the message that wrote it', () => {
    // Box 1 (Dan, depth 1) holds only a line Luc split in two mid-line; the line
    // matcher does not recognise half a line, so only its second half (box 25) links.
    expect(originsOf(origins, LUC_2)).toEqual([
      [
        '2:2',
        {
          href: lines(LUC_1, 16, 17),
          messageId: LUC_1,
          startLine: 15,
          endLine: 16,
          trimmed: 0,
          author: LUC,
        },
      ],
      [
        '3:3',
        {
          href: lines(DAN_PATCH, 46, 58),
          messageId: DAN_PATCH,
          startLine: 45,
          endLine: 57,
          trimmed: 0,
          author: DAN,
        },
      ],
      [
        '25:1',
        {
          href: lines(DAN_2, 21, 22),
          messageId: DAN_2,
          startLine: 20,
          endLine: 21,
          trimmed: 0,
          author: DAN_LATER,
        },
      ],
    ]);
  });

  it('gives the same links whatever order the messages come in', () => {
    const reversed = quoteOriginsForThread([...thread].reverse());
    const rotated = quoteOriginsForThread([...thread.slice(2), ...thread.slice(0, 2)]);
    for (const other of [reversed, rotated]) {
      expect([...other.keys()].sort()).toEqual([...origins.keys()].sort());
      for (const [anchor, links] of origins) expect(other.get(anchor)).toEqual(links);
    }
  });

  it('still links when the reply lost its References and keeps only In-Reply-To', () => {
    const trimmed = thread.map((m) => (m.messageId === LUC_2 ? { ...m, references: [] } : m));
    // The grandparents are reached through the parents' own In-Reply-To.
    expect(originsOf(quoteOriginsForThread(trimmed), LUC_2)).toEqual(originsOf(origins, LUC_2));
  });
});

describe('quoteOriginsForThread', () => {
  const paragraphs = [
    'The first paragraph explains what the patch changes.',
    '',
    'A middle paragraph that the reply will leave out entirely.',
    'It has two lines of its own.',
    '',
    'The last paragraph asks the question being answered.',
  ];

  it('counts the lines of the original that the quote trimmed', () => {
    const thread = [
      mail('a', paragraphs),
      mail('b', ['> ' + paragraphs[0], '> [...]', '> ' + paragraphs[5], '', 'Answer.'], ['a']),
    ];
    expect(originsOf(quoteOriginsForThread(thread), 'b')).toEqual([
      [
        '0:1',
        {
          href: lines('a', 1, 6),
          messageId: 'a',
          startLine: 0,
          endLine: 5,
          trimmed: 2,
          author: { name: 'Sender of a' },
        },
      ],
    ]);
  });

  it('prefers the nearer ancestor when two wrote the same words', () => {
    const words = 'This sentence was written twice, word for word.';
    const thread = [
      mail('a', [words]),
      mail('b', [words], ['a']),
      mail('c', ['> ' + words, '', 'Which one?'], ['a', 'b']),
    ];
    expect(originsOf(quoteOriginsForThread(thread), 'c').map(([, o]) => o.messageId)).toEqual([
      'b',
    ]);
  });

  it('ignores ancestors that are not in the thread and names no author it does not know', () => {
    const thread = [
      mail('a', paragraphs, [], { from: { name: '', address: '' } }),
      mail('c', ['> ' + paragraphs[0], '', 'Reply.'], ['a', 'ghost-b']),
    ];
    expect(originsOf(quoteOriginsForThread(thread), 'c')).toEqual([
      [
        '0:1',
        {
          href: line('a', 1),
          messageId: 'a',
          startLine: 0,
          endLine: 0,
          trimmed: 0,
        },
      ],
    ]);
  });

  it('survives forged headers that make a reference loop', () => {
    const words = 'Each of these messages claims to reply to the other one.';
    const thread: ProvenanceMessage[] = [
      mail('a', [words, '', '> ' + 'Second message own words, long enough to count.'], ['b']),
      mail('b', ['Second message own words, long enough to count.', '', '> ' + words], ['a']),
    ];
    const origins = quoteOriginsForThread(thread);
    expect(originsOf(origins, 'a').map(([start, o]) => [start, o.messageId])).toEqual([
      ['2:1', 'b'],
    ]);
    expect(originsOf(origins, 'b').map(([start, o]) => [start, o.messageId])).toEqual([
      ['2:1', 'a'],
    ]);
  });

  it('links a quote and the quote nested at its first line each to its own original', () => {
    const first = 'Words the first message wrote, long enough to be distinctive.';
    const second = 'Words the second message wrote about the first one, also long.';
    const thread = [
      mail('a', [first]),
      mail('b', ['> ' + first, '', second], ['a']),
      // `> > ...` on line 0 opens the depth-1 box and the depth-2 box on the same line.
      mail('c', ['> > ' + first, '>', '> ' + second, '', 'Reply.'], ['a', 'b']),
    ];
    expect(
      originsOf(quoteOriginsForThread(thread), 'c').map(([key, o]) => [key, o.messageId]),
    ).toEqual([
      ['0:1', 'b'],
      ['0:2', 'a'],
    ]);
  });

  it('keys a duplicate Message-ID by its own anchor and links to the first copy', () => {
    const thread = [
      mail('a', paragraphs),
      mail('b', ['> ' + paragraphs[0], '', 'First copy.'], ['a']),
      mail('b', ['> ' + paragraphs[5], '', 'Second copy.'], ['a'], { dupIndex: 1 }),
    ];
    const origins = quoteOriginsForThread(thread);
    expect(originsOf(origins, 'b').map(([, o]) => o.startLine)).toEqual([0]);
    expect(originsOf(origins, 'b', 1).map(([, o]) => o.startLine)).toEqual([5]);
  });

  it(`searches at most ${MAX_PROVENANCE_ANCESTORS} ancestors, nearest first`, () => {
    const ids = Array.from({ length: MAX_PROVENANCE_ANCESTORS + 2 }, (_, i) => `m${i}`);
    const own = (id: string) => `Words first written in message ${id}, and only there.`;
    const thread = ids.map((id, i) => mail(id, [own(id)], ids.slice(0, i)));
    const replies = ids.flatMap((id) => ['> ' + own(id), '', `About ${id}.`, '']);
    const last = mail('last', replies, ids);
    const linked = originsOf(quoteOriginsForThread([...thread, last]), 'last').map(
      ([, o]) => o.messageId,
    );
    expect(linked).toEqual(ids.slice(2));
  });

  it('handles a 100,000-line quote of a 100,000-line message', () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `line number ${i} of a huge log`);
    // Segments built by hand: this checks provenance, not the segmenter's own speed.
    const a = { ...mail('a', []), body: body.join('\n') };
    a.segments = [{ kind: 'log', depth: 0, lines: body, start: 0 }];
    const b = {
      ...mail('b', [], ['a']),
      body: [...body.map((l) => '> ' + l), '', 'ok'].join('\n'),
    };
    b.segments = [
      { kind: 'log', depth: 1, lines: body, start: 0 },
      { kind: 'prose', depth: 0, lines: ['', 'ok'], start: 100_000 },
    ];
    const [start, origin] = originsOf(quoteOriginsForThread([a, b]), 'b')[0]!;
    expect([start, origin.startLine, origin.endLine, origin.trimmed]).toEqual([
      '0:1',
      0,
      99_999,
      0,
    ]);
  });
});
