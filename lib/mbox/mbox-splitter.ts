/**
 * The push-based state machine behind splitMbox: feed it chunks, get back the
 * messages (and problems) they complete. Memory stays bounded by one message
 * plus one chunk: bytes are kept only as slices of the current message, a partial
 * line carried between chunks is capped, and oversize messages are dropped.
 *
 * A `From ` line separates messages on line 1, after a blank line (when it looks like
 * a From_ line), or, with no blank line before it, when it is a strict asctime From_
 * line and the next line is a header field: git's own sample.mbox (t5100) runs a
 * message straight into the next after `1.5.6.5` or a diff line, and git mailsplit
 * splits there too. That needs one line of lookahead: the candidate line (at most
 * MAX_FROM_LINE_CHARS bytes) is held back until the next line decides.
 */
import { MAX_FROM_LINE_CHARS, MAX_MESSAGE_BYTES } from '../limits';
import {
  fromLineText,
  isAsctimeFromLine,
  isEscapedFrom,
  isHeaderFieldLine,
  isStrictFromLine,
  startsWithFrom,
} from './from-line';

/** One message cut out of an mbox. `raw` has no From_ line, `>From ` unescaped. */
export interface MboxEntry {
  raw: Buffer;
  /** 1-based position of the message in the file (skipped oversize ones count too). */
  index: number;
  /** 1-based line number of the message's From_ line. */
  line: number;
  /** The From_ line without its line ending, e.g. `From mboxrd@z Thu Jan  1 00:00:00 1970`. */
  fromLine: string;
}

/** Something in the mbox that is not a usable message (junk, oversize message...). */
export interface MboxProblem {
  problem: true;
  /** 1-based line where the problem starts. */
  line: number;
  /** The message it concerns, when it concerns one. */
  index?: number;
  reason: string;
}

export type MboxItem = MboxEntry | MboxProblem;

export interface SplitMboxOptions {
  /** Largest message kept; defaults to MAX_MESSAGE_BYTES. Tests lower it. */
  maxMessageBytes?: number;
}

const LF = 0x0a;
const CR = 0x0d;

type Mode = 'junk' | 'message' | 'skip';

/** A From_ line met without a blank line before it, until the next line says what it is. */
interface PendingFrom {
  /** Its bytes with the line ending: message content after all if no header follows. */
  bytes: Buffer;
  line: number;
  text: string;
}

export class MboxSplitter {
  private readonly max: number;
  private mode: Mode = 'junk';
  private lineNo = 0;
  private prevBlank = false;
  private prevLineLen = 0;
  /** The current line began in an earlier chunk and was already classified. */
  private midLine = false;
  /** ...and it was a From_ line, so the rest of it is not message content. */
  private dropRest = false;
  private carry: Buffer | null = null;
  private count = 0;
  private parts: Buffer[] = [];
  private size = 0;
  private msgLine = 0;
  private fromLine = '';
  private junkLines = 0;
  private junkFirstLine = 0;
  private pending: PendingFrom | null = null;
  private out: MboxItem[] = [];

  constructor(options: SplitMboxOptions = {}) {
    this.max = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  }

  /** Feed the next chunk; returns the items it completed. */
  push(chunk: Buffer): MboxItem[] {
    const region = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    this.scan(region, false);
    return this.take();
  }

  /** Signal end of input; returns the last message (truncated or not) and any problem. */
  end(): MboxItem[] {
    if (this.carry) this.scan(this.carry, true);
    this.carry = null;
    // Nothing follows a held-back From_ line, so no header does: it was body text.
    if (this.pending) this.settlePending(false);
    if (this.mode === 'message' && this.size > this.max) this.dropOversize();
    if (this.mode === 'junk' && this.junkFirstLine > 0) {
      this.out.push({
        problem: true,
        line: this.junkFirstLine,
        reason: `no "From " separator line found; ${this.junkLines} lines skipped`,
      });
      this.junkFirstLine = 0;
    }
    this.finish();
    return this.take();
  }

