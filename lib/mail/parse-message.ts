import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { MAX_MESSAGE_BYTES } from '../limits';
import type { Address, Message, RawMessage } from '../types';
import { checkEncoding, rawBody, type TopPart } from './check-encoding';
import { binaryToUtf8, repairHeaderBytes } from './header-bytes';
import { htmlToPlain } from './html-to-plain';
import {
  capReferences,
  extractMessageIds,
  normalizeMessageId,
  syntheticMessageId,
} from './message-id';
import { parseArchivePage } from './parse-archive-page';
import { parseMailDate } from './parse-date';
import { parseSubject } from './parse-subject';
import { toAttachment } from './to-attachment';

/** A parsed message, or why the input is not a message at all. Bad mail still parses. */
export type ParseResult = { ok: true; message: Message } | { ok: false; reason: string };

// Text is what we show; HTML versions of it and linkified copies would be thrown away.
// HTML-only mail is converted by htmlToPlain, with our own safe options.
const PARSER_OPTIONS = {
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  skipHtmlToText: true,
} as const;

// A header continuation line break, e.g. the fold in `References: <a@b>\r\n <c@d>`.
const RE_FOLD = /\r?\n[ \t]*/g;

/** Unfolded values of every raw header named `key` (lowercase), in order, as UTF-8 text. */
function rawHeaders(parsed: ParsedMail, key: string): string[] {
  return parsed.headerLines
    .filter((h) => h.key === key)
    .map((h) => binaryToUtf8(h.line))
    .map((line) =>
      line
        .slice(line.indexOf(':') + 1)
        .replace(RE_FOLD, ' ')
        .trim(),
    );
}

/** Mailboxes of an address header, groups (`undisclosed: a@b, c@d;`) flattened. */
function addresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  const out: Address[] = [];
  const visit = (list: AddressObject['value']): void => {
    for (const a of list) {
      if (a.group) visit(a.group);
      else out.push({ name: a.name ?? '', address: a.address ?? '' });
    }
  };
  for (const obj of Array.isArray(field) ? field : field ? [field] : []) visit(obj.value);
  return out;
}

/** Value and charset of a structured header such as Content-Type, if present. */
function structured(
  headers: ParsedMail['headers'],
  key: string,
): { value: string; charset?: string } | undefined {
  const h = headers.get(key);
  if (typeof h === 'string') return { value: h };
  if (h && typeof h === 'object' && 'value' in h && typeof h.value === 'string') {
    const params = ('params' in h ? h.params : {}) as Record<string, unknown>;
    return {
      value: h.value,
      charset: typeof params.charset === 'string' ? params.charset : undefined,
    };
  }
  return undefined;
}

function topPart(parsed: ParsedMail): TopPart {
  const type = structured(parsed.headers, 'content-type');
  return {
    contentType: type?.value,
    charset: type?.charset,
    transferEncoding: structured(parsed.headers, 'content-transfer-encoding')?.value,
  };
}

function isMultipart(top: TopPart): boolean {
  return top.contentType?.toLowerCase().startsWith('multipart/') ?? false;
}

/** The text to show: text/plain when there is any, else the HTML as plain text. */
function bodyOf(parsed: ParsedMail, warnings: string[]): string {
  let body = parsed.text ?? '';
  if (body.trim() === '' && typeof parsed.html === 'string' && parsed.html.trim() !== '') {
    try {
      body = htmlToPlain(parsed.html);
    } catch (err) {
      warnings.push(`HTML body could not be converted to text: ${(err as Error).message}`);
      body = '';
    }
  }
  // CRLF from the wire and trailing blank lines carry no meaning and break line-based stages.
  return body.replace(/\r\n/g, '\n').trimEnd();
}

/**
 * Parse one message. `archive-page` input goes to parseArchivePage; RFC 822 mail goes
 * through mailparser (the only module that imports it). Never throws on bad mail.
 */
export async function parseMessage(raw: RawMessage): Promise<ParseResult> {
  const parsed = await parseAny(raw);
  return parsed.ok ? { ok: true, message: withoutNul(parsed.message) } : parsed;
}

