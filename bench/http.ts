/**
 * Timed HTTP GETs on loopback, as a browser would ask (Accept-Encoding: gzip), counting the
 * bytes that cross the wire. Only 127.0.0.1 is ever a target (this machine's servers).
 */
import http from 'node:http';
import zlib from 'node:zlib';
import { latency, type Latency } from './stats';

export interface Fetched {
  status: number;
  ms: number;
  /** Bytes of the body as transferred (compressed when the server compressed). */
  wireBytes: number;
  /** Bytes after decompression. */
  plainBytes: number;
  body: string;
}

export function get(base: string, path: string, timeoutMs = 60_000): Promise<Fetched> {
  const url = new URL(path, base);
  if (url.hostname !== '127.0.0.1') throw new Error(`loopback only, not ${url.hostname}`);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - start;
        const wire = Buffer.concat(chunks);
        const enc = res.headers['content-encoding'];
        const plain = enc === 'gzip' ? zlib.gunzipSync(wire) : wire;
        resolve({
          status: res.statusCode ?? 0,
          ms,
          wireBytes: wire.length,
          plainBytes: plain.length,
          body: plain.toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)),
    );
    req.on('error', reject);
  });
}

export interface PageFigures extends Latency {
  status: number;
  wireBytes: number;
  plainBytes: number;
  body: string;
}

/**
 * For each target one warm-up request (not counted: it fills caches), then `n` rounds of one
 * timed request per target in turn. Interleaving puts every server under the same background
 * load, which on a shared machine drifts from minute to minute.
 */
export async function measurePages(
  targets: { base: string; path: string }[],
  n: number,
): Promise<PageFigures[]> {
  const warm: Fetched[] = [];
  for (const t of targets) warm.push(await get(t.base, t.path));
  const times: number[][] = targets.map(() => []);
  for (let i = 0; i < n; i++) {
    for (const [k, t] of targets.entries()) times[k]!.push((await get(t.base, t.path)).ms);
  }
  return targets.map((_, k) => ({
    ...latency(times[k]!),
    status: warm[k]!.status,
    wireBytes: warm[k]!.wireBytes,
    plainBytes: warm[k]!.plainBytes,
    body: warm[k]!.body,
  }));
}

// A script tag: <script src="/_next/static/chunks/abc.js" async="">.
const RE_SCRIPT_TAG = /<script\b[^>]*>/g;
// A preload of one: <link rel="preload" as="script" href="/_next/static/chunks/abc.js"/>.
const RE_PRELOAD_TAG = /<link\b[^>]*\bas="script"[^>]*>/g;
// The same-origin script a tag names: Next's chunks (src="/_next/static/chunks/abc.js")
// and ours (src="/_tl/thread.js").
const RE_NEXT_ASSET = /(?:src|href)="(\/[^"?#\s]+\.js)"/;
// noModule: only browsers without ES modules fetch it (Next's legacy polyfills).
const RE_NOMODULE = /\bnomodule\b/i;

/**
 * The same-origin scripts a modern browser loads for this HTML: script tags and script
 * preloads, each once, leaving out noModule scripts. Returns the paths and the noModule ones.
 */
export function referencedScripts(html: string): { scripts: string[]; noModule: string[] } {
  const scripts = new Set<string>();
  const noModule = new Set<string>();
  for (const tag of [...html.matchAll(RE_SCRIPT_TAG), ...html.matchAll(RE_PRELOAD_TAG)]) {
    const src = RE_NEXT_ASSET.exec(tag[0])?.[1];
    if (!src) continue;
    (RE_NOMODULE.test(tag[0]) ? noModule : scripts).add(src);
  }
  for (const s of scripts) noModule.delete(s);
  return { scripts: [...scripts], noModule: [...noModule] };
}

/** Sum of the transferred (gzip) bytes of the scripts a modern browser loads for `html`. */
export async function scriptBytes(
  base: string,
  html: string,
): Promise<{ count: number; wireBytes: number; plainBytes: number; noModuleWireBytes: number }> {
  const { scripts, noModule } = referencedScripts(html);
  const sum = async (paths: string[]) => {
    let wire = 0;
    let plain = 0;
    for (const p of paths) {
      const r = await get(base, p);
      if (r.status !== 200) throw new Error(`${p} answered ${r.status}`);
      wire += r.wireBytes;
      plain += r.plainBytes;
    }
    return { wire, plain };
  };
  const loaded = await sum(scripts);
  const legacy = await sum(noModule);
  return {
    count: scripts.length,
    wireBytes: loaded.wire,
    plainBytes: loaded.plain,
    noModuleWireBytes: legacy.wire,
  };
}

/** Resolve once `path` answers 200 (a server starting up), or reject after `timeoutMs`. */
export async function waitFor(base: string, path: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await get(base, path, 30_000)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${base}${path} did not answer 200 in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
