import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { segmentBody } from '../../../lib/segments/segment-body';

/**
 * The whole body pipeline (quotes, attributions, signatures, the block classifier) through
 * its real entry point, segmentBody, on pathological bodies of 12,500 and 100,000 lines.
 * Each shape once cost quadratic time: passes looked for the next non-blank line with a
 * scan of their own from inside per-line loops, so 10,000 blank lines took 12 s. Linear
 * work grows 8× from 12.5k to 100k lines, quadratic work 64×. The bound is relative so a
 * loaded machine cannot fail it: the 100k run must stay under 20× the best of three 12.5k
 * runs, plus 300 ms for garbage-collector and timer noise. The 100k body is timed up to
 * three times and the best run counts.
 */
const SMALL = 12_500;
const BIG = 100_000;

const repeat = (n: number, line: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => line(i)).join('\n');
const blanks = (n: number): string => '\n'.repeat(n);

/**
 * Bodies of about `n` lines: long blank runs after a line that makes a pass look ahead (each
 * of these once cost n²), and alternations that keep every run short.
 */
const SHAPES: Record<string, (n: number) => string> = {
  'blank lines': (n) => blanks(n),
  'bare > lines': (n) => repeat(n, () => '>'),
  'a Traceback header, then blank lines': (n) => 'Traceback (most recent call last):' + blanks(n),
  'a log line, then blank lines': (n) => '[    1.000000] a' + blanks(n),
  'blank and "> x" lines alternating': (n) => repeat(n, (i) => (i % 2 ? '> x' : '')),
  'a hunk header, blank lines, a context line': (n) => '@@ -1,3 +1,3 @@' + blanks(n) + ' x',
  'a "---" line, blank lines, a diff header': (n) => '---' + blanks(n) + 'diff --git a/x b/x',
  'a prompt, then blank lines': (n) => '$ ls' + blanks(n) + 'a-b',
  'a Range-diff title, then blank lines': (n) => 'Range-diff against v1:' + blanks(n),
  'a lone make rule, blank lines, a rule with its recipe': (n) =>
    'all: foo' + blanks(n) + 'foo: foo.c\n\t$(CC) foo.c',
  'hunk fragment lines and blank lines alternating': (n) =>
    repeat(n, (i) => (i % 2 ? '' : '+\tfoo();')),
  // Work once repeated per line of a run: the run's first line was re-read for every line.
  // Its length grows with n here, so repeating it costs n² as well.
  'a first line of 10 characters per line, then short lines': (n) =>
    ' '.repeat(5 * n) + 'x' + ' '.repeat(5 * n) + '\n' + repeat(n, () => 'a'),
};

function timeOnce(body: string): number {
  const start = performance.now();
  const segments = segmentBody(body);
  const took = performance.now() - start;
  // Every body line comes back exactly once: the pipeline did not skip its way to speed.
  const lines = segments.reduce((n, s) => n + s.lines.length, 0);
  expect(lines).toBe(body.split('\n').length);
  return took;
}

describe('segmentBody runs in linear time', () => {
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
