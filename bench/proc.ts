/**
 * Child processes for the benchmarks: timed runs with peak RSS, and servers started in their
 * own process group so that stopping one stops everything it spawned (next start, httpd
 * workers) and nothing else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TimedRun {
  wallMs: number;
  /** Peak resident set of the process (VmHWM), in bytes. */
  peakRssBytes: number;
  /** How the peak was read: GNU time's "Maximum resident set size", or /proc polling. */
  rssSource: 'time -v' | 'proc-poll';
  /**
   * Peak of the summed RSS of the whole process group, polled every 250 ms: counts helpers
   * running beside the main process (public-inbox's git fast-import and Xapian shard workers).
   */
  peakGroupRssBytes: number;
  /**
   * User + system CPU time of the process and the children it waited for (GNU time only,
   * else NaN). Less sensitive than wall time to other work on a busy machine.
   */
  cpuMs: number;
  stdout: string;
  stderr: string;
  code: number;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Run a command to completion, timing it and reading its peak RSS. GNU time reports the
 * maximum over the process and any one waited-for child (not a sum); where it is missing we
 * poll /proc/PID/status VmHWM, which can miss a peak in the last poll interval.
 */
export function timedRun(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<TimedRun> {
  const useTime = fs.existsSync(GNU_TIME);
  const timeFile = path.join(os.tmpdir(), `tl-bench-time-${process.pid}-${Date.now()}.txt`);
  const [c, a] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // Its own process group, so the group's summed RSS can be polled.
    const child = spawn(c, a, { cwd: opts.cwd, env: opts.env ?? process.env, detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let polled = 0;
    let group = 0;
    const poll = setInterval(() => {
      if (!useTime) polled = Math.max(polled, vmHwm(child.pid));
      if (child.pid) group = Math.max(group, groupRss(child.pid));
    }, 250);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      clearInterval(poll);
      let peak = polled;
      let cpuMs = NaN;
      if (useTime) {
        const text = fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8') : '';
        fs.rmSync(timeFile, { force: true });
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
        peak = m ? Number(m[1]) * 1024 : NaN;
        const user = /User time \(seconds\): ([\d.]+)/.exec(text);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(text);
        if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
      }
      resolve({
        wallMs,
        peakRssBytes: peak,
        rssSource: useTime ? 'time -v' : 'proc-poll',
        peakGroupRssBytes: group,
        cpuMs,
        stdout,
        stderr,
        code: code ?? -1,
      });
    });
  });
}

/** VmHWM of a live process in bytes, 0 when it cannot be read (gone, or no /proc). */
export function vmHwm(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Sum of the current RSS of every process in a process group (a server and its workers). */
export function groupRss(pgid: number): number {
  let total = 0;
  for (const pid of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so split after ')'.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

/** Process groups of servers still up, stopped if the benchmark itself is interrupted. */
const running = new Set<number>();

/** On Ctrl-C or SIGTERM, stop every server this run started (they are detached), then exit. */
export function stopServersOnSignal(): void {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      for (const pgid of running) {
        try {
          process.kill(-pgid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      process.exit(130);
    });
  }
}

export interface Server {
  pgid: number;
  child: ChildProcess;
  log: string;
  stop(): Promise<void>;
}

/**
 * Start a long-running server as the leader of a new process group (like setsid), logging to
 * `log`. stop() signals the whole group: SIGTERM, then SIGKILL if it lingers.
 */
export function startServer(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; log: string },
): Server {
  const fd = fs.openSync(opts.log, 'a');
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd);
  const pgid = child.pid!;
  running.add(pgid);
  let exited = false;
  child.on('exit', () => (exited = true));
  const stop = async () => {
    const signal = (s: NodeJS.Signals) => {
      try {
        process.kill(-pgid, s);
      } catch {
        // group already gone
      }
    };
    signal('SIGTERM');
    for (let i = 0; i < 50 && (!exited || groupRss(pgid) > 0); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    signal('SIGKILL');
    running.delete(pgid);
  };
  return { pgid, child, log: opts.log, stop };
}

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Bytes under a file or directory (a SQLite database with its -wal, an inbox directory). */
export function diskBytes(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  return fs.readdirSync(p).reduce((sum, name) => sum + diskBytes(path.join(p, name)), 0);
}
