import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import c from '@shikijs/langs/c';
import asm from '@shikijs/langs/asm';
import diff from '@shikijs/langs/diff';
import shellscript from '@shikijs/langs/shellscript';
import python from '@shikijs/langs/python';
import rust from '@shikijs/langs/rust';
import makefile from '@shikijs/langs/makefile';
import githubLight from '@shikijs/themes/github-light-high-contrast';
import githubDark from '@shikijs/themes/github-dark-high-contrast';
import { arm64Asm } from './grammars/arm64-asm';
import { kernelLog } from './grammars/kernel-log';
import { objdump } from './grammars/objdump';
import { shellPrompt } from './grammars/shell-prompt';
import { pythonTraceback } from './grammars/python-traceback';
import { rangeDiff } from './grammars/range-diff';

/** Grammar names the highlighter knows; `plain` means "escape, do not tokenize". */
export type GrammarName =
  | 'c'
  | 'asm'
  | 'arm64-asm'
  | 'objdump'
  | 'diff'
  | 'shellscript'
  | 'shell-prompt'
  | 'python'
  | 'python-traceback'
  | 'rust'
  | 'makefile'
  | 'kernel-log'
  | 'range-diff';

/** Dual themes: tokens carry `--shiki-light` / `--shiki-dark`, app/globals.css picks one with light-dark(). */
// High-contrast variants: every token colour meets WCAG AA on our code background.
export const THEMES = {
  light: 'github-light-high-contrast',
  dark: 'github-dark-high-contrast',
} as const;

// One highlighter per process, created on first use. The promise (not the instance) is
// memoised so concurrent first calls share one initialisation.
let highlighterPromise: Promise<HighlighterCore> | undefined;

/**
 * The process-wide shiki highlighter: only the grammars we render (fine-grained imports keep
 * the other 200+ languages out of the bundle) and the JavaScript regex engine (no WASM to
 * load; bench/highlight.ts measures it).
 */
export function getHighlighter(): Promise<HighlighterCore> {
  highlighterPromise ??= createHighlighterCore({
    themes: [githubLight, githubDark],
    langs: [
      c,
      asm,
      arm64Asm,
      diff,
      shellscript,
      python,
      rust,
      makefile,
      kernelLog,
      objdump,
      shellPrompt,
      pythonTraceback,
      rangeDiff,
    ],
    engine: createJavaScriptRegexEngine(),
  }).catch((error: unknown) => {
    // Let a later call retry instead of caching the failure forever.
    highlighterPromise = undefined;
    throw error;
  });
  return highlighterPromise;
}
