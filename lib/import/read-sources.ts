/**
 * The Read stage: paths (mbox files, .gz, single messages, archive pages, maildirs,
 * directory trees) in, raw messages out, in a deterministic order. Anything that
 * cannot be read is reported as a problem naming the path, and reading carries on.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadProblem } from '../types';
import { type ReadItem, describeError, readStream } from './read-stream';

export type { ReadItem } from './read-stream';

/** Chunk size for file reads: large enough for speed, small enough to bound memory. */
const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Yield every message found under `paths`, in argument order; directories are
 * walked recursively in sorted name order, skipping dotfiles and maildir `tmp/`.
 */
export async function* readSources(paths: string[]): AsyncGenerator<ReadItem> {
  const seen = new Set<string>();
  for (const path of paths) yield* readPath(path, seen);
}

/** The same as readSources for bytes already in memory (an upload, pasted text). */
export async function* readBuffer(buf: Buffer, source: string): AsyncGenerator<ReadItem> {
  yield* readStream(once(buf), source);
}

async function* once(buf: Buffer): AsyncGenerator<Buffer> {
  yield buf;
}

async function* readPath(path: string, seen: Set<string>): AsyncGenerator<ReadItem> {
  let info;
  try {
    info = await stat(path); // follows symlinks: a dangling one is ENOENT
  } catch (error) {
    yield cannotRead(path, error);
    return;
  }
  if (info.isDirectory()) {
    // A symlink back up the tree would otherwise make us walk forever.
    const key = `${info.dev}:${info.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    yield* readDirectory(path, seen);
  } else if (info.isFile()) {
    yield* readFile(path);
  } else {
    // FIFOs, sockets and devices: reading them could block forever or never end.
    yield { problem: { source: path, position: 'file', reason: 'not a regular file' } };
  }
}

async function* readDirectory(path: string, seen: Set<string>): AsyncGenerator<ReadItem> {
  let names: string[];
  try {
    names = await readdir(path);
  } catch (error) {
    yield cannotRead(path, error);
    return;
  }
  // Code-unit order, not locale order, so every machine reads in the same order.
  names = names.filter((name) => !name.startsWith('.')).sort();
  // Maildir: tmp/ holds deliveries still being written, not messages.
  const isMaildir = names.includes('cur') && names.includes('new');
  for (const name of names) {
    if (isMaildir && name === 'tmp') continue;
    yield* readPath(join(path, name), seen);
  }
}

async function* readFile(path: string): AsyncGenerator<ReadItem> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    yield cannotRead(path, error);
    return;
  }
  try {
    const stream = handle.createReadStream({ highWaterMark: READ_CHUNK_BYTES, autoClose: false });
    yield* readStream(stream, path);
  } finally {
    await handle.close().catch(() => {});
  }
}

function cannotRead(path: string, error: unknown): { problem: ReadProblem } {
  return {
    problem: { source: path, position: 'file', reason: `cannot read: ${describeError(error)}` },
  };
}
