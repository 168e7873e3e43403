/**
 * Where the pieces of a `git format-patch` body are: commit message, the `---` line,
 * the notes under it (changelog), the diffstat, the diff. One pass, line by line.
 *
 *   Commit message…            ← message: [0, messageEnd)
 *   Signed-off-by: A <a@b>
 *   ---                        ← separator
 *   v2: fixed foo              ← notes: [separator + 1, notesEnd)
 *    file.c | 2 +-             ← diffstat (notesEnd)
 *   diff --git a/file.c …      ← diffStart
 */
export interface PatchLayout {
  lines: string[];
  /** First line after the commit message: the `---` line, else the diff, else the end. */
  messageEnd: number;
  /** The `---` line ending the commit message, or -1. */
  separator: number;
  /** First diffstat or diff line after the separator (end of the notes). */
  notesEnd: number;
  /** First line of the diff, or -1 when the body has none. */
  diffStart: number;
}

// The line git puts between commit message and diffstat: exactly `---` (trailing blanks
// tolerated: some mailers add them).
const RE_SEPARATOR = /^---[ \t]*$/;

// Lines that open a diff: `diff --git a/x b/x`, `diff -urN`, `Index: x` (svn, quilt).
const RE_DIFF_HEADER = /^(?:diff --git |diff -[a-zA-Z]|Index: \S)/;

// `--- a/file` (a diff without a `diff` line), only when `+++ ` follows.
const RE_OLD_FILE = /^--- \S/;

// A diffstat line: ` drivers/x.c | 12 +++--`, ` a.bin | Bin 0 -> 12 bytes`; the cover of b4's
// samples omits the leading space. `[^|]*` cannot backtrack into the `|`: linear.
const RE_DIFFSTAT = /^ ?[^\s|][^|]*\| +(?:\d|Bin )/;

// The diffstat summary: ` 3 files changed, 24 insertions(+), 3 deletions(-)`.
const RE_DIFFSTAT_SUMMARY = /^ ?\d+ files? changed/;

/** True when line `i` starts a diff. */
export function isDiffStart(lines: readonly string[], i: number): boolean {
  const line = lines[i]!;
  return (
    RE_DIFF_HEADER.test(line) || (RE_OLD_FILE.test(line) && (lines[i + 1] ?? '').startsWith('+++ '))
  );
}

export function isDiffstatLine(line: string): boolean {
  return RE_DIFFSTAT.test(line) || RE_DIFFSTAT_SUMMARY.test(line);
}

/** Lay out a patch body (LF line ends, as parseMessage leaves them). */
export function patchLayout(body: string): PatchLayout {
  const lines = body.split('\n');
  let separator = -1;
  let diffStart = -1;
  let notesEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    if (isDiffStart(lines, i)) {
      diffStart = i;
      break;
    }
    if (separator < 0 && RE_SEPARATOR.test(lines[i]!)) separator = i;
    else if (separator >= 0 && notesEnd < 0 && isDiffstatLine(lines[i]!)) notesEnd = i;
  }
  const end = diffStart >= 0 ? diffStart : lines.length;
  return {
    lines,
    messageEnd: separator >= 0 ? separator : end,
    separator,
    notesEnd: notesEnd >= 0 ? notesEnd : end,
    diffStart,
  };
}

/** True when the text holds a diff (a patch body or a patch attachment). */
export function hasDiff(text: string): boolean {
  return patchLayout(text).diffStart >= 0;
}
