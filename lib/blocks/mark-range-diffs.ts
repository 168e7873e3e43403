import type { LineGuess } from './classify-line';
import type { Claims } from './mark-spans';
import { RE_RANGE_DIFF_BODY, RE_RANGE_DIFF_PAIR, RE_RANGE_DIFF_TITLE } from './line-patterns';
import { nextNonBlank, type NonBlankIndex } from './non-blank-index';

function isRangeDiffLine(line: string): boolean {
  return RE_RANGE_DIFF_PAIR.test(line) || RE_RANGE_DIFF_BODY.test(line);
}

/**
 * `git range-diff` output, as `git format-patch --range-diff` puts it in a cover letter:
 * an optional `Range-diff against v1:` title, pair lines (`1:  4209a02 ! 1:  55e547d subj`)
 * and the four-space-indented diff of each changed pair. The body lines read like anything
 * (`    -    mm: fix frobnicator` is a sentence), so this pass claims them before markDiffs
 * judges lines one by one. A blank line stays inside when more of the range-diff follows
 * (a client ate the trailing spaces of an empty context line). An `Interdiff against v1:`
 * title is claimed when a diff header follows; markDiffs takes the plain diff after it.
 * Returns the lines where a range-diff or interdiff starts, so classifyBlocks can keep it
 * a block of its own even when a diffstat sits just above it.
 */
export function markRangeDiffs(
  lines: readonly string[],
  g: readonly LineGuess[],
  c: Claims,
  nb: NonBlankIndex,
): number[] {
  const starts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (c[i] !== null) continue;
    const line = lines[i]!;
    if (RE_RANGE_DIFF_TITLE.test(line)) {
      // Only a title looks ahead: what follows it decides what it is.
      const k = nextNonBlank(nb, i + 1);
      const next = k < 0 ? '' : lines[k]!;
      const rangeDiff = RE_RANGE_DIFF_PAIR.test(next);
      const interdiff = !rangeDiff && g[k]?.kind === 'diff' && g[k]!.strength === 2;
      if (!rangeDiff && !interdiff) continue;
      starts.push(i);
      c.fill('diff', i, rangeDiff ? k : i + 1);
      if (interdiff) continue;
      i = k;
    } else if (RE_RANGE_DIFF_PAIR.test(line)) starts.push(i);
    else continue;
    let j = i;
    while (j < lines.length && c[j] === null) {
      if (g[j]!.blank) {
        const after = nextNonBlank(nb, j);
        if (after < 0 || c[after] !== null || !isRangeDiffLine(lines[after]!)) break;
        c.fill('diff', j, after);
        j = after;
        continue;
      }
      if (!isRangeDiffLine(lines[j]!)) break;
      c[j++] = 'diff';
    }
    i = j - 1;
  }
  return starts;
}
