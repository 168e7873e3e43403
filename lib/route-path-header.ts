import { decodeSegment } from './urls';
import { normalizeMessageId } from './mail/message-id';

/** Set by proxy.ts on every request: the path exactly as the client sent it. */
export const PATH_HEADER = 'x-threadlight-path';

/**
 * The n-th segment of a raw request path (the PATH_HEADER value), percent-decoded
 * exactly once, or null when it is missing or malformed.
 */
export function pathSegment(path: string | null | undefined, n: number): string | null {
  const segment = path?.split('/').filter((s) => s !== '')[n];
  return segment === undefined ? null : decodeSegment(segment);
}

/**
 * The n-th segment read as a Message-ID: decoded once, then normalised the way import
 * normalises a Message-ID header (lib/mail/message-id.ts), so the id a reader copies from
 * mail (`"john  smith"@x`, `<abc@x>`) finds the message stored under it. Null when the
 * segment is missing, malformed, or no id at all.
 */
export function pathMessageId(path: string | null | undefined, n: number): string | null {
  const segment = pathSegment(path, n);
  return segment === null ? null : normalizeMessageId(segment);
}

/** `/<list>/<message-id>/…` of a raw path: both decoded, or null when either is bad. */
export function pathMessage(
  path: string | null | undefined,
): { list: string; messageId: string } | null {
  const list = pathSegment(path, 0);
  const messageId = pathMessageId(path, 1);
  return list === null || messageId === null ? null : { list, messageId };
}
