import type { Attachment } from '../types';
import { decodeText } from './decode-text';
import { MAX_ATTACHMENT_TEXT_BYTES } from '../limits';

// File names whose content is text whatever the declared type, e.g. `0001-fix.patch`
// sent as application/octet-stream.
const RE_TEXT_FILENAME = /\.(?:patch|diff|log|txt)$/i;

function isTextual(contentType: string, filename: string): boolean {
  return contentType.toLowerCase().startsWith('text/') || RE_TEXT_FILENAME.test(filename);
}

/** A MIME part as the parser hands it over (kept structural: only parse-message imports mailparser). */
export interface AttachmentPart {
  filename?: string;
  contentType: string;
  /** Transfer-decoded bytes. */
  content: Buffer;
  /** The charset parameter of the part's Content-Type, if any. */
  charset?: string;
}

/**
 * An attachment as Threadlight lists it. Patches, logs and configs keep their text
 * (decoded with the part's charset, UTF-8 by default) so they can be shown inline.
 */
export function toAttachment(part: AttachmentPart, warnings: string[]): Attachment {
  const filename = part.filename ?? '';
  const contentType = part.contentType || 'application/octet-stream';
  const size = part.content.length;
  const attachment: Attachment = { filename, contentType, size };
  if (!isTextual(contentType, filename)) return attachment;
  const label = filename || contentType;
  let bytes = part.content;
  if (bytes.length > MAX_ATTACHMENT_TEXT_BYTES) {
    bytes = bytes.subarray(0, MAX_ATTACHMENT_TEXT_BYTES);
    warnings.push(`attachment "${label}" text cut to ${MAX_ATTACHMENT_TEXT_BYTES} bytes`);
  }
  attachment.text = decodeText(bytes, part.charset, `attachment "${label}"`, warnings);
  return attachment;
}
