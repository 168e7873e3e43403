import { MAX_LINE_CLASSIFY_CHARS } from '../limits';
import type { BlockKind } from './classify-blocks';
import type { LineGuess } from './classify-line';
import { RE_SHORTLOG_AUTHOR } from './line-patterns';
import type { Claims } from './mark-spans';
import { nextNonBlank, type NonBlankIndex } from './non-blank-index';

/** A line this long was probably hard-wrapped by the mail client; the next line continues it. */
const WRAPPED_LINE_CHARS = 60;

// Kinds whose strong lines are never swallowed by a neighbouring block.
const SOVEREIGN: ReadonlySet<BlockKind> = new Set(['log', 'asm', 'diff', 'traceback']);

function isStrongOther(g: LineGuess, kind: BlockKind): boolean {
  return g.strength === 2 && g.kind !== kind && (SOVEREIGN.has(g.kind!) || g.prompt);
}

/**
 * Shell sessions: a prompt line and everything after it up to a blank line is the command
 * (possibly wrapped) and its output. A blank line continues the session when a prompt follows,
 * or a line that is neither prose nor another kind (the blank line inside `cat`'s output).
 */
export function markShellSessions(
  lines: readonly string[],
  g: readonly LineGuess[],
  c: Claims,
  nb: NonBlankIndex,
): void {
  for (let i = 0; i < lines.length; i++) {
    if (c[i] !== null || !g[i]!.prompt) continue;
    c[i] = 'shell';
    let j = i + 1;
    while (j < lines.length && c[j] === null) {
      if (g[j]!.blank) {
        const k = nextNonBlank(nb, j);
        const gk = g[k];
        if (k < 0 || c[k] !== null || !gk) break;
        if (
          !gk.prompt &&
          (gk.sentence || gk.strength === 2 || k - j > 1 || !looksTechnical(lines[k]!))
        )
          break;
        j = k;
        continue;
      }
      if (isStrongOther(g[j]!, 'shell')) break;
      c[j] = 'shell';
      j++;
    }
    i = j - 1;
  }
}

