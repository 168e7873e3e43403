import { describeLinear, repeat } from '../segments/linear-scaling';

/**
 * The whole body pipeline (quotes, attributions, signatures, the block classifier) through
 * its real entry point, segmentBody, on pathological bodies of 12,500 and 100,000 lines.
 * Each shape once cost quadratic time: passes looked for the next non-blank line with a
 * scan of their own from inside per-line loops, so 10,000 blank lines took 12 s. How the
 * scaling is measured and bounded: tests/unit/segments/linear-scaling.ts.
 */
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

describeLinear('segmentBody runs in linear time', SHAPES);
