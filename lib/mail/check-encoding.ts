import { isKnownCharset } from './decode-text';

// Known Content-Transfer-Encodings (RFC 2045 §6.1), e.g. `quoted-printable`.
const RE_KNOWN_CTE = /^(?:7bit|8bit|binary|base64|quoted-printable)$/i;

// A byte that cannot appear in base64 text: anything but `A-Za-z0-9+/=` and whitespace.
const RE_NOT_BASE64 = /[^A-Za-z0-9+/=\s]/;

// An `=` that starts neither a hex escape (`=E9`) nor a soft line break (`=\n`), e.g. `=ZZ`.
const RE_BAD_QP_ESCAPE = /=(?![0-9A-Fa-f]{2}|\r?\n|[ \t]*$)/m;

/** The top-level part's MIME headers, as far as checkEncoding needs them. */
export interface TopPart {
  /** Content-Type value without parameters, e.g. `text/plain`. */
  contentType?: string;
  charset?: string;
  /** Content-Transfer-Encoding value, e.g. `base64`. */
  transferEncoding?: string;
}

/** Bytes after the header block of a raw message (RFC 5322 §2.1: the first empty line). */
export function rawBody(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  const m = /\r?\n\r?\n/.exec(text);
  return m ? text.slice(m.index + m[0].length) : '';
}

/**
 * Mailparser decodes broken mail silently (junk in base64 is skipped, unknown charsets
 * fall back); we still say so, because a garbled body is then not the reader's fault.
 * Only the top-level part is inspected: simpleParser does not expose inner part headers.
 */
export function checkEncoding(top: TopPart, bytes: Buffer, body: string, warnings: string[]): void {
  const cte = top.transferEncoding?.trim();
  const multipart = top.contentType?.toLowerCase().startsWith('multipart/') ?? false;
  if (top.charset !== undefined && !isKnownCharset(top.charset)) {
    warnings.push(`unknown charset "${top.charset}"`);
  }
  if (cte !== undefined && cte !== '' && !RE_KNOWN_CTE.test(cte)) {
    warnings.push(`unknown Content-Transfer-Encoding "${cte}"`);
  }
  if (!multipart && cte?.toLowerCase() === 'base64' && RE_NOT_BASE64.test(rawBody(bytes))) {
    warnings.push('base64 body contains invalid characters (skipped)');
  }
  if (
    !multipart &&
    cte?.toLowerCase() === 'quoted-printable' &&
    RE_BAD_QP_ESCAPE.test(rawBody(bytes))
  ) {
    warnings.push('quoted-printable body contains invalid escapes (kept as written)');
  }
  if (body.includes('\uFFFD')) warnings.push('body contains bytes that could not be decoded');
}
