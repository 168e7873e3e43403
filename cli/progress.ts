/** Where the bar is drawn, and the clock it is timed by: stderr and Date.now, or test doubles. */
export interface ProgressOptions {
  stream?: { isTTY?: boolean; write(text: string): unknown };
  now?: () => number;
}

/** Least time between two redraws (ms): a fast import must not spend itself on drawing. */
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

/**
 * A one-line progress bar on stderr, only when stderr is a terminal: messages,
 * messages/s and an ETA from the bytes read so far against the input's size.
 */
export function createProgress(totalBytes: number, options: ProgressOptions = {}) {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const tty = stream.isTTY === true;
  const started = now();
  let lastDraw = 0;
  return {
    update({ messages, bytes }: { messages: number; bytes: number }) {
      const t = now();
      if (!tty || t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      stream.write(`\r${progressLine(totalBytes, messages, bytes, (t - started) / 1000)}   `);
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}

/** `[######..] 120 messages  40 msg/s  ETA 9s` after `secs` seconds. */
export function progressLine(
  totalBytes: number,
  messages: number,
  bytes: number,
  secs: number,
): string {
  const rate = secs > 0 ? messages / secs : 0;
  const frac = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 0;
  const eta = frac > 0 ? Math.max(0, secs / frac - secs) : 0;
  const bar = '#'.repeat(Math.round(frac * BAR_WIDTH)).padEnd(BAR_WIDTH, '.');
  return `[${bar}] ${messages} messages  ${rate.toFixed(0)} msg/s  ETA ${eta.toFixed(0)}s`;
}
