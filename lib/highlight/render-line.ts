import { escapeHtml } from './escape-html';

/** A run of text and the CSS declarations (`--shiki-light:#..;--shiki-dark:#..`) for it. */
export interface StyledText {
  content: string;
  /** Undefined for untokenized (plain) text, which is emitted without a span. */
  style?: string;
}

/** A link over `[start, end)` of a line's text. Ranges are sorted and do not overlap. */
export interface LinkRange {
  start: number;
  end: number;
  href: string;
}

function openLink(href: string): string {
  return `<a href="${escapeHtml(href)}" rel="noopener nofollow ugc">`;
}

function span(text: string, style: string | undefined): string {
  const escaped = escapeHtml(text);
  return style ? `<span style="${escapeHtml(style)}">${escaped}</span>` : escaped;
}

/**
 * The inner HTML of one line: each token a styled span, links as `<a>` around the spans
 * they cover. A link crossing token boundaries (`irq_work_tick` + `+0x9d/0x110`) splits
 * nothing but the spans, so the markup always nests and no regex ever runs over HTML.
 */
export function renderLine(tokens: readonly StyledText[], links: readonly LinkRange[]): string {
  const ranges = wellFormed(links);
  let html = '';
  let pos = 0;
  let li = 0;
  let open = false;
  for (const token of tokens) {
    const start = pos;
    const end = pos + token.content.length;
    while (pos < end) {
      const link = ranges[li];
      let stop = end;
      if (link) {
        if (pos === link.start) {
          html += openLink(link.href);
          open = true;
        }
        stop = Math.min(end, open ? link.end : link.start);
      }
      html += span(token.content.slice(pos - start, stop - start), token.style);
      pos = stop;
      if (link && open && pos === link.end) {
        html += '</a>';
        open = false;
        li++;
      }
    }
  }
  // A range past the end of the text (caller bug) must still leave balanced markup.
  return open ? html + '</a>' : html;
}

// Keep non-empty ranges in order without overlaps, so every <a> opened is closed in order.
function wellFormed(links: readonly LinkRange[]): LinkRange[] {
  const kept: LinkRange[] = [];
  let lastEnd = 0;
  for (const link of links) {
    if (link.start >= lastEnd && link.end > link.start) {
      kept.push(link);
      lastEnd = link.end;
    }
  }
  return kept;
}
