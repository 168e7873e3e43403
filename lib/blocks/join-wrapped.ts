import { MAX_LINE_CLASSIFY_CHARS } from '../limits';
import type { BlockKind } from './classify-blocks';
import {
  RE_BARE_PROMPT,
  RE_DMESG_RAW,
  RE_DMESG_TIMESTAMP,
  RE_NAMED_PROMPT,
  RE_SYSLOG,
} from './line-patterns';

/** One logical line: the text of `lines[from..to)` joined back together. */
export interface JoinedLine {
  text: string;
  from: number;
  to: number;
}

/** A line this long was plausibly hard-wrapped by the sender's mail client (they wrap at 72–80). */
const WRAPPED_LINE_CHARS = 60;

/** Physical lines one logical line may gather; a bound on what a hostile message can make us join. */
const MAX_JOINED_LINES = 32;

// A shell operator that can only continue a command: `< /dev/null`, `| less`, `&& make`, `; done`
const RE_SHELL_OPERATOR = /[<>|;]|&&/;
// An option or a quoted argument opening a continuation: `-initrd $KPATH/initrd.img`, `"root=/dev/ram0`
const RE_OPTION_START = /^(?:--?[A-Za-z]|")/;
// An assignment continuing a command list: `MAKE_OPTS="CC=$COMPILER HOSTCC=$COMPILER"`
const RE_ASSIGNMENT_START = /^[A-Za-z_]\w{0,100}=/;
// A loop opened and not yet closed on the command line: `for p in a b ; do echo $p`
const RE_OPEN_LOOP = /(?:^|[\s;$#])(?:for|while|until) \S/;

const hasTimestamp = (line: string): boolean =>
  RE_DMESG_TIMESTAMP.test(line) || RE_DMESG_RAW.test(line) || RE_SYSLOG.test(line);

const isPrompt = (line: string): boolean => RE_NAMED_PROMPT.test(line) || RE_BARE_PROMPT.test(line);

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** What the command joined so far leaves open, updated line by line so joining stays linear. */
interface CommandState {
  doubleQuotes: number;
  singleQuotes: number;
  loopOpen: boolean;
  /** The last physical line, cut to MAX_LINE_CLASSIFY_CHARS. */
  last: string;
}

function addToCommand(state: CommandState | null, line: string): CommandState {
  const probe = line.slice(0, MAX_LINE_CLASSIFY_CHARS);
  const opens = RE_OPEN_LOOP.test(probe);
  const closes = /\bdone\b/.test(probe);
  return {
    doubleQuotes: (state?.doubleQuotes ?? 0) + countOf(line, '"'),
    singleQuotes: (state?.singleQuotes ?? 0) + countOf(line, "'"),
    loopOpen: ((state?.loopOpen ?? false) || opens) && !closes,
    last: probe,
  };
}

/** Whether `next` certainly continues the shell command seen so far (a prompt line, maybe joined). */
function continuesCommand(state: CommandState, next: string): boolean {
  if (next.trim() === '' || isPrompt(next)) return false;
  const end = state.last.trimEnd();
  if (end.endsWith('\\') || end.endsWith('|') || end.endsWith('&&')) return true;
  if (state.doubleQuotes % 2 === 1 || state.singleQuotes % 2 === 1) return true;
  if (state.loopOpen) return true;
  if (end.length < WRAPPED_LINE_CHARS) return false;
  return (
    RE_OPTION_START.test(next) || RE_ASSIGNMENT_START.test(next) || RE_SHELL_OPERATOR.test(next)
  );
}

/** Whether `next` continues the long timestamped log line above it. */
function continuesLogLine(first: string, previous: string, next: string): boolean {
  return (
    hasTimestamp(first) &&
    !hasTimestamp(next) &&
    next.trim() !== '' &&
    previous.trimEnd().length >= WRAPPED_LINE_CHARS
  );
}

/**
 * Rejoin lines a mail client hard-wrapped, where that is certain. In a log block, a line
 * without a timestamp after a long timestamped line (or after its already-joined tail)
 * continues it: `[ 0.000000] Command line: root=/dev/ram0 console=ttyS0` + `hung_task_panic=1`.
 * In a shell block, a prompt line continues while the command is visibly unfinished: a trailing
 * `\`, `|` or `&&`, an open quote or `for` loop, or (after a long line) an option, an
 * assignment or an operator on the next line. Output lines are never joined. Other kinds
 * come back one line each. A `\` continuation loses its backslash, as in the shell itself.
 */
export function joinWrappedLines(kind: BlockKind, lines: readonly string[]): JoinedLine[] {
  const out: JoinedLine[] = [];
  for (let i = 0; i < lines.length;) {
    const first = lines[i]!.slice(0, MAX_LINE_CLASSIFY_CHARS);
    let text = lines[i]!;
    let j = i + 1;
    const joinable = kind === 'log' ? hasTimestamp(first) : kind === 'shell' && isPrompt(first);
    let command = kind === 'shell' ? addToCommand(null, lines[i]!) : null;
    while (joinable && j < lines.length && j - i < MAX_JOINED_LINES) {
      const next = lines[j]!;
      const probe = next.slice(0, MAX_LINE_CLASSIFY_CHARS);
      const joins = command
        ? continuesCommand(command, probe)
        : continuesLogLine(first, lines[j - 1]!, probe);
      if (!joins) break;
      if (command) command = addToCommand(command, next);
      const trimmed = text.trimEnd();
      text = trimmed.endsWith('\\')
        ? `${trimmed.slice(0, -1).trimEnd()} ${next.trimStart()}`
        : `${trimmed} ${next.trimStart()}`;
      j++;
    }
    out.push({ text, from: i, to: j });
    i = j;
  }
  return out;
}
