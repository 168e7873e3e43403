import { classifyBlocks, type Block } from '../blocks/classify-blocks';
import { MAX_CLASSIFIED_BODY_LINES } from '../limits';
import { applyOutlookDepths } from '../quotes/apply-outlook-depths';
import { assignAuthors } from '../quotes/assign-authors';
import { findAttributions } from '../quotes/find-attributions';
import { findSignatures } from '../quotes/find-signatures';
import { isSnipLine } from '../quotes/find-trims';
import { parseQuotes } from '../quotes/parse-quotes';
import type { Author, Segment } from '../types';

/** An attribution segment also names the person it introduces (its `author` wrote the line). */
export type AttributionSegment = Extract<Segment, { kind: 'attribution' }> & { attributes: Author };

type Role = 'body' | 'attribution' | 'snip' | 'signature';

/**
 * Split a body into segments: one quote depth, one author and one kind each. The sender
 * authors depth 0; attributions name the deeper levels. Concatenating every segment's
 * `lines` gives back the body's lines without quote markers, one per body line.
 */
export function segmentBody(body: string, sender?: Author): Segment[] {
  const lines = body.split(/\r?\n/);
  const quoted = parseQuotes(lines);
  const spans = findAttributions(quoted);
  const depths = applyOutlookDepths(quoted, spans);
  const authors = assignAuthors(depths, spans, sender);
  const texts = quoted.map((q) => q.text);
  const spanOf = new Array<number>(lines.length).fill(-1);
  spans.forEach((span, n) => spanOf.fill(n, span.start, span.end));
  const signature = findSignatures(
    depths,
    texts,
    spanOf.map((n) => n >= 0),
  );
  // Once per line: comparing against the run's first line must not re-read (re-trim) that
  // line for every line of the run, which made a 1 MB first line cost O(lines × 1 MB).
  const roles = texts.map((text, i): Role =>
    spanOf[i]! >= 0
      ? 'attribution'
      : signature[i]
        ? 'signature'
        : isSnipLine(text)
          ? 'snip'
          : 'body',
  );

  const segments: Segment[] = [];
  // Lines the block classifier may look at in this body; past them, prose.
  const budget = { left: MAX_CLASSIFIED_BODY_LINES };
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    const same =
      i < lines.length &&
      depths[i] === depths[start] &&
      authors[i] === authors[start] &&
      spanOf[i] === spanOf[start] &&
      roles[i] === roles[start];
    if (same) continue;
    pushRun(
      segments,
      texts,
      start,
      i,
      depths[start]!,
      authors[start],
      roles[start]!,
      spans[spanOf[start]!]?.author,
      budget,
    );
    start = i;
  }
  return segments;
}

function pushRun(
  segments: Segment[],
  texts: readonly string[],
  start: number,
  end: number,
  depth: number,
  author: Author | undefined,
  role: Role,
  attributes: Author | undefined,
  budget: { left: number },
): void {
  const base = { depth, lines: texts.slice(start, end), start, ...(author ? { author } : {}) };
  if (role === 'attribution' && attributes) {
    const segment: AttributionSegment = { ...base, kind: 'attribution', attributes };
    segments.push(segment);
  } else if (role !== 'body')
    segments.push({ ...base, kind: role === 'attribution' ? 'prose' : role });
  else {
    // A body of hundreds of thousands of lines is classified only as far as the budget
    // goes (classifyBlocks costs tens of µs a line): the rest stays prose.
    const classified = Math.min(base.lines.length, budget.left);
    budget.left -= classified;
    const blocks = classified > 0 ? classifyBlocks(base.lines.slice(0, classified)) : [];
    for (const block of tileBlocks(blocks, end - start)) {
      const blockBase = {
        depth,
        lines: base.lines.slice(block.start, block.end),
        start: start + block.start,
        ...(author ? { author } : {}),
      };
      segments.push(
        block.kind === 'code'
          ? { ...blockBase, kind: 'code', lang: block.lang ?? 'text' }
          : { ...blockBase, kind: block.kind },
      );
    }
  }
}

/**
 * The classifier's blocks, checked: they must tile `[0, n)` in order. Gaps become prose and
 * overlaps are cut, so a classifier bug can never lose or duplicate a body line.
 */
function tileBlocks(blocks: readonly Block[], n: number): Block[] {
  const tiled: Block[] = [];
  let at = 0;
  for (const block of [...blocks].sort((a, b) => a.start - b.start)) {
    const start = Math.max(block.start, at);
    const end = Math.min(block.end, n);
    if (end <= start) continue;
    if (start > at) tiled.push({ kind: 'prose', start: at, end: start });
    tiled.push({ ...block, start, end });
    at = end;
  }
  if (at < n) tiled.push({ kind: 'prose', start: at, end: n });
  return tiled;
}
