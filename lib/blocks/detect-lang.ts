import type { CodeLang } from '../types';
import { classifyLine } from './classify-line';
import { RE_C_COMMENT } from './line-patterns';

// Languages a lone line names outright, weighed against each other per block.
const VOTED: readonly CodeLang[] = ['rust', 'python', 'sh', 'makefile', 'kconfig', 'dts', 'c'];

/**
 * The language of a code block: each line votes with the language its pattern names
 * (`fn foo() {` rust, `def f():` python, `obj-y += x.o` makefile, `config FOO` kconfig,
 * `compatible = "x";` dts, `#!/bin/sh` sh); lines naming none (`}`, `x = 1;`) vote C, the
 * language of the kernel. Comment lines vote for nobody.
 */
export function detectLang(lines: readonly string[]): CodeLang {
  const votes = new Map<CodeLang, number>();
  for (const line of lines) {
    const guess = classifyLine(line);
    if (guess.blank || RE_C_COMMENT.test(line)) continue;
    const lang = guess.kind === 'code' ? (guess.lang ?? 'c') : null;
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
