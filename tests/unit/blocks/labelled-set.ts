import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { classifyBlocks } from '../../../lib/blocks/classify-blocks';

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
 * Classify a labelled case the way the pipeline does: every run of same-depth lines (an
 * attribution line breaks runs and is not classified) goes through classifyBlocks on its own.
 * Returns the predicted `kind[:lang]` per line (`attribution` for attribution lines).
 */
export function predictCase(rows: readonly LabelledLine[]): string[] {
  const predicted = new Array<string>(rows.length).fill('attribution');
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const breaks =
      i === rows.length ||
      rows[i]!.depth !== rows[start]!.depth ||
      rows[i]!.label === 'attribution' ||
      rows[start]!.label === 'attribution';
    if (!breaks) continue;
    if (rows[start]!.label !== 'attribution') {
      const texts = rows.slice(start, i).map((r) => r.text);
      for (const b of classifyBlocks(texts)) {
        const label = b.kind === 'code' ? `code:${b.lang ?? 'text'}` : b.kind;
        predicted.fill(label, start + b.start, start + b.end);
      }
    }
    start = i;
  }
  return predicted;
}

/** A label's kind: `code:c` → `code`. */
export const kindOf = (label: string): string => label.split(':', 1)[0]!;
