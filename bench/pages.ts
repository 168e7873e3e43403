/**
 * Server time and weight of pages: sequential GETs on loopback after one warm-up request,
 * p50/p99 of the full response time (last byte), gzip bytes as transferred, and for thread
 * pages the gzip bytes of every `_next/static` script the HTML references.
 */
import zlib from 'node:zlib';
import { measurePages, scriptBytes } from './http';
import type { Latency } from './stats';

export interface PageResult extends Latency {
  name: string;
  path: string;
  status: number;
  htmlGzipBytes: number;
  htmlBytes: number;
  /**
   * Gzip bytes of the inline React Server Components payload (`self.__next_f.push(...)`
   * scripts): the same tree again as data for hydration. 0 for pages that are not Next's.
   */
  flightGzipBytes: number;
  js?: { count: number; gzipBytes: number; noModuleGzipBytes: number };
}

export interface PageSpec {
  base: string;
  name: string;
  path: string;
  withJs?: boolean;
}

/** Measure pages side by side (requests interleaved, see measurePages). */
export async function benchPages(specs: PageSpec[], n: number): Promise<PageResult[]> {
  const figures = await measurePages(specs, n);
  const results: PageResult[] = [];
  for (const [k, spec] of specs.entries()) {
    const r = figures[k]!;
    const result: PageResult = {
      name: spec.name,
      path: spec.path,
      n: r.n,
      p50: r.p50,
      p99: r.p99,
      max: r.max,
      status: r.status,
      htmlGzipBytes: r.wireBytes,
      htmlBytes: r.plainBytes,
      flightGzipBytes: flightBytes(r.body),
    };
    if (spec.withJs) {
      const js = await scriptBytes(spec.base, r.body);
      result.js = {
        count: js.count,
        gzipBytes: js.wireBytes,
        noModuleGzipBytes: js.noModuleWireBytes,
      };
    }
    results.push(result);
  }
  return results;
}

/** Threadlight's pages: home, list index, the seed thread and the ~200-message thread. */
export function threadlightPaths(
  list: string,
  seed: { list: string; id: string } | undefined,
  big: string | undefined,
): { name: string; path: string; withJs: boolean }[] {
  const enc = encodeURIComponent;
  return [
    { name: 'home /', path: '/', withJs: false },
    { name: 'list index', path: `/${enc(list)}/`, withJs: false },
    ...(seed
      ? [{ name: 'seed thread', path: `/${enc(seed.list)}/${enc(seed.id)}/`, withJs: true }]
      : []),
    ...(big ? [{ name: 'big thread', path: `/${enc(list)}/${enc(big)}/`, withJs: true }] : []),
  ];
}

const FLIGHT_OPEN = '>self.__next_f.push(';

/** Gzip size of the inline RSC payload scripts, compressed together as they travel. */
export function flightBytes(html: string): number {
  const parts: string[] = [];
  // indexOf scanning rather than a regex: the HTML of a big thread is megabytes.
  for (let i = html.indexOf(FLIGHT_OPEN); i >= 0; i = html.indexOf(FLIGHT_OPEN, i + 1)) {
    const end = html.indexOf('</script>', i);
    if (end < 0) break;
    parts.push(html.slice(i + 1, end));
  }
  return parts.length ? zlib.gzipSync(parts.join('')).length : 0;
}
