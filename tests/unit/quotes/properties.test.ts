import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_DEPTH } from '../../../lib/limits';
import { splitQuoteMarker } from '../../../lib/quotes/parse-quotes';
import { segmentBody } from '../../../lib/segments/segment-body';
import { buildConversation } from '../../../lib/conversation/build-conversation';

// Lines built from the pieces that matter to quoting, so the properties hit real cases.
const piece = fc.constantFrom(
  '>',
  '> ',
  '>>',
  ' ',
  '|',
  '| ',
  'On Tue, Apr 24, 2018 at 01:54:29PM +0200, Sedat Dilek wrote:',
  'Joe Perches wrote:',
  '<a@b.c> wrote:',
  '-----Original Message-----',
  'From: A B <a@b.c>',
  'Sent: Monday, May 7, 2018 1:00 PM',
  '-- ',
  '[...]',
  '<snip>',
  'text',
  'x'.repeat(70),
  '\t',
  'Yes.',
);
const line = fc.oneof(
  fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
  fc.string({ maxLength: 30 }),
);
const body = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));

function checkInvariants(text: string): void {
  const lines = text.split(/\r?\n/);
  const segments = segmentBody(text, { name: 'Me' });
  // One segment line per body line, in order, each the body line minus its markers.
  expect(segments.flatMap((s) => s.lines)).toHaveLength(lines.length);
  let next = 0;
  for (const s of segments) {
    expect(s.start).toBe(next);
    expect(s.lines.length).toBeGreaterThan(0);
    expect(s.depth).toBeGreaterThanOrEqual(0);
    expect(s.depth).toBeLessThanOrEqual(MAX_QUOTE_DEPTH);
    s.lines.forEach((l, k) => {
      const raw = lines[s.start + k]!;
      expect(raw.endsWith(l)).toBe(true);
      // Whatever was removed is quote markers (and their spacing) only.
      expect(/^[> \t|]*$/.test(raw.slice(0, raw.length - l.length))).toBe(true);
    });
    next += s.lines.length;
  }
}

describe('segmentBody properties', () => {
  it('segments give back the de-quoted body lines, with increasing starts and sane depths', () => {
    fc.assert(
      fc.property(body, (text) => checkInvariants(text)),
      { numRuns: 500 },
    );
  });

  it('the text of every line is exactly what splitQuoteMarker strips, except | quotes and wrapped tails', () => {
    fc.assert(
      fc.property(body, (text) => {
        const segments = segmentBody(text);
        const lines = text.split('\n');
        for (const s of segments)
          s.lines.forEach((l, k) => {
            const raw = lines[s.start + k]!;
            if (!raw.startsWith('|') && splitQuoteMarker(raw).depth > 0)
              expect(l).toBe(splitQuoteMarker(raw).text);
          });
      }),
      { numRuns: 300 },
    );
  });

  it('the conversation never invents lines', () => {
    fc.assert(
      fc.property(body, (text) => {
        const lines = text.split('\n');
        for (const turn of buildConversation(segmentBody(text)))
          for (const p of turn.passages)
            p.lines.forEach((l, k) => expect(lines[p.start + k]!.endsWith(l)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });
});

// No timing assertions: these only have to finish (a quadratic parser would not, in time).
describe('hostile inputs finish', () => {
  it('a 100k-line body of mixed quoting', () => {
    const parts = [
      '> > a line of text',
      'On Tue, Apr 24, 2018 at 01:54:29PM +0200, Sedat Dilek wrote:',
      '>',
      'answer',
      '| x',
      '> [...]',
      '-- ',
    ];
    const text = Array.from({ length: 100_000 }, (_, i) => parts[i % parts.length]).join('\n');
    checkInvariants(text);
  });

  it('a line of 10,000 >', () => {
    const segments = segmentBody('>'.repeat(10_000));
    expect(segments).toEqual(
      [{ kind: 'prose', depth: MAX_QUOTE_DEPTH, start: 0, lines: [''] }].map((s) =>
        expect.objectContaining(s),
      ),
    );
  });

  it('a 1 MB line of "> " repeated', () => {
    const segments = segmentBody('> '.repeat(512 * 1024) + 'x');
    expect(segments.map((s) => [s.depth, s.lines])).toEqual([[MAX_QUOTE_DEPTH, ['x']]]);
  });

  it('1 MB of "On On On ... wrote", on one line and on many', () => {
    const one = 'On '.repeat(350_000) + 'wrote:';
    expect(segmentBody(one).map((s) => s.kind)).not.toContain('attribution');
    const many = Array.from({ length: 20_000 }, () => 'On On On On On, On On wrote:').join('\n');
    checkInvariants(many);
  });

  it('1 MB of "| " lines, long unmarked lines and "-----Original Message-----" headers', () => {
    checkInvariants(Array.from({ length: 50_000 }, () => '| a | b').join('\n'));
    checkInvariants(
      Array.from({ length: 30_000 }, (_, i) =>
        i % 2 ? 'x'.repeat(30) : '> ' + 'y'.repeat(70),
      ).join('\n'),
    );
    checkInvariants(
      Array.from({ length: 30_000 }, (_, i) =>
        i % 3 === 0
          ? '-----Original Message-----'
          : i % 3 === 1
            ? 'From: A <a@b>'
            : 'Sent: Mon, 7 May 2018 10:00',
      ).join('\n'),
    );
  });
});
