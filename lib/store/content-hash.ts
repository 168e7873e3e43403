/**
 * The identity of a message's bytes, for duplicate detection: the same message imported
 * twice is stored once (lib/store/save-messages.ts). Line endings do not count: one
 * archive keeps a message with CRLF (RFC 5322 §2.1 on the wire, public-inbox, Windows
 * clients) and another with LF (Unix mbox), and they are the same message, not a
 * second message reusing its Message-ID. Lone CRs stay as they are.
 */
import crypto from 'node:crypto';

const CRLF = Buffer.from('\r\n');

/** sha256 (hex) of `raw` with every CRLF read as LF. */
export function contentHash(raw: Buffer): string {
  const hash = crypto.createHash('sha256');
  // Hash LF-terminated pieces without copying the message: drop each CR before an LF.
  let from = 0;
  for (let crlf = raw.indexOf(CRLF, from); crlf !== -1; crlf = raw.indexOf(CRLF, from)) {
    hash.update(raw.subarray(from, crlf));
    from = crlf + 1; // the LF starts the next piece
  }
  hash.update(raw.subarray(from));
  return hash.digest('hex');
}
