import { describe, expect, it } from 'vitest';
import { predictCase, readCase } from './labelled-set';

/**
 * Labelled cases that must come out exactly as labelled, line for line: each pins a bug the
 * aggregate thresholds of labelled-set.test.ts would let through (a few dozen lines in a
 * set of thousands).
 */
const EXACT = [
  // gcc diagnostics with caret rows and `>> ` marked lines (kernel test robot)
  'kbuild-robot-gcc-carets.labels.tsv',
  // sparse `path:line:col: warning:` lists
  'sparse-context-imbalance-warnings.labels.tsv',
  // clang and gcc diagnostics pasted in commit messages
  'clang-gcc-carets-commit-message.labels.tsv',
  // a sparse IR listing right under three lines of prose
  'sparse-ir-after-prose.labels.tsv',
];

describe('labelled cases classified exactly', () => {
  for (const file of EXACT) {
    it(file, () => {
      const rows = readCase(file);
      const predicted = predictCase(rows);
      const wrong = rows.flatMap((row, i) =>
        predicted[i]!.label === row.label
          ? []
          : [`${i + 1}: want ${row.label} got ${predicted[i]!.label}: ${row.text.slice(0, 60)}`],
      );
      expect(wrong).toEqual([]);
    });
  }
});
