import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { ThreadlightError } from '../../lib/errors';
import { withStore } from '../with-store';
import { importPaths, isGitRepository } from '../../lib/import/import-paths';
import { defaultListName, validateListName } from '../../lib/import/list-name';
import { createParsePool, defaultWorkerCount } from '../../lib/import/parse-pool';
import { createProgress } from '../progress';

export async function runImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      list: { type: 'string' },
      json: { type: 'boolean', default: false },
      db: { type: 'string' },
      workers: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new ThreadlightError('give at least one file or directory');
  const list = values.list ?? defaultListName(positionals[0]!);
  validateListName(list);
  // A git epoch's packed size says nothing about its message bytes: leave it out of the ETA.
  const totalBytes = positionals.reduce((sum, p) => sum + (isGitRepository(p) ? 0 : sizeOf(p)), 0);
  const progress = values.json ? undefined : createProgress(totalBytes);
  const workers = values.workers === undefined ? defaultWorkerCount() : workerCount(values.workers);
  const pool = workers > 0 ? await createParsePool(workers) : undefined;
  let summary;
  try {
    summary = await withStore(values.db, (store) =>
      importPaths(store, list, positionals, {
        ...(progress ? { onProgress: progress.update } : {}),
        ...(pool ? { preparer: pool } : {}),
      }),
    );
  } finally {
    await pool?.close();
  }
  progress?.done();
  if (values.json) {
    process.stdout.write(JSON.stringify(summary) + '\n');
  } else {
    const out = [
      `list ${list}: imported ${summary.imported}, duplicates skipped ${summary.duplicates}, rejected ${summary.rejected.length}` +
        (summary.hidden ? `, hidden ${summary.hidden}` : ''),
      ...summary.rejected.map((r) => `  rejected ${r.source}: ${r.position}: ${r.reason}`),
    ];
    process.stdout.write(out.join('\n') + '\n');
  }
  return summary.rejected.length > 0 ? 1 : 0;
}

/** `--workers N`: parse threads beside the one storing; 0 parses in-process. */
function workerCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 64) {
    throw new ThreadlightError(`--workers must be a whole number from 0 to 64, not ${value}`);
  }
  return n;
}

/** Bytes under a path, for the progress ETA (0 where it cannot be read: the reader reports it). */
function sizeOf(p: string): number {
  try {
    const st = fs.statSync(p);
    if (st.isFile()) return st.size;
    if (!st.isDirectory()) return 0;
    return fs.readdirSync(p).reduce((sum, name) => sum + sizeOf(path.join(p, name)), 0);
  } catch {
    return 0;
  }
}
