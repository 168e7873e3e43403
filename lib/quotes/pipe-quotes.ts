import type { QuotedLine } from './parse-quotes';

// `| quoted text` or a bare `|`: the whole line is in the quoted block.
const RE_PIPE_LINE = /^\|(?: |$)/;
// Not a quote but a git graph (`| * abc`, `| |`, `|\`) or ASCII art (`|---`, `|===`).
const RE_PIPE_GRAPH = /^\|(?: [|*\\/]|[-=+\\/])/;

/**
 * Mark `|`-quoted blocks in place. Only a block of two or more contiguous lines that
 * all start with `| ` (or are a bare `|`), standing alone between blank lines (or
 * after a line ending in `:`), counts: `a | b` in C, shell pipes, tables and git
 * graphs must stay what they are. Only unmarked lines are considered.
 */
export function markPipeQuotes(lines: readonly string[], quoted: QuotedLine[]): void {
  let i = 0;
  while (i < lines.length) {
    if (!isPipeLine(lines[i]!, quoted[i]!)) {
      i++;
      continue;
    }
    let end = i;
    let table = false;
    while (end < lines.length && isPipeLine(lines[end]!, quoted[end]!)) {
      if (looksLikeTableOrGraph(lines[end]!)) table = true;
      end++;
    }
    const before = i === 0 ? '' : lines[i - 1]!.trim();
    const after = end >= lines.length ? '' : lines[end]!.trim();
    const standsAlone = (before === '' || before.endsWith(':')) && after === '';
    if (!table && end - i >= 2 && standsAlone) {
      for (let k = i; k < end; k++) {
        const line = lines[k]!;
        const cut = line.length > 1 ? 2 : 1;
        quoted[k] = { depth: 1, text: line.slice(cut), marker: line.slice(0, cut) };
      }
    }
    i = end;
  }
}

function isPipeLine(line: string, q: QuotedLine): boolean {
  return q.depth === 0 && RE_PIPE_LINE.test(line);
}

// `| a | b |`: a table row closes with `|`; `a | b` (C, shell) never starts with one.
function looksLikeTableOrGraph(line: string): boolean {
  const trimmed = line.trimEnd();
  return RE_PIPE_GRAPH.test(trimmed) || (trimmed.length > 1 && trimmed.endsWith('|'));
}
