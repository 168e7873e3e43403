/**
 * Kill `threadlight import` with SIGKILL at random points, re-run it, and check the
 * database: nothing missing, nothing doubled, everything threaded, `check` passes.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type EpochEvent,
  appendCommits,
  headOf,
  makeEpoch,
  removeTempDirs,
  tempDir,
} from './epoch-helpers';
import { THREAD_SIZE, syntheticMbox, syntheticMessage } from './synthetic-mail';

afterAll(removeTempDirs);

const ROOT = path.join(import.meta.dirname, '../../..');
const CLI = path.join(ROOT, 'bin/threadlight.mjs');
const COUNT = 3000;

/** Rows in the messages table, read as another process would (0 before the schema exists). */
function stored(dbFile: string, sql = 'SELECT COUNT(*) FROM messages'): number {
  if (!fs.existsSync(dbFile)) return 0;
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(sql).pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const exited = (child: ChildProcess) =>
  new Promise<void>((r) =>
    child.exitCode !== null || child.signalCode ? r() : child.on('exit', () => r()),
  );

type KillAt = { afterMs: number } | { afterGrowthMs: number };

/**
 * Run an import and SIGKILL it at `at` (unless it finishes first): the rows stored before
 * and after, and a log line.
 */
async function killedRun(
  args: string[],
  dbFile: string,
  at: KillAt,
): Promise<{ before: number; after: number; line: string }> {
  const before = stored(dbFile);
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: 'ignore' });
  const done = exited(child);
  let finished = false;
  void done.then(() => (finished = true));
  if ('afterMs' in at) {
    await Promise.race([sleep(at.afterMs), done]);
  } else {
    // Watch the database grow so the kill lands mid-import, then wait a little more.
    while (!finished && stored(dbFile) <= before) await sleep(10);
    await Promise.race([sleep(at.afterGrowthMs), done]);
  }
  const how = finished ? `finished (exit ${child.exitCode})` : 'killed';
  if (!finished) child.kill('SIGKILL');
  await done;
  const after = stored(dbFile);
  return {
    before,
    after,
    line: `${JSON.stringify(at)}: ${how} after ${Date.now() - started} ms, ${before} -> ${after}`,
  };
}

/** Random kill points: two chosen by watching the database, two by elapsed time. */
function killPoints(): KillAt[] {
  const rand = (lo: number, hi: number) => Math.round(lo + Math.random() * (hi - lo));
  return [
    { afterGrowthMs: rand(0, 80) },
    { afterMs: rand(300, 1500) },
    { afterGrowthMs: rand(0, 200) },
    { afterMs: rand(800, 2500) },
  ];
}

/**
 * Kill several runs, then run to completion; returns the final summary and the run log.
 * Rows stored never go away: the count never drops, within a run or from one to the next.
 */
async function importWithKills(args: string[], dbFile: string, afterKill?: () => void) {
  const log: string[] = [];
  let seen = 0;
  for (const at of killPoints()) {
    const run = await killedRun(args, dbFile, at);
    log.push(run.line);
    expect(run.before, log.join('\n')).toBeGreaterThanOrEqual(seen);
    expect(run.after, log.join('\n')).toBeGreaterThanOrEqual(run.before);
    seen = run.after;
    afterKill?.();
  }
  const before = stored(dbFile);
  expect(before, log.join('\n')).toBeGreaterThanOrEqual(seen);
  const final = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  expect(final.status, `${final.stderr}\n${log.join('\n')}`).toBe(0);
  expect(stored(dbFile), log.join('\n')).toBeGreaterThanOrEqual(before);
  return { summary: JSON.parse(final.stdout) as Record<string, unknown>, before, log };
}

