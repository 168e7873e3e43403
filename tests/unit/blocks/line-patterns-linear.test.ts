import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import * as P from '../../../lib/blocks/line-patterns';

/**
 * Every exported pattern of lib/blocks/line-patterns.ts run directly on hostile strings of
 * about 1 MB: no MAX_LINE_CLASSIFY_CHARS cut in front of it. The strings are near-matches
 * made from the examples in each pattern's comment (repeated, cut one short, or with a long
 * run of one of their characters where a quantifier could backtrack) plus generic runs.
 * A linear pattern takes about ten times as long on 1 MB as on 100 KB; a backtracking one a
 * hundred times or more (seconds, on strings this long). The bound is relative: 40× the best
 * of three 100 KB runs, plus 100 ms for timer and garbage-collector noise on a busy machine.
 */
const SOURCE = readFileSync(path.join(__dirname, '../../../lib/blocks/line-patterns.ts'), 'utf8');
const KB100 = 100 * 1024;
const MB = 1024 * 1024;

/** The backticked examples in the comment block just above `export const <name>`. */
function examplesOf(name: string): string[] {
  const lines = SOURCE.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`export const ${name} `));
  const comment: string[] = [];
  for (let i = at - 1; i >= 0 && lines[i]!.startsWith('//'); i--) comment.unshift(lines[i]!);
  return [...comment.join(' ').matchAll(/`([^`]{2,200})`/g)].map((m) => m[1]!);
}

const GENERIC = ['[', ' ', '\t', '0x', '0', 'a', 'a+0x1/', 'ffffffff: 00 ', '@@ -1,', 'RAX: 0000 '];

/** Hostile strings of about `size` characters built from a pattern's examples. */
function hostile(examples: readonly string[], size: number): string[] {
  const out = GENERIC.map((t) => t.repeat(Math.ceil(size / t.length)));
  for (const ex of examples) {
    out.push(ex.repeat(Math.ceil(size / ex.length)));
    const short = ex.slice(0, -1) || ex;
    out.push(short.repeat(Math.ceil(size / short.length)));
    // A long run of the character at a few positions, then a character nothing expects.
    for (const at of [
      1,
      Math.floor(ex.length / 3),
      Math.floor((2 * ex.length) / 3),
      ex.length - 1,
    ]) {
      const ch = ex[at] ?? ' ';
      out.push(ex.slice(0, at) + ch.repeat(size) + '\u0001');
    }
  }
  return out;
}

function timeAll(re: RegExp, inputs: readonly string[]): number {
  const start = performance.now();
  for (const input of inputs) re.test(input);
  return performance.now() - start;
}

const patterns = Object.entries(P).filter((e): e is [string, RegExp] => e[1] instanceof RegExp);

describe('line patterns on 1 MB strings', () => {
  it('finds every exported pattern and an example for it', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(60);
    for (const [name] of patterns) expect(examplesOf(name), name).not.toEqual([]);
  });

  for (const [name, re] of patterns) {
    it(`${name} scales linearly`, () => {
      const examples = examplesOf(name);
      const small = hostile(examples, KB100);
      const big = hostile(examples, MB);
      // Warm up: compile the regex and flatten the concatenated strings before timing.
      timeAll(re, small);
      timeAll(re, big);
      const tSmall = Math.min(...[1, 2, 3].map(() => timeAll(re, small)));
      const tBig = Math.min(...[1, 2, 3].map(() => timeAll(re, big)));
      expect(
        tBig,
        `${name}: ${tSmall.toFixed(1)} ms on 100 KB, ${tBig.toFixed(1)} ms on 1 MB`,
      ).toBeLessThan(40 * tSmall + 100);
    });
  }
});
