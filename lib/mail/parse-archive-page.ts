import type { Address, Message } from '../types';
import { normalizeMessageId, syntheticMessageId } from './message-id';
import { parseArchiveDate } from './parse-date';
import type { ParseResult } from './parse-message';
import { parseSubject } from './parse-subject';
import { MAX_FROM_CHARS } from '../limits';

/**
 * An lkml.iu.edu-style text rendering of one message (like the seed):
 *
 *     Re: Clang patch stacks for LTS kernels ...      ← subject
 *                                                     ← blank
 *     From: Matthias Kaehlcke                         ← header block
 *     Date: Mon May 07 2018 - 13:49:18 EST
 *                                                     ← blank(s)
 *     On Sun, May 06, 2018 at 09:42:09AM +0200, ...   ← body
 */

/** Lines examined by looksLikeArchivePage; the header block is always near the top. */
const SNIFF_CHARS = 4096;

// One header line of the page, e.g. `From: Matthias Kaehlcke`.
const RE_PAGE_HEADER = /^([A-Za-z][A-Za-z-]{0,40}):[ \t]*(.*)$/;

// A mailbox `Name <addr>` or `"Name" <addr>`, e.g. `Matthias Kaehlcke <mka@xxxxxxxxxxxx>`.
const RE_NAME_ADDR = /^"?([^"<]*?)"?[ \t]*<([^<>]*)>$/;

// A bare address, e.g. the obfuscated `mka@xxxxxxxxxxxx`.
const RE_BARE_ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

/** True when `text` starts like the seed: a subject, a blank line, then `From:` and `Date:`. */
export function looksLikeArchivePage(text: string): boolean {
  const lines = text.slice(0, SNIFF_CHARS).replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const subjectLine = i++;
  if (subjectLine >= lines.length || lines[i]?.trim() !== '') return false;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  return /^From:/i.test(lines[i] ?? '') && /^Date:/i.test(lines[i + 1] ?? '');
}

function parseFrom(value: string): Address {
  const v = value.slice(0, MAX_FROM_CHARS).trim();
  const m = RE_NAME_ADDR.exec(v);
  if (m) return { name: m[1]!.trim(), address: m[2]!.trim() };
  if (RE_BARE_ADDRESS.test(v)) return { name: '', address: v };
  return { name: v, address: '' };
}

/** Decode the page: UTF-8 when valid, else Latin-1 (old archive pages), with a warning. */
function decodePage(bytes: Buffer, warnings: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    warnings.push('page is not valid UTF-8; decoded as Latin-1');
    return bytes.toString('latin1');
  }
}

/** Parse an archive page. Synchronous; parseMessage wraps it. */
export function parseArchivePage(bytes: Buffer): ParseResult {
  const warnings: string[] = [];
  // Same line-ending rule as RFC 822 bodies, so an exported page re-imports unchanged.
  const lines = decodePage(bytes, warnings).replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i >= lines.length) return { ok: false, reason: 'not a message: archive page is blank' };
  const subject = lines[i++]!.trim();
  while (i < lines.length && lines[i]!.trim() === '') i++;

  const headers = new Map<string, string>();
  for (let m; i < lines.length && (m = RE_PAGE_HEADER.exec(lines[i]!)); i++) {
    const key = m[1]!.toLowerCase();
    if (!headers.has(key)) headers.set(key, m[2]!.trim());
  }
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const body = lines.slice(i).join('\n').trimEnd();

  const fromValue = headers.get('from');
  if (fromValue === undefined) warnings.push('no From line');
  const dateRaw = headers.get('date') ?? null;
  const date = dateRaw === null ? null : parseArchiveDate(dateRaw);
  if (dateRaw === null) warnings.push('no Date line');
  else if (date === null)
    warnings.push(`unparseable Date line: ${JSON.stringify(dateRaw.slice(0, 100))}`);
  const pageId = headers.has('message-id') ? normalizeMessageId(headers.get('message-id')!) : null;

  const message: Message = {
    messageId: pageId ?? syntheticMessageId(bytes),
    messageIdSynthetic: pageId === null,
    subject,
    subjectInfo: parseSubject(subject),
    from: fromValue === undefined ? { name: '', address: '' } : parseFrom(fromValue),
    to: [],
    cc: [],
    date,
    dateRaw,
    inReplyTo: null,
    references: [],
    body,
    attachments: [],
    warnings,
  };
  return { ok: true, message };
}