function expectSound(dbFile: string, visible: number, log: string[]) {
  const db = new Database(dbFile, { readonly: true });
  const q = (sql: string) => db.prepare(sql).pluck().get() as number;
  expect(q('SELECT COUNT(*) FROM messages WHERE hidden = 0'), log.join('\n')).toBe(visible);
  expect(
    q(
      'SELECT COUNT(*) FROM (SELECT content_hash FROM messages GROUP BY content_hash HAVING COUNT(*) > 1)',
    ),
  ).toBe(0);
  expect(q('SELECT COUNT(*) FROM messages')).toBe(COUNT);
  expect(q('SELECT COUNT(DISTINCT message_id) FROM messages')).toBe(COUNT);
  expect(q('SELECT COUNT(*) FROM messages WHERE hidden = 0 AND thread_id IS NULL')).toBe(0);
  db.close();
  const check = spawnSync(process.execPath, [CLI, 'check', '--db', dbFile, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(check.status, check.stdout).toBe(0);
  return JSON.parse(check.stdout) as { counts: { threads: number } };
}

const midImport = (log: string[]) =>
  log.some((line) => {
    const m = /killed .* -> (\d+)$/.exec(line);
    return m && Number(m[1]) > 0 && Number(m[1]) < COUNT;
  });

describe('killing an import', () => {
  it('mbox: a killed import re-run completes with nothing missing and nothing doubled', async () => {
    const dir = tempDir('tl-kill-');
    const mbox = path.join(dir, 'list.mbox');
    const dbFile = path.join(dir, 'test.db');
    fs.writeFileSync(mbox, syntheticMbox(COUNT));
    const args = ['import', mbox, '--list', 'kill', '--db', dbFile, '--json'];

    const { summary, before, log } = await importWithKills(args, dbFile);
    expect(midImport(log), log.join('\n')).toBe(true);
    expect(summary).toEqual({ imported: COUNT - before, duplicates: before, rejected: [] });
    const { counts } = expectSound(dbFile, COUNT, log);
    expect(counts.threads).toBe(COUNT / THREAD_SIZE);
  });

  it('git epoch: a killed import resumes from its cursor, deletions included', async () => {
    const repo = makeEpoch('tl-kill-epoch-');
    const dbFile = path.join(path.dirname(repo), 'test.db');
    // Every 100th message is deleted upstream a few commits after it was added.
    const events: EpochEvent[] = [];
    for (let i = 0; i < COUNT; i++) {
      events.push({ add: Buffer.from(syntheticMessage(i)) });
      if (i % 100 === 5) events.push({ remove: Buffer.from(syntheticMessage(i - 5)) });
    }
    const commits = appendCommits(repo, events);
    const args = ['import', repo, '--list', 'kill', '--db', dbFile, '--json'];

    // After every kill, each commit up to the saved cursor must be fully applied.
    const checkCursor = () => {
      if (stored(dbFile) === 0) return; // killed before the first batch: nothing to check
      const db = new Database(dbFile, { readonly: true });
      const cursor = db.prepare('SELECT cursor FROM import_state').pluck().get() as
        string | undefined;
      const positions = new Set(
        db.prepare('SELECT position FROM messages').pluck().all() as string[],
      );
      const hidden = db
        .prepare('SELECT COUNT(*) FROM messages WHERE hidden = 1')
        .pluck()
        .get() as number;
      db.close();
      const upTo = cursor ? commits.indexOf(cursor) : -1;
      const applied = events.slice(0, upTo + 1);
      const added = commits.filter((c, k) => k <= upTo && 'add' in events[k]!);
      expect(added.filter((c) => !positions.has(`commit ${c}`))).toEqual([]);
      expect(hidden).toBeGreaterThanOrEqual(applied.filter((e) => 'remove' in e).length);
    };

    const { summary, before, log } = await importWithKills(args, dbFile, checkCursor);
    expect(midImport(log), log.join('\n')).toBe(true);
    expect(summary).toMatchObject({ imported: COUNT - before, rejected: [] });
    // Resuming from the cursor re-reads at most the batch being saved when the kill landed.
    expect(summary.duplicates).toBeLessThanOrEqual(500);
    expectSound(dbFile, COUNT - COUNT / 100, log);
    const db = new Database(dbFile, { readonly: true });
    expect(db.prepare('SELECT cursor FROM import_state').pluck().get()).toBe(headOf(repo));
    db.close();
  });
});