  private take(): MboxItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }

  private scan(region: Buffer, final: boolean): void {
    const len = region.length;
    let pos = 0;
    let run = 0; // start of bytes not yet copied into `parts`
    while (pos < len) {
      const nl = region.indexOf(LF, pos);
      const end = nl === -1 ? len : nl + 1;
      if (this.midLine) {
        if (this.dropRest) run = end;
        if (nl !== -1) this.midLine = this.dropRest = false;
      } else {
        if (nl === -1 && !final) {
          if (len - pos < MAX_FROM_LINE_CHARS) {
            // Too short to classify safely yet: wait for the rest of the line.
            this.carry = Buffer.from(region.subarray(pos));
            break;
          }
          // A huge line (binary junk): classify its head now, stream the rest.
          this.midLine = true;
        }
        run = this.line(region, pos, end, run);
      }
      if (this.mode !== 'message') {
        run = end;
      } else if (this.size + (end - run) > this.max) {
        this.dropOversize();
        run = end;
      }
      pos = end;
    }
    this.flush(region, run, pos);
  }

  /** Classify one line starting at `pos`; returns the new run start. */
  private line(region: Buffer, pos: number, end: number, run: number): number {
    this.lineNo++;
    const lineLen = end - pos;
    // The held-back From_ line's bytes were never in `run`: this line starts afresh.
    if (this.pending) run = this.settlePending(isHeaderFieldLine(region, pos, end), pos);
    let nextRun = run;
    this.dropRest = false;
    const from = startsWithFrom(region, pos, end);
    if (from && this.isSeparator(region, pos, end)) {
      this.dropRest = true;
      this.flush(region, run, pos);
      this.finish();
      this.startMessage(this.lineNo, fromLineText(region, pos, end));
      nextRun = end;
    } else if (from && this.isCandidate(region, pos, end)) {
      this.flush(region, run, pos);
      this.pending = {
        bytes: Buffer.from(region.subarray(pos, end)),
        line: this.lineNo,
        text: fromLineText(region, pos, end),
      };
      nextRun = end;
    } else if (this.mode === 'message' && isEscapedFrom(region, pos, end)) {
      // mboxrd: `>>From ` was `>From `, `>From ` was `From `.
      this.flush(region, run, pos);
      nextRun = pos + 1;
    } else if (this.mode === 'junk') {
      this.junkLines++;
      if (this.junkFirstLine === 0 && !isBlank(region, pos, end)) this.junkFirstLine = this.lineNo;
    }
    this.prevBlank =
      (lineLen === 1 && region[pos] === LF) ||
      (lineLen === 2 && region[pos] === CR && region[pos + 1] === LF);
    this.prevLineLen = lineLen;
    return nextRun;
  }

  private isSeparator(region: Buffer, pos: number, end: number): boolean {
    // Line 1 may be any `From ` line (fuzzed and hand-made mboxes use `From lib`).
    if (this.lineNo === 1) return true;
    // Elsewhere only after a blank line, and only if it looks like a From_ line:
    // mboxo leaves prose such as `From my point of view...` unescaped.
    if (this.mode !== 'junk' && !this.prevBlank) return false;
    return isStrictFromLine(fromLineText(region, pos, end));
  }

  /**
   * A From_ line with no blank line before it that may still separate messages: strict
   * asctime, whole (with its line ending) and short, so holding it back costs at most
   * MAX_FROM_LINE_CHARS bytes and never depends on where chunks end.
   */
  private isCandidate(region: Buffer, pos: number, end: number): boolean {
    if (this.mode === 'junk' || end - pos > MAX_FROM_LINE_CHARS || region[end - 1] !== LF) {
      return false;
    }
    return isAsctimeFromLine(fromLineText(region, pos, end));
  }

  /**
   * Decide the held-back From_ line: a separator when a header field follows it, else
   * body text of the current message. Returns where the next line's bytes start.
   */
  private settlePending(headerFollows: boolean, pos = 0): number {
    const p = this.pending!;
    this.pending = null;
    if (headerFollows) {
      // The From_ line was not blank, so finish() trims nothing from the message before.
      this.finish();
      this.startMessage(p.line, p.text);
    } else if (this.mode === 'message') {
      this.parts.push(p.bytes);
      this.size += p.bytes.length;
    }
    return pos;
  }

  private startMessage(line: number, fromLine: string): void {
    this.count++;
    this.mode = 'message';
    this.msgLine = line;
    this.fromLine = fromLine;
  }

  private dropOversize(): void {
    this.out.push({
      problem: true,
      line: this.msgLine,
      index: this.count,
      reason: `message is larger than ${this.max} bytes; skipped`,
    });
    this.parts = [];
    this.size = 0;
    this.mode = 'skip';
  }

  private flush(region: Buffer, from: number, to: number): void {
    if (this.mode !== 'message' || to <= from) return;
    this.parts.push(region.subarray(from, to));
    this.size += to - from;
  }

  /** Emit the current message, minus the blank line that separates it from the next. */
  private finish(): void {
    if (this.mode === 'junk' && this.junkFirstLine > 0) {
      this.out.push({
        problem: true,
        line: this.junkFirstLine,
        reason: `${this.junkLines} lines before the first "From " separator line skipped`,
      });
      this.junkFirstLine = 0;
    }
    if (this.mode !== 'message') return;
    let raw = Buffer.concat(this.parts, this.size);
    if (this.prevBlank && raw.length >= this.prevLineLen) {
      raw = raw.subarray(0, raw.length - this.prevLineLen);
    }
    this.parts = [];
    this.size = 0;
    if (raw.length === 0) {
      this.out.push({
        problem: true,
        line: this.msgLine,
        index: this.count,
        reason: 'empty message',
      });
    } else {
      this.out.push({ raw, index: this.count, line: this.msgLine, fromLine: this.fromLine });
    }
  }
}

/** Whitespace only (in the first MAX_FROM_LINE_CHARS bytes, for chunking independence). */
function isBlank(buf: Buffer, pos: number, end: number): boolean {
  const stop = Math.min(end, pos + MAX_FROM_LINE_CHARS);
  for (let i = pos; i < stop; i++) {
    const b = buf[i];
    if (b !== 0x20 && b !== 0x09 && b !== CR && b !== LF) return false;
  }
  return true;
}
