import type { Author } from '../types';
import type { QuotedLine } from './parse-quotes';
import { author } from './parse-attribution';
import { MAX_ATTRIBUTION_CHARS, MAX_OUTLOOK_HEADER_LINES } from '../limits';

// Example: `-----Original Message-----` (Outlook), `----- Original Message -----` (Outlook Express).
const RE_ORIGINAL_MESSAGE = /^-{3,} ?Original Message ?-{3,}$/i;
// Outlook's copied header fields. Example: `Sent: Tuesday, August 03, 2010 9:02 AM`.
const RE_HEADER = /^(From|Sent|Date|To|Cc|Subject|Reply-To|Importance): ?(.*)$/i;
// Example: `timur.tabi@gmail.com [mailto:timur.tabi@gmail.com] On Behalf Of Timur Tabi`.
const RE_ON_BEHALF = /^(.*?) On Behalf Of (.+)$/;

// Example: `timur.tabi@gmail.com`.
const RE_ADDRESS = /[^\s<>[\]()]+@[^\s<>[\]()]+/;

/** An Outlook header block: lines `[start, end)` name `author`, whose message follows. */
export interface OutlookHeader {
  end: number;
  author: Author;
}

/**
 * Read an Outlook-style quoted header at `start`: `-----Original Message-----` then
 * From:/Sent:/To:/Cc:/Subject:, or (newer Outlook, after a `____` rule) From: directly
 * followed by Sent: or Date:. Wrapped header values (`Cc:` lists) are taken along.
 * Outlook does not mark the original as quoted: the caller treats what follows as one
 * level deeper.
 */
export function parseOutlookHeader(
  quoted: readonly QuotedLine[],
  start: number,
): OutlookHeader | null {
  const first = quoted[start]!;
  let i = start;
  if (RE_ORIGINAL_MESSAGE.test(first.text.trim())) i++;
  else {
    const next = quoted[start + 1];
    if (!/^From: /i.test(first.text) || !next || !/^(?:Sent|Date): /i.test(next.text)) return null;
  }
  const fields = new Map<string, string>();
  let last = '';
  const limit = Math.min(quoted.length, i + MAX_OUTLOOK_HEADER_LINES);
  for (; i < limit; i++) {
    const q = quoted[i]!;
    const text = q.text.trim();
    if (q.depth !== first.depth || text === '') break;
    const header = RE_HEADER.exec(text);
    if (header) {
      last = header[1]!.toLowerCase();
      fields.set(last, header[2]!);
    } else if (last !== '' && last !== 'subject') {
      fields.set(last, `${fields.get(last)} ${text}`); // a wrapped value
    } else break;
  }
  const from = fields.get('from');
  if (from === undefined || from.length > MAX_ATTRIBUTION_CHARS) return null;
  const behalf = RE_ON_BEHALF.exec(from);
  // `a@b [mailto:a@b] On Behalf Of Name`: Name is the person, a@b the mailbox used.
  const behalfAddress = behalf ? RE_ADDRESS.exec(behalf[1]!)?.[0] : undefined;
  const field = behalf ? `${behalf[2]}${behalfAddress ? ` <${behalfAddress}>` : ''}` : from;
  const found = author(field, fields.get('sent') ?? fields.get('date'), false);
  return found ? { end: i, author: found } : null;
}