/** Has letters and a symbol commands and code use: `clang-6.0 "$@"`, not `Thanks!` or `:(`. */
function looksTechnical(text: string): boolean {
  const t = text.trim();
  return t.length >= 3 && /[A-Za-z0-9]/.test(t) && /[$/="'(){}[\]|<>_-]/.test(t);
}

/** A bare command (`objdump -d -S ... | less`) with its wrapped tail and output, up to a blank line. */
export function markBareCommands(
  lines: readonly string[],
  g: readonly LineGuess[],
  c: Claims,
): void {
  for (let i = 0; i < lines.length; i++) {
    if (c[i] !== null || g[i]!.kind !== 'shell' || g[i]!.blank) continue;
    const prevBlank = i === 0 || g[i - 1]!.blank;
    if (!prevBlank) continue;
    let j = i;
    while (j < lines.length && c[j] === null && !g[j]!.blank && !isStrongOther(g[j]!, 'shell')) {
      if (j > i && g[j]!.sentence) break;
      j++;
    }
    c.fill('shell', i, j);
    i = j;
  }
}

/**
 * Grow `kind` over the unclaimed lines next to its strong lines: a line between two lines of
 * the kind, or one following a long (hard-wrapped) line of it, or one that is not a sentence.
 * This is how wrapped dmesg lines (`hung_task_panic=1 earlyprintk=...`) stay in their log.
 */
export function extendContinuations(
  kind: BlockKind,
  lines: readonly string[],
  g: readonly LineGuess[],
  c: Claims,
): void {
  for (let i = 0; i < lines.length; i++) {
    if (c[i] === null && g[i]!.kind === kind && g[i]!.strength === 2) c[i] = kind;
  }
  for (let i = 1; i < lines.length; i++) {
    if (c[i] !== null || c[i - 1] !== kind || g[i]!.blank || isStrongOther(g[i]!, kind)) continue;
    const nextIsKind =
      i + 1 < lines.length &&
      (c[i + 1] === kind || (g[i + 1]!.kind === kind && g[i + 1]!.strength === 2));
    const prevLong = lines[i - 1]!.trimEnd().length >= WRAPPED_LINE_CHARS;
    // Continuations aligned under the text (lockdep, shortlog subjects) are indented.
    // A cover letter's shortlog indents its subjects by two spaces only.
    const indented =
      /^\s{4}/.test(lines[i]!) ||
      (kind === 'output' &&
        /^ {2}\S/.test(lines[i]!) &&
        (RE_SHORTLOG_AUTHOR.test(lines[i - 1]!) || /^ {2}\S/.test(lines[i - 1]!)));
    if (nextIsKind || prevLong || indented || !g[i]!.sentence) c[i] = kind;
  }
  // A hint just above the block (the `=====` rule over a KASAN report) joins it.
  for (let i = lines.length - 2; i >= 0; i--) {
    if (c[i] === null && c[i + 1] === kind && g[i]!.kind === kind) c[i] = kind;
  }
}

/** The non-blank paragraphs `[start, end)` of the lines. */
export function paragraphs(g: readonly LineGuess[]): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= g.length; i++) {
    const blank = i === g.length || g[i]!.blank;
    if (!blank && start < 0) start = i;
    if (blank && start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

/**
 * objdump -S listings interleave C source with the disassembly: in a paragraph holding an
 * objdump row, every unclaimed line between the first and the last asm line is asm, and so
 * are code-like lines before or after them (`void irq_work_tick(void)`, `{`, `...`). A
 * sentence before the listing (`RCX is set shortly before:`) stays prose. Paragraphs of
 * plain GAS/Intel instructions need two instruction lines making up half the paragraph, and
 * span from their first to their last instruction or label line only.
 */
export function markAsmParagraphs(g: readonly LineGuess[], c: Claims): void {
  for (const [start, end] of paragraphs(g)) {
    let first = -1;
    let last = -1;
    let weak = 0;
    let labels = 0;
    // The first and last line that looks like a listing (an instruction or a label): a
    // sentence right above it (`The compiler now emits:`) is not part of it.
    let firstHint = -1;
    let lastHint = -1;
    for (let i = start; i < end; i++) {
      if (g[i]!.label) labels++;
      if (g[i]!.label || g[i]!.kind === 'asm') {
        if (firstHint < 0) firstHint = i;
        lastHint = i;
      }
      if (g[i]!.kind !== 'asm') continue;
      if (g[i]!.strength === 2 || c[i] === 'asm') {
        if (first < 0) first = i;
        last = i;
      } else weak++;
    }
    // Labels (`.L4:`) are neutral: a listing is half labels at times.
    if (first < 0 && weak >= 2 && weak * 2 >= end - start - labels)
      [first, last] = [firstHint, lastHint];
    if (first < 0 && weak >= 1 && weak + labels === end - start && labels > 0)
      [first, last] = [firstHint, lastHint];
    if (first < 0) continue;
    for (let i = start; i < end; i++) {
      if (c[i] !== null) continue;
      const inside = i >= first && i <= last;
      if (inside || !g[i]!.sentence || g[i]!.kind === 'code') c[i] = 'asm';
    }
  }
}

/**
 * Code paragraphs: at least one strong code line and at least half of the lines code-like.
 * The paragraph is code from its first to its last code-like line, plus wrapped tails that
 * are not sentences; a leading `Something like this:` stays prose. A blank line inside a
 * body (`enum foo {`, members, a blank line, more members, `};`) splits it into paragraphs:
 * a code paragraph that leaves a `{` open carries it to the next one, which is code up to
 * the line closing it while its lines are code-like or indented non-sentences.
 */
export function markCodeParagraphs(
  lines: readonly string[],
  g: readonly LineGuess[],
  c: Claims,
): void {
  let open = 0;
  for (const [start, end] of paragraphs(g)) {
    const carried = open;
    open = 0;
    let strong = 0;
    let codeLike = 0;
    let first = -1;
    let last = -1;
    for (let i = start; i < end; i++) {
      if (c[i] !== null || g[i]!.kind !== 'code') continue;
      codeLike++;
      if (g[i]!.strength === 2) strong++;
      if (first < 0) first = i;
      last = i;
    }
    if (strong === 0 || codeLike * 2 < end - start) {
      if (carried > 0) open = continueOpenBody(lines, g, c, start, end, carried);
      continue;
    }
    // Wrapped tails and indented text (a Kconfig `help` paragraph) stay in the block.
    while (
      last + 1 < end &&
      c[last + 1] === null &&
      (!g[last + 1]!.sentence || /^\s/.test(lines[last + 1]!))
    )
      last++;
    let depth = carried;
    for (let i = first; i <= last; i++) {
      if (c[i] === null) c[i] = 'code';
      depth += braceBalance(lines[i]!);
    }
    open = last === end - 1 ? Math.max(depth, 0) : 0;
  }
}

/**
 * Claim `[start, end)` as code while it continues a body left open `depth` braces deep, up
 * to the line that closes it. Returns the braces still open when the paragraph ends.
 */
function continueOpenBody(
  lines: readonly string[],
  g: readonly LineGuess[],
  c: Claims,
  start: number,
  end: number,
  depth: number,
): number {
  let i = start;
  for (; i < end && depth > 0; i++) {
    const inBody = g[i]!.kind === 'code' || (/^\s/.test(lines[i]!) && !g[i]!.sentence);
    if (c[i] !== null || !inBody) break;
    c[i] = 'code';
    depth += braceBalance(lines[i]!);
  }
  return i === end ? Math.max(depth, 0) : 0;
}

/** `{` minus `}` in the line, up to MAX_LINE_CLASSIFY_CHARS, as classifyLine reads it. */
function braceBalance(line: string): number {
  let n = 0;
  const to = Math.min(line.length, MAX_LINE_CLASSIFY_CHARS);
  for (let i = 0; i < to; i++) {
    const ch = line.charCodeAt(i);
    if (ch === 123) n++;
    else if (ch === 125) n--;
  }
  return n;
}

/**
 * Tables: a paragraph whose lines are mostly aligned in columns (`netperf` results, `perf
 * report`, a syzbot `key:   value` header), two such lines at least, is command output.
 */
export function markTables(g: readonly LineGuess[], c: Claims): void {
  for (const [start, end] of paragraphs(g)) {
    let columns = 0;
    let free = 0;
    for (let i = start; i < end; i++) {
      if (c[i] !== null) continue;
      free++;
      if (g[i]!.columns) columns++;
    }
    if (columns < 2 || columns * 5 < free * 3) continue;
    for (let i = start; i < end; i++)
      if (c[i] === null && (g[i]!.columns || !g[i]!.sentence)) c[i] = 'output';
  }
}
