/**
 * Import throughput: `threadlight import MBOX --list bench --db DB --json` as a user runs it
 * (parse, thread, segment, highlight and the search index all included), timed from spawn to
 * exit, with the process's peak RSS and the database's size afterwards. DB is a SQLite file
 * or a PostgreSQL URL; for the latter the caller says how to size it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { diskBytes, timedRun } from './proc';

export interface ImportFigures {
  imported: number;
  duplicates: number;
  rejected: number;
  wallMs: number;
  messagesPerSecond: number;
  /** User + system CPU seconds of the import (children included). */
  cpuMs: number;
  peakRssBytes: number;
  rssSource: string;
  peakGroupRssBytes: number;
  dbBytes: number;
  bytesPerMessage: number;
}

export async function benchImport(
  root: string,
  opts: {
    file: string;
    list: string;
    db: string;
    /** The database's bytes after the import; default: the SQLite file with its WAL. */
    bytes?: () => Promise<number>;
  },
): Promise<ImportFigures> {
  const cli = path.join(root, 'bin', 'threadlight.mjs');
  const run = await timedRun(
    process.execPath,
    [cli, 'import', opts.file, '--list', opts.list, '--db', opts.db, '--json'],
    { cwd: root },
  );
  const line = run.stdout.trim().split('\n').pop() ?? '';
  let summary: { imported?: number; duplicates?: number; rejected?: unknown[] } = {};
  try {
    summary = JSON.parse(line) as typeof summary;
  } catch {
    throw new Error(`import failed (exit ${run.code}): ${run.stderr.slice(-2000) || line}`);
  }
  const imported = summary.imported ?? 0;
  const dbBytes = opts.bytes
    ? await opts.bytes()
    : ['', '-wal', '-shm'].reduce((s, ext) => s + diskBytes(opts.db + ext), 0);
  return {
    imported,
    duplicates: summary.duplicates ?? 0,
    rejected: summary.rejected?.length ?? 0,
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    messagesPerSecond: imported / (run.wallMs / 1000),
    peakRssBytes: run.peakRssBytes,
    rssSource: run.rssSource,
    peakGroupRssBytes: run.peakGroupRssBytes,
    dbBytes,
    bytesPerMessage: imported ? dbBytes / imported : NaN,
  };
}

/** A fresh database path (the file and its WAL removed), its folder created. */
export function freshDb(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const ext of ['', '-wal', '-shm']) fs.rmSync(file + ext, { force: true });
  return file;
}
