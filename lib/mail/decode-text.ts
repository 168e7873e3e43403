/**
 * Bytes to text with a declared charset. Unknown charsets (`x-unknown`, typos) fall
 * back to UTF-8 with a warning instead of failing: the words are mostly ASCII anyway.
 */
export function decodeText(
  bytes: Uint8Array,
  charset: string | undefined,
  what: string,
  warnings: string[],
): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset?.trim() || 'utf-8');
  } catch {
    warnings.push(`${what}: unknown charset "${charset}", decoded as UTF-8`);
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes);
}

/** The `charset` a TextDecoder knows, or undefined for unknown labels. */
export function isKnownCharset(charset: string): boolean {
  try {
    new TextDecoder(charset.trim());
    return true;
  } catch {
    return false;
  }
}
