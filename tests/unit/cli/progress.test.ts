import { describe, expect, it } from 'vitest';
import { createProgress } from '@/cli/progress';

/** A terminal (or not) that records what is written, and a clock the test moves. */
function setup(isTTY: boolean, totalBytes = 1000) {
  const written: string[] = [];
  let t = 50_000;
  const progress = createProgress(totalBytes, {
    stream: { isTTY, write: (text: string) => written.push(text) },
    now: () => t,
  });
  return { progress, written, tick: (ms: number) => (t += ms) };
}

describe('createProgress', () => {
  it('draws messages, msg/s and the ETA from bytes read against the total', () => {
    const { progress, written, tick } = setup(true);
    tick(2000);
    progress.update({ messages: 100, bytes: 250 });
    // 2 s for a quarter of the bytes: 50 msg/s, 6 s to go.
    expect(written).toEqual(['\r[######..................] 100 messages  50 msg/s  ETA 6s   ']);
    tick(6000);
    progress.update({ messages: 400, bytes: 1000 });
    expect(written.at(-1)).toBe('\r[########################] 400 messages  50 msg/s  ETA 0s   ');
    progress.done();
    expect(written.at(-1)).toBe('\n');
  });

  it('redraws at most every 100 ms', () => {
    const { progress, written, tick } = setup(true);
    tick(1000);
    progress.update({ messages: 1, bytes: 1 });
    tick(99);
    progress.update({ messages: 2, bytes: 2 });
    expect(written).toHaveLength(1);
    tick(1);
    progress.update({ messages: 3, bytes: 3 });
    expect(written).toHaveLength(2);
    expect(written[1]).toContain(' 3 messages ');
  });

  it('shows no ETA without a known size, and caps the bar when more is read', () => {
    const unknown = setup(true, 0);
    unknown.tick(1000);
    unknown.progress.update({ messages: 7, bytes: 500 });
    expect(unknown.written).toEqual([
      '\r[........................] 7 messages  7 msg/s  ETA 0s   ',
    ]);
    const over = setup(true, 100);
    over.tick(1000);
    over.progress.update({ messages: 9, bytes: 500 });
    expect(over.written[0]).toContain('[########################] 9 messages');
  });

  it('writes nothing when the stream is not a terminal', () => {
    const { progress, written, tick } = setup(false);
    tick(5000);
    progress.update({ messages: 10, bytes: 10 });
    progress.done();
    expect(written).toEqual([]);
  });
});
