/**
 * Which mbox the run measures: `--mbox PATH` as given; else the team's realistic generator
 * (/work/shared/tools/gen-mbox.mjs) when this machine has it; else bench/gen-mbox.ts. The
 * choice is printed, since figures from different generators are not comparable.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateMbox } from './gen-mbox';

export const SHARED_GENERATOR = '/work/shared/tools/gen-mbox.mjs';

export interface MboxSource {
  file: string;
  messages: number;
  bytes: number;
  generator: string;
}

/**
 * Messages in an mbox: lines starting "From " (mboxrd escapes them in bodies). Streams in
 * chunks, since a 1 GB mbox does not fit in one string.
 */
export function countMessages(file: string): number {
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  const needle = Buffer.from('\nFrom ');
  let count = 0;
  let carry = Buffer.from('\n'); // the file's start counts as a line start
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    const chunk = Buffer.concat([carry, buf.subarray(0, n)]);
    for (let i = chunk.indexOf(needle); i >= 0; i = chunk.indexOf(needle, i + 1)) count++;
    carry = chunk.subarray(Math.max(0, chunk.length - (needle.length - 1)));
  }
  fs.closeSync(fd);
  return count;
}

export function prepareMbox(opts: {
  mbox?: string;
  messages: number;
  seed: number;
  outDir: string;
}): MboxSource {
  if (opts.mbox) {
    const bytes = fs.statSync(opts.mbox).size;
    const messages = countMessages(opts.mbox);
    return { file: opts.mbox, messages, bytes, generator: `given: ${opts.mbox}` };
  }
  // Ten messages a thread on average, like gen-mbox.mjs's own example.
  const threads = Math.max(1, Math.round(opts.messages / 10));
  const shared = fs.existsSync(SHARED_GENERATOR);
  const tag = shared ? 'shared' : 'own';
  const file = path.join(opts.outDir, `gen-${tag}-${opts.messages}-s${opts.seed}.mbox`);
  const generator = shared
    ? `${SHARED_GENERATOR} --messages ${opts.messages} --threads ${threads} --seed ${opts.seed}`
    : `bench/gen-mbox.ts (messages ${opts.messages}, threads ${threads}, seed ${opts.seed})`;
  if (!fs.existsSync(file)) {
    const tmp = `${file}.partial`;
    if (shared) {
      const args = ['--messages', String(opts.messages), '--threads', String(threads)];
      execFileSync(process.execPath, [SHARED_GENERATOR, ...args, '--seed', String(opts.seed)], {
        stdio: ['ignore', fs.openSync(tmp, 'w'), 'inherit'],
      });
    } else {
      generateMbox(tmp, { messages: opts.messages, threads, seed: opts.seed });
    }
    fs.renameSync(tmp, file);
  }
  return { file, messages: opts.messages, bytes: fs.statSync(file).size, generator };
}
