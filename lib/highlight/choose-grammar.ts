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
 * The grammar for a block kind (SegmentKind) and, for `code`, its language. `asm` answers
 * `asm`; highlight-block.ts switches to `objdump` + C for listings with addresses.
 */
export function chooseGrammar(kind: string, lang: string | undefined): GrammarChoice {
  switch (kind) {
    case 'log':
      return 'kernel-log';
    case 'asm':
      return 'asm';
    case 'diff':
      return 'diff';
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
