/**
 * A one-line progress bar on stderr, only when stderr is a terminal: messages,
 * messages/s and an ETA from the bytes read so far against the input's size.
 */
export function createProgress(totalBytes: number) {
  const tty = process.stderr.isTTY;
  const started = Date.now();
  let lastDraw = 0;
  return {
    update({ messages, bytes }: { messages: number; bytes: number }) {
      const now = Date.now();
      if (!tty || now - lastDraw < 100) return;
      lastDraw = now;
      const secs = (now - started) / 1000;
      const rate = secs > 0 ? messages / secs : 0;
      const frac = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 0;
      const eta = frac > 0 ? Math.max(0, secs / frac - secs) : 0;
      const width = 24;
      const bar = '#'.repeat(Math.round(frac * width)).padEnd(width, '.');
      process.stderr.write(
        `\r[${bar}] ${messages} messages  ${rate.toFixed(0)} msg/s  ETA ${eta.toFixed(0)}s   `,
      );
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}
