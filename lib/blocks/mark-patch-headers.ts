import type { LineGuess } from './classify-line';
import { RE_FORMAT_PATCH_FROM, RE_PATCH_MAIL_HEADER, RE_PATCH_SUBJECT } from './line-patterns';
import type { Claims } from './mark-spans';

/**
 * How far below its headers a patch's diff may start: the commit message sits between them.
 * Further down, a `Subject: [PATCH]` line is talk about a patch, not the head of one.
 */
const MAX_PATCH_MESSAGE_LINES = 100;

/** Where each line's next strong diff line (a header, `@@`, a diffstat row) is, or -1. */
function nextStrongDiff(g: readonly LineGuess[]): number[] {
  const next = new Array<number>(g.length + 1).fill(-1);
  for (let i = g.length - 1; i >= 0; i--)
    next[i] = g[i]!.kind === 'diff' && g[i]!.strength === 2 ? i : next[i + 1]!;
  return next;
}

/** End (exclusive) of the header block starting at `i`: header lines and their folded tails. */
function headerBlockEnd(lines: readonly string[], i: number): number {
  let j = RE_FORMAT_PATCH_FROM.test(lines[i]!) ? i + 1 : i;
  while (j < lines.length) {
    const line = lines[j]!.slice(0, 200);
    // RFC 5322 folding: a long Subject continues on lines starting with white space.
    const folded = j > i && /^[ \t]+\S/.test(line) && RE_PATCH_MAIL_HEADER.test(lines[j - 1]!);
    if (!RE_PATCH_MAIL_HEADER.test(line) && !folded) break;
    j++;
  }
  return j;
}

/**
 * The headers of a pasted patch, as `git format-patch` writes them or as in-body headers for
 * `git am`: `From <sha> Mon Sep 17 00:00:00 2001`, `From:`, `Date:`, `Subject: [PATCH …]`.
 * A block counts when it opens with the format-patch `From <sha>` line or holds a
 * `Subject: [PATCH` with another header, and the patch itself (a diffstat, `diff --git`,
 * `@@`) follows within MAX_PATCH_MESSAGE_LINES. The commit message between stays prose, and
 * so do headers quoted inside it (`From: Nit Picker` … `Subject: foo is too old`).
 */
export function markPatchHeaders(
  lines: readonly string[],
  g: readonly LineGuess[],
  c: Claims,
): void {
  const next = nextStrongDiff(g);
  for (let i = 0; i < lines.length; i++) {
    if (c[i] !== null) continue;
    const line = lines[i]!.slice(0, 200);
    if (!RE_FORMAT_PATCH_FROM.test(line) && !RE_PATCH_MAIL_HEADER.test(line)) continue;
    const end = headerBlockEnd(lines, i);
    let patchSubject = false;
    for (let k = i; k < end; k++) if (RE_PATCH_SUBJECT.test(lines[k]!)) patchSubject = true;
    const headers = end - i;
    const opens = RE_FORMAT_PATCH_FROM.test(line) ? headers >= 2 : patchSubject && headers >= 2;
    const diff = next[end] ?? -1;
    if (opens && diff >= 0 && diff - end <= MAX_PATCH_MESSAGE_LINES) {
      for (let k = i; k < end; k++) if (c[k] === null) c[k] = 'diff';
    }
    i = end - 1;
  }
}
