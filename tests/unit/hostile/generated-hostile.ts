/**
 * The hostile inputs too big (or impossible) to commit, written into a temp directory:
 * a single 10 MB line, a 50 MB message, and a directory entry that cannot be read (a dangling symlink and a FIFO: tests run as root, so file
 * permissions would not stop a read). Each message sits between valid neighbours.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LONG_LINE_BYTES = 10 * 1024 * 1024;
export const HUGE_MESSAGE_BYTES = 50 * 1024 * 1024;

const FROM_LINE = 'From hostile@example Mon Jan  1 00:00:00 2024\n';

/** A small valid message, for neighbours. */
export function neighbour(id: string, minute: number): string {
  return (
    `X-Attack: none: the valid neighbour ${id}\nFrom: Neighbour <n@hostile.example>\n` +
    `Date: Tue, 02 Jan 2024 11:${String(minute).padStart(2, '0')}:00 +0000\n` +
    `Subject: neighbour ${id}\nMessage-ID: <${id}@hostile.example>\n\nI am fine.\n`
  );
}

function headers(attack: string, id: string, extra = ''): string {
  return (
    `X-Attack: ${attack}\nFrom: Big <big@hostile.example>\nDate: Tue, 02 Jan 2024 12:00:00 +0000\n` +
    `Subject: ${id}\nMessage-ID: <${id}@hostile.example>\n${extra}\n`
  );
}

/** Write an mbox: neighbour, then `middle` (written by the callback), then neighbour. */
function writeSandwich(file: string, name: string, middle: (fd: number) => void): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, FROM_LINE + neighbour(`${name}-before`, 0) + '\n' + FROM_LINE);
    middle(fd);
    fs.writeSync(fd, '\n' + FROM_LINE + neighbour(`${name}-after`, 1));
  } finally {
    fs.closeSync(fd);
  }
}

/** A new temp directory for generated inputs. */
export function hostileTempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'threadlight-hostile-'));
}

/** The 50 MB message between two neighbours, as `dir/huge-message.mbox`. */
export function writeHugeMessage(dir: string): string {
  const file = path.join(dir, 'huge-message.mbox');
  writeSandwich(file, 'huge-message', (fd) => {
    const head = headers('a 50 MB message', 'huge-message');
    fs.writeSync(fd, head);
    // 64-byte log lines, 1 MB at a time, then one filler line: exactly HUGE_MESSAGE_BYTES.
    const line = '[ 1234.567890] hostile: a log line that is 64 bytes long.......\n';
    const mb = Buffer.from(line.repeat((1024 * 1024) / line.length));
    let left = HUGE_MESSAGE_BYTES - head.length;
    while (left > mb.length) left -= fs.writeSync(fd, mb);
    fs.writeSync(fd, 'y'.repeat(left - 1) + '\n');
  });

  return file;
}

/** Write the other generated inputs into `dir`. */
export function writeGeneratedHostile(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  writeSandwich(path.join(dir, 'long-line.mbox'), 'long-line', (fd) => {
    fs.writeSync(fd, headers('a single 10 MB line', 'long-line'));
    fs.writeSync(fd, Buffer.alloc(LONG_LINE_BYTES, 'x'));
    fs.writeSync(fd, '\n');
  });

  const unreadable = path.join(dir, 'unreadable');
  fs.mkdirSync(unreadable);
  fs.writeFileSync(path.join(unreadable, 'b-readable.eml'), neighbour('readable', 2));
  fs.symlinkSync(path.join(dir, 'does-not-exist'), path.join(unreadable, 'a-dangling-link.mbox'));
  const fifo = spawnSync('mkfifo', [path.join(unreadable, 'c-fifo.mbox')]);
  if (fifo.status !== 0) throw new Error(`mkfifo failed: ${fifo.stderr}`);
}
