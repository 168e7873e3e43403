/**
 * Import command-line paths into one list, each by the reader that fits it: a git
 * repository is a public-inbox epoch (read incrementally), anything else goes to
 * readSources (mbox, .gz, .eml, maildir, archive pages, directory trees).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/store';
import { importGitEpoch, type GitImportSummary } from './import-git-epoch';
import { importStream, type ImportOptions } from './import-stream';
import { readSources } from './read-sources';
import { appendAll } from '../append-all';

export async function importPaths(
  store: Store,
  list: string,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<GitImportSummary> {
  const total: GitImportSummary = { imported: 0, duplicates: 0, rejected: [] };
  const add = (s: GitImportSummary) => {
    total.imported += s.imported;
    total.duplicates += s.duplicates;
    appendAll(total.rejected, s.rejected);
    if (s.hidden) total.hidden = (total.hidden ?? 0) + s.hidden;
  };
  // Neighbouring plain paths share one importStream call, so the list is rethreaded once.
  let plain: string[] = [];
  const flushPlain = async () => {
    if (plain.length) add(await importStream(store, list, readSources(plain), options));
    plain = [];
  };
  for (const p of paths) {
    if (isGitRepository(p)) {
      await flushPlain();
      add(await importGitEpoch(store, list, p, options));
    } else {
      plain.push(p);
    }
  }
  await flushPlain();
  return total;
}

/** A bare or mirror clone (`HEAD` and `objects/`) or a work tree (`.git`, a directory or a file). */
export function isGitRepository(p: string): boolean {
  const stat = (name: string) => fs.statSync(path.join(p, name), { throwIfNoEntry: false });
  try {
    return (
      (!!stat('HEAD')?.isFile() && !!stat('objects')?.isDirectory()) || stat('.git') !== undefined
    );
  } catch {
    return false; // not a directory, or unreadable: readSources reports it
  }
}
