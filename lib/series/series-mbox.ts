/**
 * A series as an mbox ready for `git am`, the way `b4 am` makes one: the patches in
 * order, no cover letter, and the trailers collected from replies added to each commit
 * message after its own trailers, just above the `---` line (which git am cuts at).
 */
import type { Address, Attachment } from '../types';
import type { Trailer } from './series-types';
import { displayName, formatTrailer, parseTrailerLine } from './parse-trailers';
import { hasDiff, patchLayout } from './patch-layout';
import { toMboxEntry } from '../export/to-mbox';

/** The fields of a patch message the mbox needs. */
export interface MboxPatchMessage {
  messageId: string;
  subject: string;
  from: Address;
  date: string | null;
  dateRaw?: string | null;
  body: string;
  attachments?: Attachment[];
}

export interface MboxPatch {
  message: MboxPatchMessage;
  /** Trailers to add (already de-duplicated against the patch's own). */
  add: Trailer[];
}

/** The commit message with `add` appended to its trailer block; the rest untouched. */
export function insertTrailers(body: string, add: readonly Trailer[]): string {
  if (add.length === 0) return body;
  const layout = patchLayout(body);
  const message = layout.lines.slice(0, layout.messageEnd);
  while (message.length > 0 && message.at(-1)!.trim() === '') message.pop();
  // Git's trailer block is the last paragraph: join it when it is one, else open one.
  const last = message.at(-1);
  if (last !== undefined && parseTrailerLine(last) === null) message.push('');
  message.push(...add.map(formatTrailer));
  const rest = layout.lines.slice(layout.messageEnd);
  // Without a `---` line the diff follows the message directly: keep a blank line between.
  if (layout.separator < 0 && rest.length > 0) message.push('');
  return [...message, ...rest].join('\n');
}

// Header text that must be RFC 2047-encoded: anything outside printable ASCII.
const RE_NON_ASCII = /[^\x20-\x7e]/;

// Line breaks and controls a hostile header value could use to inject headers.
const RE_HEADER_BREAKS = /[\r\n\x00-\x08\x0b-\x1f\x7f]+/g;

/** An unstructured header value, as an RFC 2047 `=?UTF-8?B?…?=` word when not ASCII. */
function headerText(value: string): string {
  const clean = value.replace(RE_HEADER_BREAKS, ' ');
  if (!RE_NON_ASCII.test(clean)) return clean;
  return `=?UTF-8?B?${Buffer.from(clean, 'utf8').toString('base64')}?=`;
}

function fromHeader(a: Address): string {
  const address = a.address.replace(RE_HEADER_BREAKS, '');
  if (!a.name) return `<${address}>`;
  const plain = a.name.replace(RE_HEADER_BREAKS, ' ');
  const name = RE_NON_ASCII.test(plain) ? headerText(plain) : displayName(plain);
  return `${name} <${address}>`;
}

/** The body git am should read: the text, or a patch sent as an attachment after it. */
function patchText(m: MboxPatchMessage): string {
  if (hasDiff(m.body)) return m.body;
  const attached = (m.attachments ?? []).find((a) => a.text && hasDiff(a.text));
  return attached ? attached.text! : m.body;
}

/** One patch as an RFC 822 message (UTF-8, 8bit), trailers added. */
export function patchMessage(p: MboxPatch): string {
  const m = p.message;
  const date = m.dateRaw ?? (m.date ? new Date(m.date).toUTCString() : null);
  const headers = [
    `From: ${fromHeader(m.from)}`,
    ...(date ? [`Date: ${headerText(date)}`] : []),
    `Subject: ${headerText(m.subject)}`,
    `Message-ID: <${m.messageId.replace(RE_HEADER_BREAKS, '')}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  const body = insertTrailers(patchText(m).replace(/\r\n/g, '\n'), p.add);
  return `${headers.join('\n')}\n\n${body}\n`;
}

/** The series mbox (mboxrd, as lore serves it; `git am` reads it as is). */
export function seriesMbox(patches: readonly MboxPatch[]): string {
  return patches.map((p) => toMboxEntry(patchMessage(p))).join('');
}
