// `<script>` → `&lt;script&gt;`; quotes too, so the result is safe in attribute values.
const RE_HTML_SPECIAL = /[&<>"']/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text from mail for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(RE_HTML_SPECIAL, (ch) => ENTITIES[ch] ?? ch);
}
