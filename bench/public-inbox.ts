/**
 * public-inbox 1.9 (Debian's `public-inbox`, the software behind lore.kernel.org) on the same
 * mbox, side by side: a fresh v2 inbox at full index level, imported with pi-import-mbox.pl
 * (V2Writable->add per message: git, over.sqlite3, msgmap and Xapian in one pass, as -mda and
 * -watch do), then served by public-inbox-httpd on loopback, beside Threadlight, for the
 * same pages and queries (bench/run.ts interleaves the requests).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { waitFor } from './http';
import type { PageSpec } from './pages';
import { diskBytes, freePort, startServer, timedRun, type Server } from './proc';
import type { SearchSite } from './search';
import type { Targets } from './targets';

const NAME = 'test';

/** The import side: how fast, how big, how much memory. */
export interface PublicInboxImport {
  version: string;
  imported: number;
  wallMs: number;
  /** User + system CPU seconds, the shard workers and git fast-import included. */
  cpuMs: number;
  messagesPerSecond: number;
  peakRssBytes: number;
  peakGroupRssBytes: number;
  inboxBytes: number;
  bytesPerMessage: number;
}

/** An imported inbox, ready to serve. */
export interface PublicInbox {
  figures: PublicInboxImport;
  /** Start public-inbox-httpd (one worker, loopback only) and wait until it answers. */
  serve(): Promise<{ base: string; server: Server }>;
}

/**
 * public-inbox's Message-ID escaping in URLs (PublicInbox::MID::mid_escape): like
 * encodeURIComponent, but '@' and a few sub-delims stay literal.
 */
export const piEscape = (mid: string): string =>
  encodeURIComponent(mid).replace(/%40/g, '@').replace(/%3A/g, ':');

export function publicInboxMissing(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v public-inbox-init public-inbox-httpd']);
  return r.status === 0
    ? undefined
    : 'public-inbox not installed (apt-get install -y public-inbox)';
}

export async function importPublicInbox(mbox: string, workDir: string): Promise<PublicInbox> {
  const w = path.resolve(workDir);
  fs.rmSync(w, { recursive: true, force: true });
  fs.mkdirSync(w, { recursive: true });
  const env = { ...process.env, PI_CONFIG: path.join(w, 'config') };
  const port = await freePort();
  const inbox = path.join(w, 'inbox');
  const init = spawnSync(
    'public-inbox-init',
    ['-V2', '-L', 'full', NAME, inbox, `http://127.0.0.1:${port}/${NAME}`, `${NAME}@example.org`],
    { env, encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`public-inbox-init failed: ${init.stderr}`);
  const script = path.join(path.dirname(new URL(import.meta.url).pathname), 'pi-import-mbox.pl');
  const run = await timedRun('perl', [script, NAME, mbox], { env });
  const m = /imported (\d+) messages/.exec(run.stderr);
  if (run.code !== 0 || !m)
    throw new Error(`public-inbox import failed: ${run.stderr.slice(-2000)}`);
  const imported = Number(m[1]);
  const inboxBytes = diskBytes(inbox);
  const figures: PublicInboxImport = {
    version: piVersion(),
    imported,
    wallMs: run.wallMs,
    cpuMs: run.cpuMs,
    messagesPerSecond: imported / (run.wallMs / 1000),
    peakRssBytes: run.peakRssBytes,
    peakGroupRssBytes: run.peakGroupRssBytes,
    inboxBytes,
    bytesPerMessage: imported ? inboxBytes / imported : NaN,
  };
  const serve = async () => {
    const server = startServer('public-inbox-httpd', ['-W1', '-l', `127.0.0.1:${port}`], {
      env,
      log: path.join(w, 'httpd.log'),
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitFor(base, `/${NAME}/`, 30_000);
    } catch (err) {
      await server.stop();
      throw err;
    }
    return { base, server };
  };
  return { figures, serve };
}

/** public-inbox's equivalents of Threadlight's pages: list index, flat thread (/T/), message. */
export function publicInboxPages(base: string, targets: Targets): PageSpec[] {
  const specs: PageSpec[] = [{ base, name: 'list index', path: `/${NAME}/` }];
  const big = targets.bigThread;
  if (big) {
    const mid = piEscape(big.messageId);
    specs.push({ base, name: 'big thread', path: `/${NAME}/${mid}/T/` });
    specs.push({ base, name: 'message', path: `/${NAME}/${mid}/` });
  }
  return specs;
}

export const publicInboxSearch = (base: string): SearchSite => ({
  base,
  pathFor: (q) => `/${NAME}/?q=${encodeURIComponent(q)}`,
});

function piVersion(): string {
  const r = spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'public-inbox'], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : 'unknown';
}
