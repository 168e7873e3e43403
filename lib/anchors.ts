import crypto from 'node:crypto';

/**
 * Stable anchors (docs/design.md). They derive from the Message-ID and the position
 * of a line in the message body, never from database row ids, so a link survives
 * re-imports, restarts and other servers.
 *
 *   m-<10 hex of sha256(messageId)>[-d<dup>]   a message
 *   <message anchor>-L<n>                      body line n (1-based)
 *   <message anchor>-L<a>-L<b>                 lines a..b (a range, given in ?hl=)
 */
export function messageAnchor(messageId: string, dupIndex = 0): string {
  const h = crypto.createHash('sha256').update(messageId).digest('hex').slice(0, 10);
  return `m-${h}${dupIndex ? `-d${dupIndex}` : ''}`;
}

export function lineAnchor(message: string, line: number): string {
  return `${message}-L${line}`;
}

// `m-0123456789-L12` or `m-0123456789-d1-L12-L20`
const RE_LINE_ANCHOR = /^(m-[0-9a-f]{10}(?:-d\d{1,4})?)-L(\d{1,7})(?:-L(\d{1,7}))?$/;

/** Parse a line or range anchor; null for anything else. */
export function parseLineAnchor(
  anchor: string,
): { message: string; from: number; to: number } | null {
  const m = RE_LINE_ANCHOR.exec(anchor);
  if (!m) return null;
  const a = Number(m[2]);
  const b = m[3] ? Number(m[3]) : a;
  return { message: m[1]!, from: Math.min(a, b), to: Math.max(a, b) };
}

/** A segment (paragraph, block, quote box) starting at body line n. */
export function segmentAnchor(message: string, line: number): string {
  return `${message}-S${line}`;
}
