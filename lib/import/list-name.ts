import path from 'node:path';
import { ThreadlightError } from '../errors';

// `linux-sparse`, `lkml`, `linux-sparse.vger.kernel.org.0`: safe in URLs and file names.
const RE_LIST_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Top-level routes of the web app: a list cannot take their names. */
const RESERVED = new Set(['r', 'search', 'upload', 'api', '_next', 'favicon.ico', 'robots.txt']);

export function isValidListName(name: string): boolean {
  return RE_LIST_NAME.test(name) && !RESERVED.has(name);
}

export function validateListName(name: string): void {
  if (!isValidListName(name)) {
    throw new ThreadlightError(
      `invalid list name '${name}': use 1-64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit, and none of ${[...RESERVED].join(', ')}`,
    );
  }
}

/**
 * A list name from a path: `~/mail/linux-sparse.mbox.gz` → `linux-sparse`. A lore epoch
 * cloned as lore publishes it (`git clone --mirror https://lore.kernel.org/<list>/0`) is
 * `…/<list>/0.git` or `…/<list>/git/0.git`: the list is the folder above the epoch.
 */
export function defaultListName(p: string): string {
  const parts = path.resolve(p).split(path.sep).filter(Boolean);
  let i = parts.length - 1;
  if (/^\d+(\.git)?$/.test(parts[i] ?? '')) i--; // the epoch number
  if (parts[i] === 'git' && i < parts.length - 1) i--; // public-inbox's `git/` folder
  const base = (parts[i] ?? '')
    .replace(/\.git$/, '')
    .toLowerCase()
    .replace(/\.(mbox|mboxrd|eml|txt)?(\.gz)?$/, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 64);
  return base || 'inbox';
}
