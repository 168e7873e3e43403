import type { ThemedToken } from 'shiki/core';
import { getHighlighter, THEMES, type GrammarName } from './highlighter';
import type { StyledText } from './render-line';
import {
  HIGHLIGHT_LINE_TIME_LIMIT_MS,
  MAX_HIGHLIGHT_BLOCK_CHARS,
  MAX_HIGHLIGHT_LINE_CHARS,
} from '../limits';
import { appendAll } from '../append-all';

// An objdump instruction or function-label line:
// `ffffffff811932af:	48 83 39 00	cmpq $0x0,(%rcx)`, `ffffffff81193200 <irq_work_tick>:`.
// Four hex digits at least, so a C label such as `bad:` in interleaved source is not one.
const RE_OBJDUMP_LINE =
  /^\s{0,16}[0-9a-f]{4,16}(?::(?:\s|$)| <[^<>]{1,256}>:)|^Disassembly of section /;

// A line break inside a "line" would shift every following token onto the wrong line.
const RE_LINE_BREAK = /[\r\n]/;

/** Untokenized text for a line: escaped later, never styled. */
function plain(line: string): StyledText[] {
  return line === '' ? [] : [{ content: line }];
}

function styleOf(token: ThemedToken): string | undefined {
  const style = token.htmlStyle;
  if (!style) return undefined;
  return Object.entries(style)
    .map(([property, value]) => `${property}:${value}`)
    .join(';');
}

/**
 * Styled runs of one line. Text in the theme's default colour carries no style (the `.hl`
 * container provides it, app/globals.css) and neighbours of equal style are merged: about
 * half the spans of a typical log line go away.
 */
function styledRuns(tokens: readonly ThemedToken[], defaultStyle: string): StyledText[] {
  const runs: StyledText[] = [];
  for (const token of tokens) {
    const raw = styleOf(token);
    const style = raw?.toLowerCase() === defaultStyle ? undefined : raw;
    const last = runs[runs.length - 1];
    if (last && last.style === style) last.content += token.content;
    else runs.push(style ? { content: token.content, style } : { content: token.content });
  }
  return runs;
}

/**
 * Which lines the tokenizer may see: not too long, no embedded line breaks, and within
 * the block budget. The others are rendered plain (and replaced by empty lines for the
 * tokenizer, so line numbering and grammar state around them stay sane).
 */
function tokenizable(lines: readonly string[]): boolean[] {
  let budget = MAX_HIGHLIGHT_BLOCK_CHARS;
  return lines.map((line) => {
    if (line.length > MAX_HIGHLIGHT_LINE_CHARS || RE_LINE_BREAK.test(line)) return false;
    budget -= line.length + 1;
    return budget >= 0;
  });
}

async function tokenizeRun(
  grammar: GrammarName,
  lines: readonly string[],
  ok: readonly boolean[],
): Promise<StyledText[][]> {
  const highlighter = await getHighlighter();
  const code = lines.map((line, i) => (ok[i] ? line : '')).join('\n');
  const { tokens, fg } = highlighter.codeToTokens(code, {
    lang: grammar,
    themes: THEMES,
    defaultColor: false,
    tokenizeTimeLimit: HIGHLIGHT_LINE_TIME_LIMIT_MS,
  });
  return lines.map((line, i) => {
    const lineTokens = tokens[i];
    if (!ok[i] || !lineTokens) return plain(line);
    return styledRuns(lineTokens, (fg ?? '').toLowerCase());
  });
}

/**
 * Tokenize a block's lines with one grammar. An asm block (x86 or arm64) that is an
 * objdump listing is split into runs: instruction lines go to the objdump grammar, the
 * interleaved `-S` source lines to C, each run tokenized on its own so a C bracket left
 * open by a source line cannot swallow the instructions after it.
 */
export async function tokenizeBlock(
  grammar: GrammarName,
  lines: readonly string[],
): Promise<StyledText[][]> {
  const ok = tokenizable(lines);
  const asm = grammar === 'asm' || grammar === 'arm64-asm';
  if (!asm || !lines.some((line) => RE_OBJDUMP_LINE.test(line))) {
    return tokenizeRun(grammar, lines, ok);
  }
  const out: StyledText[][] = [];
  let runStart = 0;
  while (runStart < lines.length) {
    const isObjdump = RE_OBJDUMP_LINE.test(lines[runStart] ?? '');
    let runEnd = runStart + 1;
    while (runEnd < lines.length && RE_OBJDUMP_LINE.test(lines[runEnd] ?? '') === isObjdump)
      runEnd++;
    const run = await tokenizeRun(
      isObjdump ? 'objdump' : 'c',
      lines.slice(runStart, runEnd),
      ok.slice(runStart, runEnd),
    );
    appendAll(out, run);
    runStart = runEnd;
  }
  return out;
}
