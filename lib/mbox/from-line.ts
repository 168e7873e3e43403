/**
 * Recognising mbox `From ` separator lines and mboxrd `>From ` escapes.
 *
 * mbox has no length field: a message ends where the next `From ` line begins.
 * Writers differ: mboxo (old Unix mail) escapes body lines starting with `From `
 * as `>From `; mboxrd (lore.kernel.org, git, mutt) escapes `^>*From ` by adding
 * one more `>`, so reversing it (drop one `>` from `^>+From `) is lossless.
 * See https://www.loc.gov/preservation/digital/formats/fdd/fdd000385.shtml
 */
import { MAX_FROM_LINE_CHARS } from '../limits';

const F = 0x46; // 'F'
const GT = 0x3e; // '>'
const FROM_SPACE = Buffer.from('From ', 'latin1');

/**
 * A separator line: sender token, then something with a clock time. Matches
 * `From mboxrd@z Thu Jan  1 00:00:00 1970` (lore),
 * `From 0123abc Mon Sep 17 00:00:00 2001` (git format-patch),
 * `From - Sat Feb  7 10:00:00 2009` (Thunderbird).
 * Not `From the beginning, mbox should have been mboxrd` (an unescaped body line).
 * Linear: the two character classes are disjoint and `.*` backtracks at most once per byte.
 */
const RE_FROM_LINE = /^From [^ \t\r\n]+[ \t].*\d:\d\d/;

/** True when `buf[pos..]` starts with `From `. */
export function startsWithFrom(buf: Buffer, pos: number, end: number): boolean {
  if (end - pos < 5 || buf[pos] !== F) return false;
  return buf.compare(FROM_SPACE, 0, 5, pos, pos + 5) === 0;
}

/** The From_ line as text, without its line ending, capped at MAX_FROM_LINE_CHARS. */
export function fromLineText(buf: Buffer, pos: number, end: number): string {
  let stop = Math.min(end, pos + MAX_FROM_LINE_CHARS);
  if (stop > pos && buf[stop - 1] === 0x0a) stop--;
  if (stop > pos && buf[stop - 1] === 0x0d) stop--;
  return buf.toString('latin1', pos, stop);
}

/**
 * Whether a line that starts with `From ` looks like a real separator rather than
 * prose (mboxo writers leave `From ` body lines after a blank line unescaped).
 */
export function isStrictFromLine(line: string): boolean {
  return RE_FROM_LINE.test(line);
}

/**
 * True when `buf[pos..end)` is an mboxrd-escaped line: one or more `>` then `From `.
 * Only the first MAX_FROM_LINE_CHARS bytes count, so the answer never depends on
 * where chunk boundaries fall in a huge line.
 */
export function isEscapedFrom(buf: Buffer, pos: number, end: number): boolean {
  const stop = Math.min(end, pos + MAX_FROM_LINE_CHARS);
  let i = pos;
  while (i < stop && buf[i] === GT) i++;
  return i > pos && startsWithFrom(buf, i, stop);
}
