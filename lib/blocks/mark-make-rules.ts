import { RE_MAKE_RECIPE, RE_MAKE_RULE } from './line-patterns';
import type { Claims } from './mark-spans';
import { nextNonBlank, previousNonBlank, type NonBlankIndex } from './non-blank-index';

const isRule = (line: string): boolean => RE_MAKE_RULE.test(line.slice(0, 1000));

/**
 * Makefile rules: `foo: foo.c` followed by a tab-indented recipe (`\t$(CC) -o $@ $<`,
 * `\tgcc -o foo foo.c`) is code, the rule and its recipe lines. Alone, `all: foo` reads like
 * `usb: new device` or `Note: see below`; only a recipe under it, or a rule with a recipe just
 * before or after it (one blank line apart at most), makes it certain.
 */
export function markMakeRules(lines: readonly string[], c: Claims, nb: NonBlankIndex): void {
  const ruleAt: boolean[] = lines.map((line, i) => c[i] === null && isRule(line));
  const made = new Array<boolean>(lines.length).fill(false);
  for (let i = 0; i < lines.length; i++) {
    if (!ruleAt[i] || i + 1 >= lines.length || !RE_MAKE_RECIPE.test(lines[i + 1]!)) continue;
    let j = i + 1;
    while (j < lines.length && c[j] === null && /^\t\S/.test(lines[j]!)) j++;
    made.fill(true, i, j);
    i = j - 1;
  }
  // Rules without a recipe next to a certain one: `all: foo` above `foo: foo.c` + recipe. Such
  // a rule must name one target and a prerequisite: `and the program with a rule:` is prose.
  const lone = (i: number): boolean =>
    ruleAt[i]! && !lines[i]!.trimEnd().endsWith(':') && /^\S+ ?::? /.test(lines[i]!);
  const near = (i: number, step: 1 | -1): boolean => {
    const k = step === 1 ? nextNonBlank(nb, i + 1) : previousNonBlank(nb, i - 1);
    return k >= 0 && Math.abs(k - i) <= 2 && made[k] === true;
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let i = lines.length - 1; i >= 0; i--) if (lone(i) && near(i, 1)) made[i] = true;
    for (let i = 0; i < lines.length; i++) if (lone(i) && near(i, -1)) made[i] = true;
  }
  made.forEach((m, i) => {
    if (m && c[i] === null) c[i] = 'code';
  });
}
