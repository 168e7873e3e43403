import { htmlToText } from 'html-to-text';
import { MAX_HTML_DEPTH, MAX_HTML_PARSE_CHARS, MAX_HTML_TO_TEXT_CHARS } from '../limits';

/**
 * Plain text for an HTML-only message. The body is shown as text, never as HTML, so
 * markup, scripts, styles and image sources must not survive. No word wrapping:
 * HTML mail often carries code and logs whose lines must stay as written.
 */
export function htmlToPlain(html: string): string {
  // htmlparser2's time grows with the square of the input on deeply nested markup
  // (1 MB of `<div>` took over a minute): big HTML takes a plain linear pass instead.
  if (html.length > MAX_HTML_PARSE_CHARS) return stripTags(html.slice(0, MAX_HTML_TO_TEXT_CHARS));
  return htmlToText(html, {
    wordwrap: false,
    // Convert the whole document, not only <body>: text after </body> is still shown by
    // browsers (notmuch's html/attribute-text test has `</body> hunter2 </html>`).
    baseElements: { selectors: [], returnDomByDefault: true },
    limits: { maxDepth: MAX_HTML_DEPTH, maxInputLength: MAX_HTML_TO_TEXT_CHARS },
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'head', format: 'skip' },
    ],
  });
}

/** Elements whose content is not text a reader should see. */
const SKIPPED = ['script', 'style', 'head', 'title'];
/** Tags that end a line of text. */
const RE_BREAK_TAG = /^\/?(?:br|p|div|li|tr|h[1-6]|pre|blockquote|table|ul|ol)\b/;
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const RE_ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi;

function decodeEntity(match: string, name: string): string {
  if (name[0] === '#') {
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
      ? String.fromCodePoint(code)
      : '';
  }
  return ENTITIES[name.toLowerCase()] ?? match;
}

/**
 * Text of an HTML document in one forward pass: tags dropped (line-ending ones become
 * line breaks), script/style/head content skipped, common entities decoded. Every
 * search moves forward, so the work is linear in the input whatever its nesting.
 */
export function stripTags(html: string): string {
  const lower = html.toLowerCase();
  const out: string[] = [];
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) {
      out.push(html.slice(at));
      break;
    }
    out.push(html.slice(at, open));
    const close = html.indexOf('>', open + 1);
    if (close < 0) break; // an unclosed tag at the end: drop it
    const tag = lower.slice(open + 1, Math.min(close, open + 12));
    at = close + 1;
    if (RE_BREAK_TAG.test(tag)) out.push('\n');
    const skipped = SKIPPED.find(
      (name) => tag.startsWith(name) && !/[a-z0-9]/.test(tag[name.length] ?? ''),
    );
    if (skipped) {
      const end = lower.indexOf(`</${skipped}`, at);
      if (end < 0) break;
      const endClose = html.indexOf('>', end);
      at = endClose < 0 ? html.length : endClose + 1;
    }
  }
  return out
    .join('')
    .replace(RE_ENTITY, decodeEntity)
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
