import type { Author } from '../types';
import type { QuotedLine } from './parse-quotes';
import { author } from './parse-attribution';
import { MAX_ATTRIBUTION_CHARS, MAX_OUTLOOK_HEADER_LINES } from '../limits';
import { RE_FORMAT_PATCH_FROM } from '../blocks/line-patterns';

// Example: `-----Original Message-----` (Outlook), `----- Original Message -----` (Outlook Express).
const RE_ORIGINAL_MESSAGE = /^-{3,} ?Original Message ?-{3,}$/i;
// Outlook's copied header fields. Example: `Sent: Tuesday, August 03, 2010 9:02 AM`.
const RE_HEADER = /^(From|Sent|Date|To|Cc|Subject|Reply-To|Importance): ?(.*)$/i;
// The field that must follow a bare `From:` for it to be a quoted header. Example: `Sent: 02 December 2024 17:33`.
const RE_SENT = /^(?:Sent|Date): /i;
// Example: `timur.tabi@gmail.com [mailto:timur.tabi@gmail.com] On Behalf Of Timur Tabi`.
const RE_ON_BEHALF = /^(.*?) On Behalf Of (.+)$/;

// Example: `timur.tabi@gmail.com`.
const RE_ADDRESS = /[^\s<>[\]()]+@[^\s<>[\]()]+/;

/** An Outlook header block: lines `[start, end)` name `author`, whose message follows. */
export interface OutlookHeader {
  end: number;
  author: Author;
  /**
   * True when the quoted message follows unmarked at the header's own depth (Outlook),
   * so it is one level deeper than its markers say. False for the David Laight form
   * (`From: Name` then `> Sent: date`): the message follows already quoted one level
   * deeper, like after any `Name wrote:` line.
   */
  shift: boolean;
}

/**
 * Read an Outlook-style quoted header at `start`: `-----Original Message-----` then
 * From:/Sent:/To:/Cc:/Subject:, or (newer Outlook, after a `____` rule) From: directly
 * followed by Sent: or Date: at the same depth. Wrapped header values (`Cc:` lists) are
 * taken along. Outlook does not mark the original as quoted: the caller treats what
 * follows as one level deeper.
 *
 * Some Outlook users trim the header by hand and quote the rest: `From: Vincent Mailhol`
 * at their own depth, then `> Sent: 02 December 2024 17:33` and the quoted text one `>`
 * deeper (David Laight on LKML, 2024). That is an attribution whose header fields sit
 * one level deeper; nothing after it is shifted.
 */
export function parseOutlookHeader(
  quoted: readonly QuotedLine[],
  start: number,
): OutlookHeader | null {
  const first = quoted[start]!;
  let i = start;
  // Depth of the header lines after `From:`: the same as the block's, or one deeper.
  let fieldDepth = first.depth;
  if (RE_ORIGINAL_MESSAGE.test(first.text.trim())) i++;
  else {
    const next = quoted[start + 1];
    if (!/^From: /i.test(first.text) || !next || !RE_SENT.test(next.text)) return null;
    if (next.depth === first.depth + 1) fieldDepth = next.depth;
    else if (next.depth !== first.depth) return null;
  }
  const shift = fieldDepth === first.depth;
  const fields = new Map<string, string>();
  let last = '';
  const limit = Math.min(quoted.length, i + MAX_OUTLOOK_HEADER_LINES);
  for (; i < limit; i++) {
    const q = quoted[i]!;
    const text = q.text.trim();
    if (q.depth !== (i === start ? first.depth : fieldDepth) || text === '') break;
    const header = RE_HEADER.exec(text);
    if (header) {
      last = header[1]!.toLowerCase();
      fields.set(last, header[2]!);
    } else if (shift && last !== '' && last !== 'subject') {
      // A wrapped value. Not in the hand-trimmed form: its header is one line per
      // field, and what follows it without a blank line is already the quoted text.
      fields.set(last, `${fields.get(last)} ${text}`);
    } else break;
  }
  const from = fields.get('from');
  if (from === undefined || from.length > MAX_ATTRIBUTION_CHARS) return null;
  // A pasted patch's own header (`git format-patch`: `From <sha> Mon Sep 17…`, then
  // From:/Date:/Subject: [PATCH]) is part of the message, not a quoted original. Outlook
  // quoting a patch it answers has `-----Original Message-----` or `Sent:` instead.
  const above = quoted[start - 1];
  const outlookMarked = i > start && RE_ORIGINAL_MESSAGE.test(first.text.trim());
  if (
    (above && above.depth === first.depth && RE_FORMAT_PATCH_FROM.test(above.text)) ||
    (!outlookMarked && !fields.has('sent') && /^\[[^\]]*PATCH/i.test(fields.get('subject') ?? ''))
  )
    return null;
  const behalf = RE_ON_BEHALF.exec(from);
  // `a@b [mailto:a@b] On Behalf Of Name`: Name is the person, a@b the mailbox used.
  const behalfAddress = behalf ? RE_ADDRESS.exec(behalf[1]!)?.[0] : undefined;
  const field = behalf ? `${behalf[2]}${behalfAddress ? ` <${behalfAddress}>` : ''}` : from;
  const found = author(field, fields.get('sent') ?? fields.get('date'), false);
  return found ? { end: i, author: found, shift } : null;
}
