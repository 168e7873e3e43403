import { MAX_LINE_CLASSIFY_CHARS } from '../limits';
import type { CodeLang } from '../types';
import type { BlockKind } from './classify-blocks';
import * as P from './line-patterns';

/** What one line says about itself, before its neighbours are consulted. */
export interface LineGuess {
  blank: boolean;
  /** Reads like natural language: mostly plain words. Such lines need strong evidence to leave prose. */
  sentence: boolean;
  /** The kind the line suggests, or null when it says nothing. */
  kind: BlockKind | null;
  /** 2: the line alone decides (a dmesg timestamp, a hunk header); 1: a hint neighbours must confirm. */
  strength: 0 | 1 | 2;
  lang?: CodeLang;
  /** A shell prompt line (`user$ ...`): starts a shell block. */
  prompt: boolean;
  /** An assembler label on its own (`.L4:`): neutral inside an asm listing. */
  label: boolean;
  /** Aligned in columns (two or more gaps of 2+ spaces), or a `key:   value` row. */
  columns: boolean;
}

type Guess = Omit<LineGuess, 'sentence' | 'label' | 'columns'>;

const NONE: Guess = { blank: false, kind: null, strength: 0, prompt: false };

/**
 * How many inner gaps of two or more spaces the text has: table rows have several. A gap after
 * `.`, `?`, `!` or `:` is the two spaces some people put after a sentence, not a column.
 */
export function countColumnGaps(text: string): number {
  let gaps = 0;
  let run = 0;
  let last = '';
  for (const ch of text) {
    if (ch === ' ') {
      run++;
      continue;
    }
    if (last !== '' && run >= 2 && !'.?!:'.includes(last)) gaps++;
    last = ch;
    run = 0;
  }
  return gaps;
}

/** A table row: two column gaps in a line that is not a sentence (or an indented one), or three. */
function isTableRow(s: string, sentence: boolean): boolean {
  const gaps = countColumnGaps(s);
  return gaps >= 3 || (gaps >= 2 && (!sentence || /^ {2}/.test(s))) || P.RE_KEY_VALUE_ROW.test(s);
}

