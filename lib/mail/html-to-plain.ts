import { htmlToText } from 'html-to-text';
import { MAX_HTML_DEPTH, MAX_HTML_TO_TEXT_CHARS } from '../limits';

/**
 * Plain text for an HTML-only message. The body is shown as text, never as HTML, so
 * markup, scripts, styles and image sources must not survive. No word wrapping:
 * HTML mail often carries code and logs whose lines must stay as written.
 */
export function htmlToPlain(html: string): string {
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
