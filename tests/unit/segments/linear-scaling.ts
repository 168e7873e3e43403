import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import type { Author } from '../../../lib/types';
import { segmentBody } from '../../../lib/segments/segment-body';

/**
 * Scaling checks for segmentBody (tests/unit/blocks and tests/unit/quotes linear-time
 * tests). Linear work grows 8× from 12.5k to 100k lines, quadratic work 64×. The bound is
 * relative so a loaded machine cannot fail it: the 100k run must stay under 20× the best
 * of three 12.5k runs, plus 300 ms for garbage-collector and timer noise. The 100k body is
 * timed up to three times and the best run counts.
 */
export const SMALL = 12_500;
export const BIG = 100_000;

/** `n` lines, line `i` from `line(i)`. */
export const repeat = (n: number, line: (i: number) => string): string =>
  Array.from({ length: n }, (_, i) => line(i)).join('\n');

function timeOnce(body: string, sender: Author | undefined): number {
  const start = performance.now();
  const segments = segmentBody(body, sender);
  const took = performance.now() - start;
  // Every body line comes back exactly once: the pipeline did not skip its way to speed.
  const lines = segments.reduce((n, s) => n + s.lines.length, 0);
  expect(lines).toBe(body.split('\n').length);
  return took;
}

/** One test per shape: a body of n lines for each n. */
export function describeLinear(
  title: string,
  shapes: Record<string, (n: number) => string>,
  sender?: Author,
): void {
  describe(title, () => {
    for (const [name, shape] of Object.entries(shapes)) {
      it(`${name}: ${BIG} lines cost at most 20× ${SMALL} lines`, () => {
        const small = shape(SMALL);
        const big = shape(BIG);
        // The first run also warms the code paths up; the best of three counts.
        const tSmall = Math.min(
          timeOnce(small, sender),
          timeOnce(small, sender),
          timeOnce(small, sender),
        );
        const bound = 20 * tSmall + 300;
        let tBig = Infinity;
        for (let run = 0; run < 3 && tBig >= bound; run++) {
          tBig = Math.min(tBig, timeOnce(big, sender));
        }
        expect(
          tBig,
          `${name}: ${tSmall.toFixed(0)} ms for ${SMALL} lines, ${tBig.toFixed(0)} ms for ${BIG}`,
        ).toBeLessThan(bound);
      });
    }
  });
}
