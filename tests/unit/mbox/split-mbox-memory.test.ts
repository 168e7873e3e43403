/**
 * The splitter must stream: memory bounded by one message, not by the file.
 * 10,000 generated messages (~20 MB) go through while heap + buffer memory is sampled.
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { splitMbox } from '../../../lib/mbox/split-mbox';

const COUNT = 10_000;
const MB = 1024 * 1024;

// Expose the collector without a command-line flag, so samples measure live memory only.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function liveBytes(): number {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function message(i: number): string {
  const body = `line of message ${i} padded to look like real mail text, more or less.\n`.repeat(
    30,
  );
  return (
    `From mboxrd@z Thu Jan  1 00:00:00 1970\nMessage-ID: <${i}@gen>\nSubject: m${i}\n\n` +
    `${body}>From escaped\n\n`
  );
}

/** Write the test mbox; returns its size. The text goes out of scope before measuring. */
function writeMbox(path: string): number {
  const parts: string[] = [];
  for (let i = 1; i <= COUNT; i++) parts.push(message(i));
  const text = parts.join('');
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

describe('splitMbox memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'threadlight-mem-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('streams 10,000 messages in order while live memory stays far below the file size', async () => {
    const path = join(dir, 'big.mbox');
    const fileSize = writeMbox(path);

    const baseline = liveBytes();
    let peak = 0;
    let seen = 0;
    const wrong: string[] = [];
    for await (const item of splitMbox(createReadStream(path, { highWaterMark: 64 * 1024 }))) {
      seen++;
      if ('problem' in item) {
        wrong.push(`problem at line ${item.line}: ${item.reason}`);
        continue;
      }
      const head = item.raw.toString('latin1', 0, 40);
      if (item.index !== seen || !head.startsWith(`Message-ID: <${seen}@gen>`)) {
        wrong.push(`item ${seen}: index ${item.index}, ${head}`);
      }
      if (seen % 500 === 0) peak = Math.max(peak, liveBytes() - baseline);
    }

    expect(fileSize).toBeGreaterThan(20 * MB);
    expect(wrong).toEqual([]);
    expect(seen).toBe(COUNT);
    // Holding the file (or every message) would add > 20 MB; streaming needs a few chunks.
    expect(peak).toBeLessThan(4 * MB);
  });
});
