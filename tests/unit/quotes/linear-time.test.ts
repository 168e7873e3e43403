import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { segmentBody } from '../../../lib/segments/segment-body';

/**
 * The quote stage's own inputs (attributions, Outlook headers, `|` quoting, broken-wrapped
 * tails, mixed `>` markers) through segmentBody, at 12,500 and 100,000 lines: the same
 * method as tests/unit/blocks/linear-time.test.ts. Linear work grows 8× from 12.5k to
 * 100k lines, quadratic work 64×; the 100k run (best of up to three) must stay under 20×
 * the best of three 12.5k runs, plus 300 ms for garbage-collector and timer noise.
 */
const SMALL = 12_500;
const BIG = 100_000;

const repeat = (n: number, line: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => line(i)).join('\n');

const LONG = '> ' + 'word '.repeat(15);
const OUTLOOK = [
  '-----Original Message-----',
  'From: A <a@b>',
  'Sent: Monday, January 1, 2024 10:00 AM',
  'To: B <b@c>',
  'Subject: RE: x',
];

/** Bodies of about `n` lines, each stressing one pass of lib/quotes. */
const SHAPES: Record<string, (n: number) => string> = {
  'Gmail attributions': (n) => repeat(n, () => 'On Mon, Jan 1, 2024 at 10:00 AM, A <a@b> wrote:'),
  'quoted Gmail attributions': (n) =>
    repeat(n, (i) => '>'.repeat(i % 4) + ' On Mon, Jan 1, 2024 at 10:00 AM, A <a@b> wrote:'),
  'an attribution wrapped over two lines, repeated': (n) =>
    repeat(n, (i) => (i % 2 ? 'A <a@b> wrote:' : 'On Mon, Jan 1, 2024 at 10:00 AM,')),
  'Outlook header blocks': (n) => repeat(n, (i) => OUTLOOK[i % OUTLOOK.length]!),
  'one Outlook marker, then header-like lines': (n) =>
    OUTLOOK[0] + '\n' + repeat(n, (i) => (i % 2 ? 'To: B <b@c>' : 'From: A <a@b>')),
  'Outlook markers, then blank lines': (n) => repeat(n / 100, () => OUTLOOK[0] + '\n'.repeat(100)),
  '| a lines': (n) => repeat(n, () => '| a'),
  '| lines and blank lines alternating': (n) => repeat(n, (i) => (i % 2 ? '' : '| a')),
  'a long quoted line, then unmarked tails': (n) => LONG + '\n' + repeat(n, () => 'tail words'),
  'long quoted lines and tails alternating': (n) => repeat(n, (i) => (i % 2 ? 'tail words' : LONG)),
  '>, > >, >> cycling': (n) => repeat(n, (i) => ['>', '> >', '>>'][i % 3]! + ' x'),
  'bare >, > >, >> cycling': (n) => repeat(n, (i) => ['>', '> >', '>>', ''][i % 4]!),
  'depth 1 to 64 cycling': (n) => repeat(n, (i) => '> '.repeat((i % 64) + 1) + 'x'),
  'depth 64 and 1 alternating': (n) => repeat(n, (i) => (i % 2 ? '>'.repeat(64) : '>') + ' x'),
  'trim markers at varying depth': (n) => repeat(n, (i) => '>'.repeat(i % 5) + ' [...]'),
  'signature lines at varying depth': (n) => repeat(n, (i) => '>'.repeat(i % 3) + ' -- '),
};

function timeOnce(body: string): number {
  const start = performance.now();
  const segments = segmentBody(body, { name: 'Me' });
  const took = performance.now() - start;
  // Every body line comes back exactly once: the pipeline did not skip its way to speed.
  const lines = segments.reduce((n, s) => n + s.lines.length, 0);
  expect(lines).toBe(body.split('\n').length);
  return took;
}

describe('the quote stage runs in linear time', () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`${name}: ${BIG} lines cost at most 20× ${SMALL} lines`, () => {
      const small = shape(SMALL);
      const big = shape(BIG);
      // The first run also warms the code paths up; the best of three counts.
      const tSmall = Math.min(timeOnce(small), timeOnce(small), timeOnce(small));
      const bound = 20 * tSmall + 300;
      let tBig = Infinity;
      for (let run = 0; run < 3 && tBig >= bound; run++) tBig = Math.min(tBig, timeOnce(big));
      expect(
        tBig,
        `${name}: ${tSmall.toFixed(0)} ms for ${SMALL} lines, ${tBig.toFixed(0)} ms for ${BIG}`,
      ).toBeLessThan(bound);
    });
  }
});
