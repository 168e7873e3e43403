import type { Author } from '../types';
import type { QuotedLine } from './parse-quotes';
import { parseAttribution, parseQuotingAttribution } from './parse-attribution';
import { parseOutlookHeader } from './parse-outlook-header';
import { MAX_ATTRIBUTION_CHARS } from '../limits';

/** Attribution lines `[start, end)` at quote depth `depth`, naming the author of what they introduce. */
export interface AttributionSpan {
  start: number;
  end: number;
  depth: number;
  author: Author;
  /**
   * True for an Outlook header block: the quoted message follows it unmarked at the same
   * depth, instead of one `>` deeper. Lines after the first may be marked one level
   * deeper (the hand-trimmed `From: Name` / `> Sent: date` form); they count at `depth`.
   */
  outlook: boolean;
}

// A line that begins an attribution someone's client wrapped. Example: `On Fri, 19 Dec 2025 at 21:26, Bart Van Assche <bvanassche@acm.org>`.
const RE_ATTRIBUTION_START = /^(?:On|Am|Le|El|Il|Op|Den|Quoting|Zitat von|\*) /;
// The second half of a wrapped attribution. Example: `<mka@xxxxxxxxxxxx> wrote:`, `om> wrote:`.
const RE_WROTE_TAIL = /^(?:[^\s<>]*>|<[^\s<>]+>)? ?(?:wrote|writes|said):$/;

// A line holding only a name, maybe with the start of its address. Example: `Sedat Dilek <sedat.dilek@`.
const RE_NAME_LINE = /^"?\p{Lu}[\p{L}\p{M}'.-]*(?: [\p{L}\p{M}'.-]+){0,4}"?(?: <[^<>\s]*>?)?$/u;

/** Find every attribution line (single, wrapped over two lines, or an Outlook block) at any depth. */
export function findAttributions(quoted: readonly QuotedLine[]): AttributionSpan[] {
  const spans: AttributionSpan[] = [];
  for (let i = 0; i < quoted.length; i++) {
    const q = quoted[i]!;
    const text = q.text.trim();
    if (text === '' || text.length > MAX_ATTRIBUTION_CHARS) continue;
    const outlook =
      text.charCodeAt(0) === 0x2d /* - */ || text.startsWith('From:')
        ? parseOutlookHeader(quoted, i)
        : null;
    if (outlook) {
      spans.push({
        start: i,
        end: outlook.end,
        depth: q.depth,
        author: outlook.author,
        outlook: outlook.shift,
      });
      i = outlook.end - 1;
      continue;
    }
    const single =
      parseAttribution(text) ??
      (text.startsWith('Quoting ') ? parseQuotingAttribution(text) : null);
    if (single) {
      spans.push({ start: i, end: i + 1, depth: q.depth, author: single, outlook: false });
      continue;
    }
    const wrapped = joinWrapped(quoted, i);
    if (wrapped) {
      spans.push({ start: i, end: i + 2, depth: q.depth, author: wrapped, outlook: false });
      i++;
    }
  }
  return spans;
}

// `On <date>, Name` + `<addr> wrote:` on the next line of the same depth.
function joinWrapped(quoted: readonly QuotedLine[], i: number): Author | null {
  const first = quoted[i]!;
  const second = quoted[i + 1];
  if (!second || second.depth !== first.depth) return null;
  const a = first.text.trim();
  const b = second.text.trim();
  if (b === '' || !b.endsWith(':') || a.length + b.length > MAX_ATTRIBUTION_CHARS) return null;
  // Without an `On`-style start, only a name (`Matthias Kaehlcke`) followed by a bare
  // `<addr> wrote:` tail is joined: prose before a `Name wrote:` line stays prose.
  if (!RE_ATTRIBUTION_START.test(a) && !(RE_WROTE_TAIL.test(b) && RE_NAME_LINE.test(a)))
    return null;
  // Wrapped inside `<addr>`: the address continues without a space.
  const separator = a.lastIndexOf('<') > a.lastIndexOf('>') ? '' : ' ';
  return parseAttribution(a + separator + b);
}
