import { RE_RANGE_DIFF_PAIR, RE_RANGE_DIFF_TITLE } from '../blocks/line-patterns';
import type { GrammarName } from './highlighter';

/** `plain`: render escaped text without tokenizing. */
export type GrammarChoice = GrammarName | 'plain';

// Code languages (lib/types.ts CodeLang) without a grammar of ours stay plain:
// Kconfig and devicetree are readable as they are and not worth a grammar yet.
const CODE_GRAMMARS: Record<string, GrammarChoice> = {
  c: 'c',
  rust: 'rust',
  python: 'python',
  sh: 'shellscript',
  makefile: 'makefile',
  kconfig: 'plain',
  dts: 'plain',
  text: 'plain',
};

/**
 * Whether a diff block is `git range-diff` output: its first non-blank line is a pair line
 * (`1:  4209a02 ! 1:  55e547d subject`), or a `Range-diff against v1:` title over one.
 * The classifier starts a new block there (classify-blocks.ts), so looking at the top suffices.
 */
export function isRangeDiff(lines: readonly string[]): boolean {
  const [first, second] = lines.filter((line) => line.trim() !== '').slice(0, 2);
  if (first === undefined) return false;
  if (RE_RANGE_DIFF_PAIR.test(first)) return true;
  return RE_RANGE_DIFF_TITLE.test(first) && second !== undefined && RE_RANGE_DIFF_PAIR.test(second);
}

// An arm64 instruction: a mnemonic only arm64 has, or a common one with an arm64 register
// operand. `\tstp x29, x30, [sp, #-16]!`, `ldr w1, [x0]`, `\tcbz x0, .L4`, `\tmov x0, #0`,
// `b.ne .L4`; a listing line may carry an objdump address or a label before it.
const RE_ARM64_INSTRUCTION =
  /(?:^|[\s:])(?:(?:stp|ldp|ldr[bh]?|str[bh]?|ldur|stur|ldxr|stxr|ldar|stlr|adrp|cbn?z|tbn?z|b\.[a-z]{2}|csel|cset|csinc|movk|movz|ubfx|sbfx|bfi|mrs|msr|paciasp|autiasp|bti|blr|br|eret)\s|(?:mov|add|sub|and|orr|eor|cmp|tst|bl|b|ret|neg|mul|lsl|lsr|asr)\s{1,16}(?:[xw](?:[12]?\d|30)|w?sp|[xw]zr)\b)/;
// An x86 instruction operand: `%rax`, `%eax`, or an Intel register name: `rax`, `qword ptr`
const RE_X86_OPERAND = /%[re]?[a-z]{2,3}\b|\b(?:[re](?:[abcd]x|[sd]i|[sb]p)|[qd]?word ptr)\b/;

/**
 * Whether an asm block is an arm64 listing: more of its lines are arm64 instructions than
 * x86 ones, two at least (one for a one-line block). shiki's `asm` grammar is x86 only.
 */
export function isArm64Listing(lines: readonly string[]): boolean {
  let arm64 = 0;
  let x86 = 0;
  for (const line of lines) {
    const probe = line.slice(0, 500);
    if (RE_X86_OPERAND.test(probe)) x86++;
    else if (RE_ARM64_INSTRUCTION.test(probe)) arm64++;
  }
  return arm64 > x86 && arm64 >= Math.min(2, lines.length);
}

/**
 * The grammar for a block kind (SegmentKind) and, for `code`, its language. `asm` answers
 * `asm` (x86) or `arm64-asm` (isArm64Listing, given `lines`); highlight-block.ts switches to
 * `objdump` + C for listings with addresses. A `diff` block that is range-diff output (given
 * `lines`) gets the `range-diff` grammar.
 */
export function chooseGrammar(
  kind: string,
  lang: string | undefined,
  lines: readonly string[] = [],
): GrammarChoice {
  switch (kind) {
    case 'log':
      return 'kernel-log';
    case 'asm':
      return isArm64Listing(lines) ? 'arm64-asm' : 'asm';
    case 'diff':
      return isRangeDiff(lines) ? 'range-diff' : 'diff';
    case 'shell':
      return 'shell-prompt';
    case 'traceback':
      return 'python-traceback';
    case 'code':
      return (lang !== undefined && CODE_GRAMMARS[lang]) || 'plain';
    default:
      // prose, attribution, snip, signature, output and kinds added later: plain text.
      return 'plain';
  }
}
