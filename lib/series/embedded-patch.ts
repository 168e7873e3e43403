/**
 * Where a reply starts carrying a patch of its own: a reviewer's "how about this instead",
 * pasted below a scissors line, as `git format-patch` output, or as a bare diff. Its
 * commit message has trailers (`Link:`, `Reported-by:`, `Signed-off-by:`) that belong to
 * that new patch, never to the one the reply reviews.
 */
import { isDiffStart, isDiffstatLine } from './patch-layout';

// The first line of `git format-patch` output (mboxrd may have escaped it to `>From`):
// `From 9c9b521b286f241f849dcc4f9efbd9582dabd3cc Mon Sep 17 00:00:00 2001`.
const RE_FORMAT_PATCH_FROM = /^>?From [0-9a-f]{40} Mon Sep 17 00:00:00 2001$/;

// An in-body header opening a patch: `Subject: [PATCH] foo`, `Subject: [RFC PATCH v2 1/3] foo`.
const RE_PATCH_SUBJECT = /^Subject:[ \t]*\[[^\]\n]{0,100}\bPATCH\b/i;

// git's separator between commit message and diffstat.
const RE_SEPARATOR = /^---[ \t]*$/;

/**
 * git's scissors line (mailinfo.c `is_scissors_line`): `-- >8 --`, `------ >8 ------`,
 * `--8<-- cut here --`. At least one `>8`/`8<`/`>%`/`%<`, at least 8 visible characters,
 * perforation (dashes, scissors and the blanks between them) over a third of the
 * visible width, and blanks under half the perforation.
 */
export function isScissorsLine(line: string): boolean {
  let scissors = 0;
  let gap = 0;
  let perforation = 0;
  let inPerforation = false;
  let first = -1;
  let last = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      if (inPerforation) {
        perforation++;
        gap++;
      }
      continue;
    }
    last = i;
    if (first < 0) first = i;
    if (c === '-') {
      inPerforation = true;
      perforation++;
      continue;
    }
    const pair = line.slice(i, i + 2);
    if (pair === '>8' || pair === '8<' || pair === '>%' || pair === '%<') {
      inPerforation = true;
      perforation += 2;
      scissors += 2;
      i++; // the pair's second character; git leaves the last non-blank at its first
      continue;
    }
    inPerforation = false;
  }
  const visible = first < 0 ? 0 : last - first + 1;
  return scissors > 0 && visible >= 8 && visible < perforation * 3 && gap * 2 < perforation;
}

/** How a patch embedded at a line announces itself. */
export type EmbeddedPatchMark =
  /** A header (`From <sha>`, scissors, `Subject: [PATCH`): everything before is the reply's. */
  | 'header'
  /**
   * A `---` line before a diffstat or diff, or the diff itself: the paragraph just
   * before it is the embedded patch's commit message tail (its trailer block).
   */
  | 'body';

/** The next non-blank line at or after `i`, or undefined. */
function nextText(lines: readonly string[], i: number): number | undefined {
  for (let j = i; j < lines.length; j++) if (lines[j]!.trim() !== '') return j;
  return undefined;
}

/** Does line `i` open a patch pasted into the reply? Quoted lines (`>`) never do. */
export function embeddedPatchMark(lines: readonly string[], i: number): EmbeddedPatchMark | null {
  const line = lines[i]!;
  if (RE_FORMAT_PATCH_FROM.test(line)) return 'header';
  if (line.startsWith('>')) return null;
  if (RE_PATCH_SUBJECT.test(line) || isScissorsLine(line)) return 'header';
  if (RE_SEPARATOR.test(line)) {
    const next = nextText(lines, i + 1);
    if (next !== undefined && (isDiffstatLine(lines[next]!) || isDiffStart(lines, next)))
      return 'body';
    return null;
  }
  return isDiffStart(lines, i) ? 'body' : null;
}
