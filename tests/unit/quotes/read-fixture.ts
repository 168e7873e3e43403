import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(__dirname, '../../fixtures/quotes');
export const SEED = join(__dirname, '../../fixtures/seed/seed.txt');

/** The seed is an archive page: subject, blank, From:, Date:, blanks, then the body. */
export function seedBody(): string {
  const lines = readFileSync(SEED, 'utf8').split('\n');
  let i = 1;
  while (i < lines.length && (lines[i]!.trim() === '' || /^(From|Date): /.test(lines[i]!))) i++;
  return lines.slice(i).join('\n');
}

/** A golden TSV: one row per body line, columns split on tabs (the text column may hold tabs). */
export function readTsv(name: string, columns: number): string[][] {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((row) => {
      const cells = row.split('\t');
      return [...cells.slice(0, columns - 1), cells.slice(columns - 1).join('\t')];
    });
}

export function readCase(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.txt`), 'utf8').replace(/\n$/, '');
}
