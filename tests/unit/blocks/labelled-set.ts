import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { segmentBody } from '../../../lib/segments/segment-body';

/** One labelled line: `kind[:lang]<TAB>depth<TAB>text`. */
export interface LabelledLine {
  label: string;
  depth: number;
  text: string;
}

export const FIXTURES = path.join(__dirname, '../../fixtures/blocks');

export function readCase(file: string): LabelledLine[] {
  const text = readFileSync(path.join(FIXTURES, file), 'utf8');
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((row) => {
      const [label, depth] = row.split('\t', 2) as [string, string];
      const text = row.slice(label.length + depth.length + 2);
      return { label, depth: Number(depth), text };
    });
}

export function caseFiles(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.labels.tsv'))
    .sort();
}

/**
 * The body a labelled case was cut from: each line quoted again at its depth, `>` per level
 * and the one space after them that parseQuotes strips (a bare `>` on an empty line, as
 * clients write it).
 */
export function reassembleBody(rows: readonly LabelledLine[]): string {
  return rows
    .map(({ depth, text }) =>
      depth === 0 ? text : `${'>'.repeat(depth)}${text ? ` ${text}` : ''}`,
    )
    .join('\n');
}

/** A segment's label: `code:c`, `log`, `attribution`, `signature`. */
const labelOf = (s: { kind: string; lang?: string }): string =>
  s.kind === 'code' ? `code:${s.lang ?? 'text'}` : s.kind;

/**
 * Classify a labelled case the way `threadlight parse --json` does: the case's lines are
 * quoted again and the whole body goes through segmentBody, so quote depths, attributions,
 * signatures and trim marks are predicted by the pipeline, not taken from the labels.
 * Returns the predicted `kind[:lang]` per line and the predicted quote depth.
 */
export function predictCase(rows: readonly LabelledLine[]): { label: string; depth: number }[] {
  const predicted = rows.map(() => ({ label: 'prose', depth: 0 }));
  for (const segment of segmentBody(reassembleBody(rows))) {
    segment.lines.forEach((_, k) => {
      predicted[segment.start + k] = { label: labelOf(segment), depth: segment.depth };
    });
  }
  return predicted;
}

/** A label's kind: `code:c` → `code`. */
export const kindOf = (label: string): string => label.split(':', 1)[0]!;
