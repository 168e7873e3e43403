import { createHash } from 'node:crypto';
import { linkifyText, type LinkifyContext } from '../linkify/linkify';
import { chooseGrammar } from './choose-grammar';
import { renderLine, type LinkRange, type StyledText } from './render-line';
import { tokenizeBlock } from './tokenize-block';
import { HIGHLIGHT_VERSION } from './version';

/** Link ranges of one line, from linkifyText's pieces. */
function linkRanges(line: string, links: LinkifyContext): LinkRange[] {
  const ranges: LinkRange[] = [];
  let pos = 0;
  for (const piece of linkifyText(line, links)) {
    if (piece.href) ranges.push({ start: pos, end: pos + piece.text.length, href: piece.href });
    pos += piece.text.length;
  }
  return ranges;
}

/**
 * Highlight one block: the inner HTML of each line, in order, one string per input line.
 * Tokens become `<span style="--shiki-light:#…;--shiki-dark:#…">` (app/globals.css picks the
 * variable), all text is escaped here, and when `links` is given URLs, commits, symbols,
 * paths and Message-IDs are wrapped in `<a rel="noopener nofollow ugc">` while the spans
 * are built: never by rewriting HTML. Prose, output and unknown kinds are escaped plain
 * text. Over-long lines and blocks degrade to plain text (lib/limits.ts).
 */
export async function highlightBlock(
  kind: string,
  lang: string | undefined,
  lines: readonly string[],
  links?: LinkifyContext,
): Promise<string[]> {
  const grammar = chooseGrammar(kind, lang, lines);
  const tokens: StyledText[][] =
    grammar === 'plain'
      ? lines.map((line) => (line === '' ? [] : [{ content: line }]))
      : await tokenizeBlock(grammar, lines);
  return lines.map((line, i) => renderLine(tokens[i] ?? [], links ? linkRanges(line, links) : []));
}

/**
 * Cache key for highlightBlock's output: sha256 over the highlighter version, kind, lang,
 * text and the link settings that change hrefs. `messageLink` cannot be hashed: it must
 * be one fixed function per deployment (bump HIGHLIGHT_VERSION when it changes).
 */
export function highlightCacheKey(
  kind: string,
  lang: string | undefined,
  lines: readonly string[],
  links?: LinkifyContext,
): string {
  // JSON keeps field boundaries unambiguous: ('a', 'b\nc') never collides with ('a\nb', 'c').
  const material = JSON.stringify([
    HIGHLIGHT_VERSION,
    kind,
    lang ?? null,
    lines,
    links ? [links.kernelVersion ?? null, links.gitWeb ?? null, !!links.messageLink] : null,
  ]);
  return createHash('sha256').update(material).digest('hex');
}