/**
 * U+0000 in mail text becomes U+FFFD, the character a browser shows for it anyway: a
 * PostgreSQL store cannot hold NUL in text, and both stores must hold the same message.
 * The raw bytes are kept as they came.
 */
function withoutNul<T>(value: T): T {
  if (typeof value === 'string') {
    return (value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value) as T;
  }
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)])) as T;
  }
  return value;
}

async function parseAny(raw: RawMessage): Promise<ParseResult> {
  const bytes = raw.raw;
  if (bytes.length === 0) return { ok: false, reason: 'empty input (0 bytes)' };
  if (bytes.length > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      reason: `message is ${bytes.length} bytes, over the limit of ${MAX_MESSAGE_BYTES}`,
    };
  }
  if (raw.format === 'archive-page') return parseArchivePage(bytes);

  const warnings: string[] = [];
  const repaired = repairHeaderBytes(bytes);
  if (repaired) warnings.push('header lines that are not UTF-8 were read as Windows-1252');
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(repaired ?? bytes, PARSER_OPTIONS);
  } catch (err) {
    return { ok: false, reason: `MIME structure could not be parsed: ${(err as Error).message}` };
  }
  let body = bodyOf(parsed, warnings);
  const top = topPart(parsed);
  if (body === '' && parsed.attachments.length === 0 && isMultipart(top)) {
    // The boundary never appears: mailparser drops it all as preamble. Show it as written.
    body = binaryToUtf8(rawBody(bytes)).replace(/\r\n/g, '\n').trimEnd();
    if (body !== '') warnings.push('multipart message without parts; its body is shown as sent');
  }
  if (!parsed.headerLines.some((h) => h.key !== '') && body === '') {
    return { ok: false, reason: 'not a message: no header fields and no body' };
  }

  const messageIdRaw = rawHeaders(parsed, 'message-id')[0];
  const normalizedId = messageIdRaw === undefined ? null : normalizeMessageId(messageIdRaw);
  if (normalizedId === null) {
    warnings.push(
      messageIdRaw === undefined || !/[^\s<>]/.test(messageIdRaw)
        ? 'no Message-ID; synthesised one from the content'
        : `unusable Message-ID ${JSON.stringify(messageIdRaw.slice(0, 100))}; synthesised one from the content`,
    );
  }

  const from = addresses(parsed.from)[0];
  if (!from) warnings.push('no From address');

  const dateRaw = rawHeaders(parsed, 'date')[0] ?? null;
  const date = dateRaw === null ? null : parseMailDate(dateRaw);
  if (dateRaw !== null && date === null) {
    warnings.push(`unparseable Date header: ${JSON.stringify(dateRaw.slice(0, 100))}`);
  }

  const inReplyToRaw = rawHeaders(parsed, 'in-reply-to').join(' ');
  const inReplyTo = extractMessageIds(inReplyToRaw).at(-1) ?? null;
  if (inReplyToRaw.trim() !== '' && inReplyTo === null) {
    warnings.push('In-Reply-To has no usable Message-ID');
  }
  let references = extractMessageIds(rawHeaders(parsed, 'references').join(' '));
  if (references.length === 0 && inReplyTo !== null) references = [inReplyTo];
  const capped = capReferences(references);
  if (capped.length < references.length) {
    warnings.push(`References cut from ${references.length} to the newest ${capped.length}`);
  }

  checkEncoding(top, bytes, body, warnings);
  const subject = parsed.subject ?? '';
  const message: Message = {
    messageId: normalizedId ?? syntheticMessageId(bytes),
    messageIdSynthetic: normalizedId === null,
    subject,
    subjectInfo: parseSubject(subject),
    from: from ?? { name: '', address: '' },
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    date,
    dateRaw,
    inReplyTo,
    references: capped,
    body,
    attachments: parsed.attachments.map((a) =>
      toAttachment({ ...a, charset: structured(a.headers, 'content-type')?.charset }, warnings),
    ),
    warnings,
  };
  return { ok: true, message };
}
