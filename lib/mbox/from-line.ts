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

/**
 * A From_ line whose date is exactly C's asctime(), as mbox writers put it:
 * `From nobody Mon Sep 17 00:00:00 2001` (git format-patch),
 * `From bda@mnsspb.ru Wed Nov 12 17:54:41 2008`, `From mboxrd@z Thu Jan  1 00:00:00 1970`.
 * Strict on purpose: it is the one From_ line taken without a blank line before it
 * (git t5100's sample.mbox has them after `1.5.6.5` or a diff line), so it must not
 * match prose like `From 2001 Mon to Fri...`. Linear: disjoint classes, fixed fields.
 */
const RE_ASCTIME_FROM_LINE =
  /^From [^ \t\r\n]+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d \d{4}[ \t]*$/;

/**
 * The start of a header field, `Name: value` (RFC 5322 §2.2: a field name is printable
 * ASCII except `:`), with a space or the end of the line after the colon.
 * Matches `From: A U Thor <a@b>`, `Return-Path: <x@y>`, `Cc:`; not `+New content`,
 * `still the body` or `http://example.org`.
 */
const RE_HEADER_FIELD = /^[!-9;-~]+:(?:[ \t]|$)/;

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

/**
 * Whether a From_ line is strict enough to separate messages with no blank line before
 * it (see RE_ASCTIME_FROM_LINE); the caller also wants a header field on the next line.
 */
export function isAsctimeFromLine(line: string): boolean {
  return RE_ASCTIME_FROM_LINE.test(line);
}

/**
 * True when `buf[pos..end)` begins a header field. Only the first MAX_FROM_LINE_CHARS
 * bytes count, so the answer never depends on where chunk boundaries fall.
 */
export function isHeaderFieldLine(buf: Buffer, pos: number, end: number): boolean {
  return RE_HEADER_FIELD.test(fromLineText(buf, pos, end));
}
