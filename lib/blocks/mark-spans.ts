import { MAX_LINE_CLASSIFY_CHARS } from '../limits';
import type { BlockKind } from './classify-blocks';
import type { LineGuess } from './classify-line';
import {
  RE_CODE_HUNK_LINE,
  RE_CONTEXT_HUNK_LINE,
  RE_HUNK_COMMENT_LINE,
  RE_HUNK_HEADER,
  RE_PY_EXCEPTION,
} from './line-patterns';
import { nextNonBlank, type NonBlankIndex } from './non-blank-index';

/** Per line: the kind a pass has claimed it for, or null while unclaimed. */
export type Claims = (BlockKind | null)[];

/**
 * Python tracebacks: from `Traceback (most recent call last):` through the frames to the
 * exception line (`AttributeError: ...`). Mail clients wrap long frame lines, so any line
 * before the exception belongs to the traceback; a blank line ends it unless another frame
 * or `Traceback` follows (chained exceptions).
 */
export function markTracebacks(
  lines: readonly string[],
  g: readonly LineGuess[],
  c: Claims,
  nb: NonBlankIndex,
): void {
  for (let i = 0; i < lines.length; i++) {
    if (c[i] !== null || !lines[i]!.includes('Traceback (most')) continue;
    let j = i;
    for (; j < lines.length; j++) {
      if (g[j]!.blank) {
        const k = nextNonBlank(nb, j);
        if (k < 0 || g[k]!.kind !== 'traceback') break;
        j = k - 1; // skip the blank run at once; its lines stay unclaimed
        continue;
      }
      c[j] = 'traceback';
      if (j > i + 1 && RE_PY_EXCEPTION.test(lines[j]!.trimStart())) break;
    }
    i = j;
  }
}

const HUNK_LINE_START = new Set([' ', '+', '-', '\\', '\t']);

function hunkCounts(line: string): [number, number] {
  const m =
    /^@@@? -\d{1,9}(?:,(\d{1,9}))? (?:-\d{1,9}(?:,\d{1,9})? )?\+\d{1,9}(?:,(\d{1,9}))? @@/.exec(
      line,
    );
  return [m?.[1] === undefined ? 1 : Number(m[1]), m?.[2] === undefined ? 1 : Number(m[2])];
}

/**
 * Unified diffs and whole patches. Strong diff lines (headers, `@@`, diffstat, diffconfig)
 * start a diff; after `@@ -a,b +c,d @@` the hunk's line counts say how many `+`/`-`/context
 * lines follow, so an empty line (a context line whose space a client ate) is kept inside
 * the hunk and the hunk ends exactly where it should. Quoted hunks are often trimmed, so a
 * line that cannot be a hunk line also ends it.
 */
export function markDiffs(
  lines: readonly string[],
  g: readonly LineGuess[],
  c: Claims,
  nb: NonBlankIndex,
): void {
  let inDiff = false;
  let oldLeft = 0;
  let newLeft = 0;
  for (let i = 0; i < lines.length; i++) {
    if (c[i] !== null) {
      inDiff = false;
      continue;
    }
    const line = lines[i]!;
    const strong = g[i]!.kind === 'diff' && g[i]!.strength === 2;
    if (RE_HUNK_HEADER.test(line)) {
      [oldLeft, newLeft] = hunkCounts(line);
      inDiff = true;
      c[i] = 'diff';
      continue;
    }
    // Past the counted lines, a hunk-shaped line that is not a sentence still continues it:
    // hand-edited and merge hunks often carry wrong counts.
    const loose = inDiff && line !== '' && !g[i]!.sentence && !line.startsWith('---');
    const inHunk = inDiff && (oldLeft > 0 || newLeft > 0 || loose);
    if (inHunk && (line === '' || HUNK_LINE_START.has(line[0]!))) {
      const next = nextNonBlank(nb, i + 1);
      if (line === '' && (next < 0 || !HUNK_LINE_START.has(lines[next]![0]!))) {
        inDiff = false;
        continue;
      }
      const ch = line[0];
      if (ch !== '+') oldLeft--;
      if (ch !== '-' && ch !== '\\') newLeft--;
      c[i] = 'diff';
    } else if (strong || (line === '---' && startsDiff(lines, g, nb, i + 1))) {
      inDiff = true;
      oldLeft = newLeft = 0;
      c[i] = 'diff';
    } else if (inDiff && g[i]!.blank && startsDiff(lines, g, nb, i + 1)) {
      c[i] = 'diff';
    } else inDiff = false;
  }
}

function startsDiff(
  lines: readonly string[],
  g: readonly LineGuess[],
  nb: NonBlankIndex,
  from: number,
): boolean {
  const k = nextNonBlank(nb, from);
  return k >= 0 && g[k]!.kind === 'diff' && g[k]!.strength === 2 && lines[k] !== undefined;
}

/** A hunk line whose content is code: `+\tfoo();`, `-}`, `+ * comment`, context ` \tbar();`, ` }`. */
export function isHunkCodeLine(line: string): boolean {
  // Cut like classifyLine does: `+{` and a megabyte of spaces must not cost a quadratic scan.
  const text =
    line.length > MAX_LINE_CLASSIFY_CHARS ? line.slice(0, MAX_LINE_CLASSIFY_CHARS) : line;
  return RE_CODE_HUNK_LINE.test(text) || RE_CONTEXT_HUNK_LINE.test(text);
}

// A line that may sit in a hunk: `+...`, `-...`, ` ...` (context), or a tab-indented one.
const RE_HUNK_SHAPED = /^[-+ \t]/;

/**
 * Quoted hunk fragments without their `@@` header, as reviewers quote them between their
 * comments: lines starting with `+`/`-` or a context space, at least two and at least half
 * of them shaped like code (`+\tif (x) {`, ` \treturn 0;`, ` }`, `+ * comment`). When the
 * fragment is all the input holds (one quoted excerpt), one such line is enough. A blank line
 * stays inside when code-shaped hunk lines follow. A sentence that is not code-shaped ends the
 * fragment, unless it is a line of a comment the fragment opened (`  * text`). Bullet lists (`- item`) and `+1` have a single space or none, so they do not qualify.
 */
export function markHunkFragments(
  lines: readonly string[],
  g: readonly LineGuess[],
  c: Claims,
  nb: NonBlankIndex,
): void {
  const nonBlank = g.reduce((n, x) => (x.blank ? n : n + 1), 0);
  let i = 0;
  while (i < lines.length) {
    let j = i;
    let count = 0;
    let codeLike = 0;
    let comment = false;
    while (j < lines.length && c[j] === null) {
      const line = lines[j]!;
      if (g[j]!.blank) {
        const k = j > i ? nextNonBlank(nb, j) : -1;
        if (k < 0 || c[k] !== null || !isHunkCodeLine(lines[k]!)) break;
        j = k;
        continue;
      }
      const code = isHunkCodeLine(line);
      const commentGoesOn = comment && RE_HUNK_COMMENT_LINE.test(line.slice(0, 8));
      if (!RE_HUNK_SHAPED.test(line) || (g[j]!.sentence && !code && !commentGoesOn)) break;
      // `/*` opens a comment whose ` * text` lines read like sentences; `*/` closes it.
      if (line.includes('/*')) comment = true;
      if (line.includes('*/')) comment = false;
      if (code) codeLike++;
      count++;
      j++;
    }
    const whole = count === nonBlank && codeLike >= 1;
    if ((codeLike >= 2 || whole) && codeLike * 2 >= count) c.fill('diff', i, j);
    i = j > i ? j : i + 1;
  }
}
