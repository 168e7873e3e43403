import type { CodeLang } from '../types';
import { classifyLine } from './classify-line';
import { RE_C_COMMENT, RE_MAKE_RULE } from './line-patterns';

// Languages a lone line names outright, weighed against each other per block.
const VOTED: readonly CodeLang[] = ['rust', 'python', 'sh', 'makefile', 'kconfig', 'dts', 'c'];

/**
 * The language of a code block: each line votes with the language its pattern names
 * (`fn foo() {` and `if x > 0 {` rust, `def f():` and `print(x)` python, `obj-y += x.o` and
 * `foo: foo.c` makefile, `config FOO` kconfig, `compatible = "x";` dts, `#!/bin/sh` and
 * `for f in *; do` sh); lines naming none (`}`, `x = 1;`) vote C, the language of the kernel,
 * with half the weight. Comment lines vote for nobody.
 */
export function detectLang(lines: readonly string[]): CodeLang {
  const votes = new Map<CodeLang, number>();
  for (const line of lines) {
    const guess = classifyLine(line);
    if (guess.blank || RE_C_COMMENT.test(line)) continue;
    // A make rule with prerequisites (`foo: foo.c`) alone is not code (markMakeRules
    // decides), but inside a code block it is Makefile: C has no line of that shape. A
    // rule without them looks like a C label (`out:`) and votes for nobody.
    const rule = RE_MAKE_RULE.test(line.slice(0, 1000)) && !line.trimEnd().endsWith(':');
    const lang = rule ? 'makefile' : guess.kind === 'code' ? (guess.lang ?? 'c') : null;
    if (lang) votes.set(lang, (votes.get(lang) ?? 0) + (lang === 'c' ? 1 : 2));
  }
  let best: CodeLang = 'c';
  let bestVotes = 0;
  for (const lang of VOTED) {
    const v = votes.get(lang) ?? 0;
    if (v > bestVotes) [best, bestVotes] = [lang, v];
  }
  return best;
}
