/**
 * Build public-inbox v2 epochs in the test: a bare repository whose commits each
 * hold one blob, `m` (message added) or `d` (message deleted), written with
 * `git fast-import` so thousands of commits take one process.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type EpochEvent = { add: Buffer } | { remove: Buffer } | { other: Buffer };

const git = (dir: string, args: string[], input?: Buffer) =>
  execFileSync('git', ['-C', dir, ...args], { input, maxBuffer: 1 << 30 })
    .toString()
    .trim();

const created: string[] = [];

/** A fresh temporary directory, removed by removeTempDirs(). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Remove every directory tempDir() and makeEpoch() made (call from afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh, empty bare repository under the system temp directory. */
export function makeEpoch(prefix = 'tl-epoch-'): string {
  const dir = path.join(tempDir(prefix), '0.git');
  execFileSync('git', ['init', '-q', '--bare', '--initial-branch=master', dir]);
  return dir;
}

let clock = 1_557_174_609;

/** Append one commit per event on master; returns the new commits' names, oldest first. */
export function appendCommits(dir: string, events: EpochEvent[]): string[] {
  const parent = headOf(dir);
  const parts: Buffer[] = [];
  const data = (bytes: Buffer) =>
    parts.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'));
  events.forEach((event, i) => {
    const [name, blob] =
      'add' in event
        ? ['m', event.add]
        : 'remove' in event
          ? ['d', event.remove]
          : ['x', event.other];
    const who = `T <t@example.org> ${clock++} +0000`;
    parts.push(Buffer.from(`commit refs/heads/master\nauthor ${who}\ncommitter ${who}\n`));
    data(Buffer.from(`${name} ${i}`));
    if (i === 0 && parent) parts.push(Buffer.from(`from ${parent}\n`));
    parts.push(Buffer.from(`deleteall\nM 100644 inline ${name}\n`));
    data(blob);
  });
  git(dir, ['fast-import', '--quiet'], Buffer.concat(parts));
  const all = git(dir, ['rev-list', '--reverse', 'HEAD']).split('\n');
  return all.slice(all.length - events.length);
}

/** The commit HEAD points to, or null for an empty repository. */
export function headOf(dir: string): string | null {
  try {
    return git(dir, ['rev-parse', '--verify', '-q', 'HEAD']);
  } catch {
    return null;
  }
}
