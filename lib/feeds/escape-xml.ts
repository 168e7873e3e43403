/**
 * Characters XML 1.0 forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) plus the
 * C1 controls it discourages. Mail carries all of them (NULs in broken base64, ESC from
 * terminal logs); one of them makes a whole feed unreadable to a strict reader.
 * `\u0001`, `\u001b`, `\ufffe`, an unpaired `\ud800` all match.
 */
const RE_NOT_XML_CHAR = /[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

// `&`, `<`, `>`, `"`, `'`: the characters with a meaning in XML text or attributes.
const RE_XML_SPECIAL = /[&<>"']/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text (or an attribute value) safe inside XML 1.0: forbidden characters dropped, specials escaped. */
export function escapeXml(text: string): string {
  return text.replace(RE_NOT_XML_CHAR, '').replace(RE_XML_SPECIAL, (c) => ENTITIES[c]!);
}
