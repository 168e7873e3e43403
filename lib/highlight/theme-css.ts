/**
 * The CSS that turns highlightBlock's spans into colours. Tokens carry both themes as
 * variables (`--shiki-light`, `--shiki-dark`, `…-font-style`, `…-font-weight`); this picks
 * one by a `.dark` class on an ancestor or, without a class, by prefers-color-scheme, so
 * switching themes never re-renders. Wrap highlighted lines in an element with class
 * `hl` (the app's global stylesheet should include this string or an equivalent).
 */
export const HIGHLIGHT_CSS = `
.hl { color: var(--shiki-light-fg, #24292e); background: var(--shiki-light-bg, #fff); }
.hl span {
  color: var(--shiki-light);
  font-style: var(--shiki-light-font-style);
  font-weight: var(--shiki-light-font-weight);
  text-decoration: var(--shiki-light-text-decoration);
}
.dark .hl { color: #e1e4e8; background: #24292e; }
.dark .hl span {
  color: var(--shiki-dark);
  font-style: var(--shiki-dark-font-style);
  font-weight: var(--shiki-dark-font-weight);
  text-decoration: var(--shiki-dark-text-decoration);
}
@media (prefers-color-scheme: dark) {
  :root:not(.light) .hl { color: #e1e4e8; background: #24292e; }
  :root:not(.light) .hl span {
    color: var(--shiki-dark);
    font-style: var(--shiki-dark-font-style);
    font-weight: var(--shiki-dark-font-weight);
    text-decoration: var(--shiki-dark-text-decoration);
  }
}
`;
