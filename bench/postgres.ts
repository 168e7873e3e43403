/**
 * The PostgreSQL side of `--postgres URL`: a fresh schema per run (so a rerun never
 * measures an archive that already holds the messages), its size on disk, and the database
 * server's own memory and CPU, which the import's process group does not include: the
 * import is a client, and the indexing and storage work happens in the server's processes.
 */
import fs from 'node:fs';
import pg from 'pg';
import { schemaUrl } from '../lib/store/location';

/**
 * Drop and recreate `schema` in the database at `url`; returns the URL that puts every
 * connection in it (`options=-c search_path=<schema>`), which the store then migrates.
 */
export async function freshSchema(url: string, schema: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name '${schema}'`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  return schemaUrl(url, schema);
}

/**
 * Bytes of the schema's tables and materialized views, each with its indexes and TOAST
 * (pg_total_relation_size), the PostgreSQL counterpart of the SQLite file with its WAL.
 */
export async function schemaBytes(url: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string | null }>(
      `SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c
       WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'm')`,
      [schema],
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}

/** The database server's processes at one moment, when they are on this machine. */
export interface ServerSnapshot {
  processes: number;
  /**
   * Summed PSS (proportional set size: shared buffers split among the processes that map
   * them, not counted once per backend as summed RSS would), or summed RSS where smaps is
   * not readable (another user's processes without root).
   */
  memoryBytes: number;
  memorySource: 'pss' | 'rss';
  /**
   * User + system CPU of the live processes plus what they reaped (cutime + cstime: the
   * postmaster's, for backends that exited). The difference of two snapshots is the CPU
   * the server spent in between, short-lived backends included, and any other client's.
   */
  cpuMs: number;
}

const CLOCK_TICKS = 100; // USER_HZ, 100 on every Linux architecture Node runs on

/** Every process named `postgres` on this machine; undefined when there is none (remote). */
function postgresServer(): ServerSnapshot | undefined {
  if (!fs.existsSync('/proc')) return undefined;
  let processes = 0;
  let memoryBytes = 0;
  let memorySource: ServerSnapshot['memorySource'] = 'pss';
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ..."; counting from state, utime, stime, cutime
      // and cstime are the 12th to 15th fields.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== 'postgres') continue;
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      let kb: RegExpExecArray | null = null;
      try {
        kb = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      } catch {
        memorySource = 'rss';
      }
      kb ??= /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (kb) memoryBytes += Number(kb[1]) * 1024;
      processes++;
    } catch {
      // exited meanwhile
    }
  }
  return processes
    ? { processes, memoryBytes, memorySource, cpuMs: (ticks / CLOCK_TICKS) * 1000 }
    : undefined;
}

/** The database server over an import: snapshots before and after, and peak memory between. */
export interface ServerWatch {
  before: ServerSnapshot;
  after: ServerSnapshot;
  /** Peak of the summed memory, polled every 2 s: the import's backends included. */
  peakMemoryBytes: number;
}

/**
 * Start watching the local PostgreSQL server; `stop()` returns what it saw, or undefined when
 * the server is not on this machine. stop() first waits (up to 5 s) for the process count to
 * fall back: an exited backend's CPU reaches the postmaster's cutime only once reaped, and
 * until then it is in neither count.
 */
export function watchServer(): { stop(): Promise<ServerWatch | undefined> } {
  const before = postgresServer();
  let peak = before?.memoryBytes ?? 0;
  // Every 2 s, not 250 ms: smaps_rollup walks each backend's page tables, and with gigabytes
  // of shared buffers mapped, polling 4 times a second took 60% of a core from the import
  // being measured (the 1M run in docs/benchmarks.md).
  const poll = setInterval(() => {
    peak = Math.max(peak, postgresServer()?.memoryBytes ?? 0);
  }, 2000);
  const stop = async () => {
    clearInterval(poll);
    if (!before) return undefined;
    let after = postgresServer();
    for (let i = 0; i < 50 && after && after.processes > before.processes; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = postgresServer();
    }
    return after && { before, after, peakMemoryBytes: Math.max(peak, after.memoryBytes) };
  };
  return { stop };
}
