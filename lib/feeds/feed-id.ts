import crypto from 'node:crypto';

/**
 * A stable Atom id (RFC 4287 §4.2.6 wants an IRI that never changes): a name-based
 * `urn:uuid:` from a hash of what the entry is about (list and Message-ID), so it
 * survives re-imports, renumbered rows and a server moving to another host.
 */
export function feedId(...parts: string[]): string {
  const h = crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Version 5-style layout: version nibble 5, variant bits 10.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
