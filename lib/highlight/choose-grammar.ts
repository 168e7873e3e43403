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

/**
 * The grammar for a block kind (SegmentKind) and, for `code`, its language. `asm` answers
 * `asm`; highlight-block.ts switches to `objdump` + C for listings with addresses. A `diff`
 * block that is range-diff output (given `lines`) gets the `range-diff` grammar.
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
      return 'asm';
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
