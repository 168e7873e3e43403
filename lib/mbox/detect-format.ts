/**
 * Guess what a file holds from its first few KB, so the reader knows whether to
 * split it (mbox), take it whole (one RFC 822 message or an archive page) or
 * report it. Cheap and conservative: anything unclear is `unknown`.
 */
import { isStrictFromLine } from './from-line';
import { MAX_DETECT_LINES, MAX_FROM_LINE_CHARS } from '../limits';

export type SourceFormat = 'mbox' | 'rfc822' | 'archive-page' | 'unknown';

/** Bytes of a file looked at to decide its format. */
export const DETECT_HEAD_BYTES = 8192;

/**
 * A header field name as mail software writes them, then a colon. RFC 5322 allows any
 * printable name, but that would take JSON (`{"a": 1}`) for a header.
 * Matches `Subject: hi`, `X-Mailer:x`, `Message-ID: <a@b>`; not `From foo` or `: x`.
 */
const RE_HEADER_FIELD = /^[A-Za-z0-9][\w.-]*[ \t]*:/;

/** A folded header continuation line: `\tboundary="x"`, ` <ref@id>`. */
const RE_CONTINUATION = /^[ \t]+\S/;

/** Archive-page sender line: `From: Matthias Kaehlcke` (address usually hidden). */
const RE_PAGE_FROM = /^From: \S/;

/**
 * Archive-page date line, whose ` - ` between date and time no mail client writes:
 * `Date: Mon May 07 2018 - 13:49:18 EST`.
 */
const RE_PAGE_DATE = /^Date: [A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d{4} - \d{1,2}:\d\d:\d\d/;

/** Decide the format of a file from its head (the first DETECT_HEAD_BYTES bytes). */
export function detectFormat(head: Buffer): SourceFormat {
  const text = head.toString('latin1', 0, Math.min(head.length, DETECT_HEAD_BYTES));
  const lines = text.split('\n', MAX_DETECT_LINES).map((l) => l.replace(/\r$/, ''));
  const first = lines[0] ?? '';
  if (first.startsWith('From ')) return 'mbox';
  if (isArchivePage(lines)) return 'archive-page';
  if (isHeaderBlock(lines)) return 'rfc822';
  // Leading junk (a shell prompt, a mail client's banner) before a real From_ line.
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.startsWith('From ') && isStrictFromLine(line.slice(0, MAX_FROM_LINE_CHARS))) {
      return 'mbox';
    }
  }
  return 'unknown';
}

/**
 * The lkml.iu.edu rendering (see tests/fixtures/seed/seed.txt): an optional subject
 * line, blank line(s), then `From: Name` and `Date: ...` on consecutive lines.
 * A real header block never has a blank line before From:, so this is checked first.
 */
function isArchivePage(lines: readonly string[]): boolean {
  let i = skipBlank(lines, 0);
  if (!RE_PAGE_FROM.test(lines[i] ?? '')) i = skipBlank(lines, i + 1); // the subject line
  return RE_PAGE_FROM.test(lines[i] ?? '') && RE_PAGE_DATE.test(lines[i + 1] ?? '');
}

function skipBlank(lines: readonly string[], start: number): number {
  let i = start;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  return i;
}

/** Header fields (with folded continuations) from line 1 up to a blank line or the head's end. */
function isHeaderBlock(lines: readonly string[]): boolean {
  if (!RE_HEADER_FIELD.test(lines[0] ?? '')) return false;
  let good = 0;
  let bad = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') break;
    if (RE_HEADER_FIELD.test(line) || RE_CONTINUATION.test(line)) good++;
    // The last line may have been cut off by the head's end: don't hold it against us.
    else if (i < lines.length - 1) bad++;
  }
  // Fuzzed and mangled headers still go to the parser, which warns; prose does not.
  return good > 0 && bad * 4 <= good;
}
