import { MAX_LINE_CLASSIFY_CHARS } from '../limits';
import type { BlockKind } from './classify-blocks';
import { isLogLine } from './classify-line';
import {
  RE_BARE_PROMPT,
  RE_CONSOLE_LINE_START,
  RE_DMESG_RAW,
  RE_DMESG_TIMESTAMP,
  RE_NAMED_PROMPT,
  RE_REPORT_RULE,
  RE_SUBSYSTEM_MESSAGE,
  RE_SYSLOG,
} from './line-patterns';

/** One logical line: the text of `lines[from..to)` joined back together. */
export interface JoinedLine {
  text: string;
  from: number;
  to: number;
}

/**
 * The narrowest width mail clients hard-wrap at (Thunderbird 72; Outlook 76, Gmail 78).
 * A line that could not take the next line's first word within it was wrapped by one.
 */
const MIN_WRAP_COLUMNS = 72;

/** Physical lines one logical line may gather; a bound on what a hostile message can make us join. */
const MAX_JOINED_LINES = 32;

/** printk pads the seconds of a timestamp to this width: `[%5lu.%06lu]`. */
const TIMESTAMP_SECONDS_WIDTH = 5;

// A shell operator that can only continue a command: `< /dev/null`, `| less`, `&& make`, `; done`
const RE_SHELL_OPERATOR = /[<>|;]|&&/;
// An option or a quoted argument opening a continuation: `-initrd $KPATH/initrd.img`, `"root=/dev/ram0`
const RE_OPTION_START = /^(?:--?[A-Za-z]|")/;
// An assignment continuing a command list: `MAKE_OPTS="CC=$COMPILER HOSTCC=$COMPILER"`
const RE_ASSIGNMENT_START = /^[A-Za-z_]\w{0,100}=/;
// A loop opened and not yet closed on the command line: `for p in a b ; do echo $p`
const RE_OPEN_LOOP = /(?:^|[\s;$#])(?:for|while|until) \S/;
// A timestamp whose padding an archive collapsed to one space: `[ 0.004000]` (was `[    0.004000]`)
const RE_COLLAPSED_TIMESTAMP = /^\[ (\d{1,4})\./;

const hasTimestamp = (line: string): boolean =>
  RE_DMESG_TIMESTAMP.test(line) || RE_DMESG_RAW.test(line) || RE_SYSLOG.test(line);

const isPrompt = (line: string): boolean => RE_NAMED_PROMPT.test(line) || RE_BARE_PROMPT.test(line);

/**
 * Whether a line starts a console line of its own: a timestamp, an oops or splat line, a
 * `subsystem: message` line, or one printed without a timestamp (`Memory KASLR using
 * RDTSC...`). Such a line is never taken for the tail of the line above it.
 */
function startsConsoleLine(line: string): boolean {
  const s = line.trimEnd();
  return (
    isLogLine(s) ||
    RE_SUBSYSTEM_MESSAGE.test(s) ||
    RE_CONSOLE_LINE_START.test(s) ||
    RE_REPORT_RULE.test(s)
  );
}

/**
 * How many columns a line took in the sender's client when it was wrapped: its quote
 * markers (at their narrowest, `>>> ` for depth 3) and the padding of a timestamp an
 * archive collapsed (`[ 0.004000]` was `[    0.004000]`).
 */
export function sentWidth(line: string, depth: number): number {
  const markers = depth > 0 ? depth + 1 : 0;
  const collapsed = RE_COLLAPSED_TIMESTAMP.exec(line);
  const padding = collapsed ? TIMESTAMP_SECONDS_WIDTH - collapsed[1]!.length - 1 : 0;
  return markers + padding + line.trimEnd().length;
}

/** Whether `previous` could not have held the first word of `next` without passing the wrap width. */
function overflows(previous: string, next: string, depth: number): boolean {
  const word = next.trimStart().split(/\s/, 1)[0] ?? '';
  return word !== '' && sentWidth(previous, depth) + 1 + word.length > MIN_WRAP_COLUMNS;
}

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
function continuesCommand(state: CommandState, next: string, depth: number): boolean {
  if (next.trim() === '' || isPrompt(next)) return false;
  const end = state.last.trimEnd();
  if (end.endsWith('\\') || end.endsWith('|') || end.endsWith('&&')) return true;
  if (state.doubleQuotes % 2 === 1 || state.singleQuotes % 2 === 1) return true;
  if (state.loopOpen) return true;
  if (!overflows(end, next, depth)) return false;
  return (
    RE_OPTION_START.test(next) || RE_ASSIGNMENT_START.test(next) || RE_SHELL_OPERATOR.test(next)
  );
}

/**
 * Whether `next` continues the timestamped log line joined so far, whose last physical line
 * is `previous`: it has no timestamp, does not start a console line of its own, and its
 * first word would not have fitted after `previous` in the sender's client.
 */
function continuesLogLine(previous: string, next: string, depth: number): boolean {
  return next.trim() !== '' && !startsConsoleLine(next) && overflows(previous, next, depth);
}

/**
 * Rejoin lines a mail client hard-wrapped, where that is certain. In a log block, a line
 * after a timestamped line (or after its already-joined tail) continues it when the line
 * above could not have held its first word within the wrap width, counting the quote
 * markers of `depth` and a timestamp padding the archive collapsed, and when it does not
 * look like a console line itself (a timestamp, an oops line, `Memory KASLR using
 * RDTSC...`): `[ 0.000000] Command line: root=/dev/ram0 console=ttyS0` + `hung_task_panic=1`.
 * In a shell block, a prompt line continues while the command is visibly unfinished: a
 * trailing `\`, `|` or `&&`, an open quote or `for` loop, or (after a line that was full)
 * an option, an assignment or an operator on the next line. Output lines are never joined.
 * Other kinds come back one line each. A `\` continuation loses its backslash, as in the
 * shell itself. `depth` is the quote depth the lines were sent at (Segment.depth).
 */
export function joinWrappedLines(
  kind: BlockKind,
  lines: readonly string[],
  depth: number,
): JoinedLine[] {
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
      const previous = lines[j - 1]!.slice(0, MAX_LINE_CLASSIFY_CHARS);
      const joins = command
        ? continuesCommand(command, probe, depth)
        : continuesLogLine(previous, probe, depth);
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
