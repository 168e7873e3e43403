import { describe, expect, it } from 'vitest';
import { caseFiles, kindOf, predictCase, readCase } from './labelled-set';

/**
 * The labelled set: real and carefully built kernel mail excerpts, every line labelled by
 * hand (tests/fixtures/blocks/README.md). Scored per line on the kind (and on `lang` for code);
 * attribution lines are not classified and not scored.
 */
describe('labelled set', () => {
  const files = caseFiles();
  const confusion = new Map<string, Map<string, number>>();
  let total = 0;
  let correct = 0;
  const misses: string[] = [];
  for (const file of files) {
    const rows = readCase(file);
    const predicted = predictCase(rows);
    rows.forEach((row, i) => {
      if (row.label === 'attribution') return;
      const want = row.label;
      const got = predicted[i]!;
      const byWant = confusion.get(kindOf(want)) ?? new Map<string, number>();
      byWant.set(kindOf(got), (byWant.get(kindOf(got)) ?? 0) + 1);
      confusion.set(kindOf(want), byWant);
      total++;
      if (got === want) correct++;
      else misses.push(`${file}:${i + 1} want ${want} got ${got}: ${row.text.slice(0, 70)}`);
    });
  }
  const kinds = [
    ...new Set([...confusion.keys(), ...[...confusion.values()].flatMap((m) => [...m.keys()])]),
  ].sort();
  const count = (want: string, got: string) => confusion.get(want)?.get(got) ?? 0;
  const predictedProse = kinds.reduce((s, k) => s + count(k, 'prose'), 0);
  const labelledProse = kinds.reduce((s, k) => s + count('prose', k), 0);
  const proseRight = count('prose', 'prose');

  it('prints the per-kind confusion table', () => {
    const head = ['want\\got', ...kinds].map((s) => s.padStart(10)).join('');
    const rowsOut = kinds.map((w) =>
      [w, ...kinds.map((g) => String(count(w, g)))].map((s) => s.padStart(10)).join(''),
    );
    console.log([head, ...rowsOut].join('\n'));
    console.log(
      `cases ${files.length}, lines ${total}, accuracy ${((100 * correct) / total).toFixed(2)}%`,
    );
    console.log(
      `prose precision ${((100 * proseRight) / predictedProse).toFixed(2)}%, recall ${((100 * proseRight) / labelledProse).toFixed(2)}%`,
    );
    if (misses.length) console.log(misses.join('\n'));
    expect(files.length).toBeGreaterThanOrEqual(31);
  });

  it('classifies at least 97% of lines right', () => {
    expect(correct / total).toBeGreaterThanOrEqual(0.97);
  });

  it('keeps prose precision at 99% or more (lines called prose really are prose)', () => {
    expect(proseRight / predictedProse).toBeGreaterThanOrEqual(0.99);
  });

  it('keeps prose recall at 99% or more (prose never turns into code)', () => {
    expect(proseRight / labelledProse).toBeGreaterThanOrEqual(0.99);
  });
});
