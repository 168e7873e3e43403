import type { CodeLang } from '../types';
import { classifyLine } from './classify-line';
import { detectLang } from './detect-lang';
import {
  extendContinuations,
  markAsmParagraphs,
  markBareCommands,
  markCodeParagraphs,
  markShellSessions,
  markTables,
} from './extend-claims';
import { markMakeRules } from './mark-make-rules';
import { markPatchHeaders } from './mark-patch-headers';
import { markRangeDiffs } from './mark-range-diffs';
import { markDiffs, markHunkFragments, markTracebacks, type Claims } from './mark-spans';
import { indexNonBlank } from './non-blank-index';
import { smoothRuns } from './smooth-runs';

/** Kinds a block classifier can give a run of same-depth lines. */
export type BlockKind =
  'prose' | 'shell' | 'log' | 'asm' | 'code' | 'diff' | 'traceback' | 'output' | 'signature';

/** A classified run of lines: `lines[start..end)` of the input. */
export interface Block {
  kind: BlockKind;
  lang?: CodeLang;
  start: number;
  end: number;
}

// Gmail sends leading spaces as U+00A0 (`=A0` in quoted-printable), alternating with plain
// ones: `\u00A0 \u00A0 \u00A0 \u00A0 u32 fpexc = fmrx(FPEXC);`. Every probe reads it as the
// space it stands for, or an indented hunk context line stops looking like one. Only the
// probes see the copy: blocks are line ranges, and the text shown is the text sent.
const RE_NBSP = /\u00A0/g;

function probeText(line: string): string {
  return line.includes('\u00A0') ? line.replace(RE_NBSP, ' ') : line;
}

/**
 * Split the lines of one quote level (markers already removed) into blocks that tile the
 * input in order. Each line is first judged alone (classifyLine); then passes, most certain
 * first, claim spans: tracebacks, range-diffs, patch headers, diffs (hunk counts), shell
 * sessions, make rules, logs and their wrapped lines, objdump listings with their
 * interleaved C, command output, code paragraphs. What no pass claims is prose, so an
 * unusual line errs towards prose, never towards code.
 * Linear in the input: every pass is a single sweep, a pass that looks past blank lines asks
 * the non-blank index built here once (never a scan of its own, which a run of blank lines
 * made quadratic), and every line is cut at MAX_LINE_CLASSIFY_CHARS before a regex sees it.
 */
export function classifyBlocks(input: readonly string[]): Block[] {
  const lines = input.map(probeText);
  const guesses = lines.map(classifyLine);
  const nb = indexNonBlank(guesses);
  const claims: Claims = new Array<null>(lines.length).fill(null);
  markTracebacks(lines, guesses, claims, nb);
  // A range-diff or interdiff is a diff block of its own, never merged into the diffstat above.
  const rangeDiffStarts = new Set(markRangeDiffs(lines, guesses, claims, nb));
  markPatchHeaders(lines, guesses, claims);
  markDiffs(lines, guesses, claims, nb);
  markShellSessions(lines, guesses, claims, nb);
  markMakeRules(lines, claims, nb);
  extendContinuations('log', lines, guesses, claims);
  markAsmParagraphs(guesses, claims);
  markBareCommands(lines, guesses, claims);
  extendContinuations('output', lines, guesses, claims);
  markHunkFragments(lines, guesses, claims, nb);
  markCodeParagraphs(lines, guesses, claims);
  markTables(guesses, claims);
  const kinds = smoothRuns(lines, guesses, claims);

  const blocks: Block[] = [];
  let start = 0;
  for (let i = 1; i <= lines.length; i++) {
    if (i < lines.length && kinds[i] === kinds[start] && !rangeDiffStarts.has(i)) continue;
    const kind = kinds[start]!;
    const block: Block = { kind, start, end: i };
    if (kind === 'code') block.lang = detectLang(lines.slice(start, i));
    if (lines.length > 0) blocks.push(block);
    start = i;
  }
  return blocks;
}