// A plain word, optionally wrapped in quotes/brackets and followed by punctuation: `Hello,`, `(see`, `it's`.
// Example: `(though` / `should!)` / `wasn't`
const RE_WORD = /^[("'`]?[A-Za-z][a-z']{0,40}[)"'`]?[.,;:!?]{0,3}[)"'`]?$/;

/**
 * Whether a line reads like a sentence: at least two tokens and most of them plain words.
 * `Memory KASLR using RDTSC...` is a sentence; `clang-6.0 "$@"` and `-fmerge-all-constants` are not.
 */
export function isSentence(text: string): boolean {
  const tokens = text.trim().split(/\s+/, 200);
  if (tokens.length < 2) return false;
  let words = 0;
  for (const t of tokens) if (RE_WORD.test(t)) words++;
  return words >= 2 && words / tokens.length >= 0.6;
}

/** The line without a trailing `/* comment` (one starting the line is kept). */
function codePart(s: string): string {
  const comment = s.indexOf('/*');
  return (comment > 0 ? s.slice(0, comment) : s).trimEnd();
}

/** Whether the line's code part ends in `;` right after a code token: `work->func(work);`. */
function endsLikeStatement(s: string): boolean {
  const code = codePart(s);
  if (!code.endsWith(';')) return false;
  const before = code.charAt(code.length - 2);
  return /[\w)\]'"]/.test(before) && /[=(>]|^\s*\w+;$/.test(code);
}

function guess(kind: BlockKind, strength: 1 | 2, lang?: CodeLang): Guess {
  return { ...NONE, kind, strength, ...(lang ? { lang } : {}) };
}

/** Classify one line on its own. The line is cut at MAX_LINE_CLASSIFY_CHARS first. */
export function classifyLine(line: string): LineGuess {
  const text =
    line.length > MAX_LINE_CLASSIFY_CHARS ? line.slice(0, MAX_LINE_CLASSIFY_CHARS) : line;
  const s = text.trimEnd();
  if (s.trim() === '')
    return { ...NONE, blank: true, sentence: false, label: false, columns: false };
  const sentence = isSentence(s);
  const label = P.RE_ASM_LABEL.test(s);
  const columns = isTableRow(s, sentence);
  return { ...guessLine(s, sentence), sentence, label, columns };
}

function guessLine(s: string, sentence: boolean): Guess {
  if (s.includes('Traceback (most') || P.RE_PY_FRAME.test(s)) return guess('traceback', 2);
  // Before the code and log probes: a caret source row quotes any C (`   33 | #define x`).
  if (isCompilerLine(s)) return guess('output', 2);
  if (P.RE_C_PREPROCESSOR.test(s)) return guess('code', 2, 'c');
  if (P.RE_DOTCONFIG_LINE.test(s)) return guess('code', 2, 'kconfig');
  if (P.RE_NAMED_PROMPT.test(s) || P.RE_BARE_PROMPT.test(s))
    return { ...guess('shell', 2), prompt: true };
  if (isLogLine(s)) return guess('log', 2);
  if (P.RE_OBJDUMP_ROW.test(s) || P.RE_OBJDUMP_SYMBOL.test(s) || P.RE_OBJDUMP_BANNER.test(s))
    return guess('asm', 2);
  if (isDiffLine(s)) return guess('diff', 2);
  if (isOutputLine(s)) return guess('output', 2);
  if (P.RE_INSTRUCTION.test(s) || P.RE_GAS_DIRECTIVE.test(s) || P.RE_BARE_INSTRUCTION.test(s))
    return guess('asm', 1);
  if (!sentence && P.RE_IR_INSTRUCTION.test(s)) return guess('asm', 1);
  if (P.RE_REPORT_RULE.test(s)) return guess('log', 1);
  if (P.RE_CODE_HUNK_LINE.test(s)) return guess('diff', 1);
  return guessCode(s, sentence);
}

/** Whether the line alone says kernel log: a timestamp, an oops or splat line, a boot-stub line. */
export function isLogLine(s: string): boolean {
  return (
    P.RE_BOOT_STUB_LINE.test(s) ||
    P.RE_DMESG_TIMESTAMP.test(s) ||
    P.RE_DMESG_RAW.test(s) ||
    P.RE_SYSLOG.test(s) ||
    P.RE_SPLAT_HEAD.test(s) ||
    P.RE_OOPS_LINE.test(s) ||
    P.RE_REGISTER_ROW.test(s) ||
    P.RE_STACK_FRAME.test(s) ||
    P.RE_TRACE_MARK.test(s) ||
    P.RE_TRACE_FENCE.test(s) ||
    P.RE_SHADOW_ROW.test(s)
  );
}

/**
 * Whether the line is part of a gcc, clang or sparse diagnostic: the `file:line:col: error:`
 * line, its include chain, the quoted source and caret rows, the build's verdict. Shown in a
 * proportional font, the carets would point at the wrong column.
 */
export function isCompilerLine(s: string): boolean {
  return (
    P.RE_COMPILER_DIAGNOSTIC.test(s) ||
    P.RE_CARET_SOURCE_ROW.test(s) ||
    P.RE_CARET_ROW.test(s) ||
    P.RE_CARET_TILDES.test(s) ||
    P.RE_INCLUDED_FROM.test(s) ||
    P.RE_BUILD_VERDICT.test(s)
  );
}

function isDiffLine(s: string): boolean {
  return (
    P.RE_DIFF_HEADER.test(s) ||
    P.RE_FILE_MINUS.test(s) ||
    P.RE_FILE_PLUS.test(s) ||
    P.RE_HUNK_HEADER.test(s) ||
    P.RE_DIFFSTAT_ROW.test(s) ||
    P.RE_DIFFSTAT_SUMMARY.test(s) ||
    P.RE_DIFFCONFIG.test(s) ||
    P.RE_RANGE_DIFF_PAIR.test(s)
  );
}

function isOutputLine(s: string): boolean {
  if (P.RE_LS_LONG.test(s) || P.RE_LS_TOTAL.test(s) || P.RE_PATCH_FILE.test(s)) return true;
  if (P.RE_SYSTEM_MAP.test(s) || P.RE_VERSION_BANNER.test(s) || P.RE_SHORTLOG_AUTHOR.test(s))
    return true;
  // A commit id must hold a digit, so `defaced ...` or `facade (...)` stay words.
  return P.RE_COMMIT_LINE.test(s) && /[0-9]/.test(s.slice(0, s.indexOf(' ')));
}

function guessCode(s: string, sentence: boolean): Guess {
  if (P.RE_LIT_DIRECTIVE.test(s)) return guess('code', 2, 'c');
  if (P.RE_KCONFIG_LINE.test(s)) return guess('code', sentence ? 1 : 2, 'kconfig');
  if (P.RE_MAKEFILE_LINE.test(s)) return guess('code', 2, 'makefile');
  if (P.RE_DTS_LINE.test(s)) return guess('code', 2, 'dts');
  if (P.RE_RUST_LINE.test(s) || P.RE_RUST_STATEMENT.test(s))
    return guess('code', sentence ? 1 : 2, 'rust');
  if (P.RE_PYTHON_LINE.test(s) || P.RE_PYTHON_STATEMENT.test(s))
    return guess('code', !sentence || P.RE_PYTHON_EVIDENCE.test(s) ? 2 : 1, 'python');
  if (P.RE_SH_STATEMENT.test(s)) return guess('code', 2, 'sh');
  if (P.RE_SH_SCRIPT_LINE.test(s)) return guess('code', s.startsWith('#!') ? 2 : 1, 'sh');
  // `int a;` reads like two words, but a declaration ending in `;` is code all the same.
  const declaration = P.RE_C_DECLARATION.test(s);
  const control = P.RE_C_CONTROL.test(s);
  // `foo() calls bar(), which calls baz();` names calls in a sentence: C never puts a word
  // right after a call's closing parenthesis.
  if (!declaration && !control && P.RE_CALL_THEN_WORD.test(codePart(s))) return NONE;
  const statement = endsLikeStatement(s) || (declaration && s.endsWith(';'));
  if (declaration || control || P.RE_C_STATEMENT.test(s) || statement)
    return guess('code', sentence && !statement ? 1 : 2);
  if (P.RE_C_COMMENT.test(s) || s.endsWith('{') || s.endsWith(');')) return guess('code', 1);
  if (P.RE_BARE_COMMAND.test(s) && (!sentence || /[=/|]| -/.test(s)) && !/[.?!:]$/.test(s))
    return guess('shell', 1);
  if (P.RE_SUBSYSTEM_MESSAGE.test(s)) return guess('log', 1);
  return NONE;
}
