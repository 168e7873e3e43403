/**
 * The URL contract (docs/design.md): every path segment that came from mail is
 * percent-encoded with encodeURIComponent, so `/`, `?`, `#`, `%`, `..` and quotes in a
 * Message-ID stay inside one segment and round-trip exactly.
 */
export function listPath(list: string): string {
  return `/${encodeURIComponent(list)}/`;
}

export function messagePath(list: string, messageId: string): string {
  return `/${encodeURIComponent(list)}/${encodeURIComponent(messageId)}/`;
}

export function rawPath(list: string, messageId: string, dup = 0): string {
  return `${messagePath(list, messageId)}raw${dup ? `?dup=${dup}` : ''}`;
}

/**
 * The `n`-th attachment (1-based) of a message, served as plain text when it is text;
 * `?dup=N` for a later message reusing the id, as for raw.
 */
export function attachmentPath(list: string, messageId: string, n: number, dup = 0): string {
  return `${messagePath(list, messageId)}attachment/${n}${dup ? `?dup=${dup}` : ''}`;
}

export function threadMboxPath(list: string, messageId: string): string {
  return `${messagePath(list, messageId)}t.mbox`;
}

/**
 * Decode a dynamic route segment exactly once. Next hands params over still
 * percent-encoded; a malformed escape (hostile URL) yields null → 404, never a throw.
 */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The list-agnostic link to a Message-ID: redirects to the first list holding it. */
export function messageRedirectPath(messageId: string): string {
  return `/r/${encodeURIComponent(messageId)}/`;
}

/**
 * The thread page focused on one message. A later message that reused a stored
 * Message-ID (kept apart, `dup` ≥ 1) is reached with `?dup=N`.
 */
export function threadPagePath(list: string, messageId: string, dup = 0): string {
  return `${messagePath(list, messageId)}${dup ? `?dup=${dup}` : ''}`;
}
