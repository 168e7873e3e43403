import { describe, expect, it } from 'vitest';
import { caseFiles, kindOf, predictCase, readCase } from './labelled-set';

/**
 * The labelled set: real and carefully built kernel mail excerpts, every line labelled by
 * hand (tests/fixtures/blocks/README.md). Each case is quoted again and run through the
 * whole segmentation pipeline (segmentBody, as `threadlight parse --json` does), so
 * attribution and signature lines are predicted like every other kind. Scored per line on
 * the kind (and on `lang` for code); the quote depth the pipeline finds is printed beside it.
 */
describe('labelled set', () => {
  const files = caseFiles();
  const confusion = new Map<string, Map<string, number>>();
  let total = 0;
  let correct = 0;
  let depthRight = 0;
  const misses: string[] = [];
  const depthMisses = new Map<string, number>();
  for (const file of files) {
    const rows = readCase(file);
    const predicted = predictCase(rows);
    rows.forEach((row, i) => {
      const want = row.label;
      const got = predicted[i]!.label;
      const byWant = confusion.get(kindOf(want)) ?? new Map<string, number>();
      byWant.set(kindOf(got), (byWant.get(kindOf(got)) ?? 0) + 1);
      confusion.set(kindOf(want), byWant);
      total++;
      if (got === want) correct++;
      else misses.push(`${file}:${i + 1} want ${want} got ${got}: ${row.text.slice(0, 70)}`);
      if (predicted[i]!.depth === row.depth) depthRight++;
      else depthMisses.set(file, (depthMisses.get(file) ?? 0) + 1);
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
    const head = ['want\\got', ...kinds].map((s) => s.padStart(12)).join('');
    const rowsOut = kinds.map((w) =>
      [w, ...kinds.map((g) => String(count(w, g)))].map((s) => s.padStart(12)).join(''),
    );
    console.log([head, ...rowsOut].join('\n'));
    console.log(
      `cases ${files.length}, lines ${total}, accuracy ${((100 * correct) / total).toFixed(2)}%, depth ${((100 * depthRight) / total).toFixed(2)}%`,
    );
    console.log(
      `prose precision ${((100 * proseRight) / predictedProse).toFixed(2)}%, recall ${((100 * proseRight) / labelledProse).toFixed(2)}%`,
    );
    if (misses.length) console.log(misses.join('\n'));
    for (const [file, n] of depthMisses) console.log(`${file}: ${n} lines at the wrong depth`);
    expect(files.length).toBeGreaterThanOrEqual(31);
  });

  it('labels attributions and signatures, and predicts them', () => {
    for (const kind of ['attribution', 'signature']) {
      expect(kinds).toContain(kind);
      expect(count(kind, kind)).toBeGreaterThan(0);
    }
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
