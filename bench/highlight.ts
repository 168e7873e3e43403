/**
 * Highlight cost: cold start (first highlightBlock call builds the shiki highlighter) and
 * warm ms per KB for each block kind, on seed excerpts (tests/fixtures/highlight/).
 * Run: npx tsx bench/highlight.ts. Prints numbers; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { highlightBlock } from '../lib/highlight/highlight-block';
import { detectKernelVersion } from '../lib/linkify/kernel-version';

const fixture = (name: string) =>
  readFileSync(new URL(`../tests/fixtures/highlight/${name}`, import.meta.url), 'utf8')
    .replace(/\n$/, '')
    .split('\n');

const oops = fixture('seed-oops.log');
const cases: Array<[kind: string, lang: string | undefined, lines: string[]]> = [
  ['log', undefined, [...oops, ...fixture('real-page-fault-oops.log')]],
  ['asm', undefined, fixture('seed-objdump.asm')],
  ['code', 'c', fixture('seed-pv-irq-ops.c')],
  ['diff', undefined, fixture('seed-shell.txt').filter((l) => /^[-+]/.test(l))],
  ['shell', undefined, fixture('seed-shell.txt')],
  ['traceback', undefined, fixture('seed-traceback.txt')],
];
const links = { kernelVersion: detectKernelVersion(oops.join('\n')) };

// No top-level await: package.json has no "type": "module", so tsx runs this as CJS.
async function main(): Promise<void> {
  const t0 = performance.now();
  await highlightBlock('code', 'c', ['int x;']);
  console.log(`cold start (highlighter + first block): ${(performance.now() - t0).toFixed(1)} ms`);

  // Enough repetitions that each kind is measured over ~1 MB of text.
  for (const [kind, lang, lines] of cases) {
    const kb = Buffer.byteLength(lines.join('\n')) / 1024;
    await highlightBlock(kind, lang, lines, links); // first use of this grammar
    const runs = Math.max(5, Math.ceil(1024 / kb));
    const start = performance.now();
    for (let i = 0; i < runs; i++) await highlightBlock(kind, lang, lines, links);
    const ms = (performance.now() - start) / runs;
    console.log(
      `${kind.padEnd(10)} ${kb.toFixed(1).padStart(5)} KB  ${ms.toFixed(2).padStart(7)} ms/block  ${(ms / kb).toFixed(3)} ms/KB`,
    );
  }
}

void main();
