/**
 * The printed report: one table of Threadlight against public-inbox (TL ÷ PI, and which way
 * is better for each row), the queries, the highlight costs and notes on anything that did
 * not answer as expected. Pure: figures in, text out.
 */
import os from 'node:os';
import type { ImportFigures } from './import';
import type { MboxSource } from './mbox-source';
import type { BenchOptions } from './options';
import type { PageResult } from './pages';
import type { PublicInboxImport } from './public-inbox';
import type { SearchFigures } from './search';
import { kb, mb, ms, ratio } from './stats';
import { formatTable } from './table';
import type { Targets } from './targets';

/** public-inbox's import figures with its pages and search, measured beside Threadlight's. */
export type PublicInboxFigures = PublicInboxImport & {
  pages: PageResult[];
  search: SearchFigures | undefined;
  serverRssBytes: number;
};

/** Cores, memory, node and the load average now: other work on the machine skews figures. */
export function machine(): string {
  const [l1, l5, l15] = os.loadavg().map((v) => v.toFixed(2));
  return (
    `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ` +
    `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, node ${process.version}, ` +
    `load average ${l1} ${l5} ${l15}`
  );
}

export interface ReportInput {
  o: BenchOptions;
  mbox: MboxSource;
  imp: ImportFigures;
  pages: PageResult[];
  engine: SearchFigures | { error: string };
  httpSearch: SearchFigures | undefined;
  tlServerRss: number;
  pi: PublicInboxFigures | { error: string } | undefined;
  highlight: string;
  targets: Targets;
  startedOn: string;
}

export function render(r: ReportInput): string {
  const pi = r.pi && 'imported' in r.pi ? r.pi : undefined;
  const tlPage = (name: string) => r.pages.find((p) => p.name === name);
  const piPage = (name: string) => pi?.pages.find((p) => p.name === name);
  // [metric, Threadlight, public-inbox, TL ÷ PI, which way is better]
  const rows: string[][] = [];
  const row = (
    metric: string,
    a: number | undefined,
    b: number | undefined,
    fmt: (v: number) => string,
    better: string,
  ) =>
    rows.push([
      metric,
      a === undefined ? '—' : fmt(a),
      b === undefined ? '—' : fmt(b),
      ratio(a, b),
      better,
    ]);
  const rate = (v: number) => `${v.toFixed(0)} msg/s`;
  row(
    'import throughput (index included)',
    r.imp.messagesPerSecond,
    pi?.messagesPerSecond,
    rate,
    'higher',
  );
  row(
    'import CPU time (user+sys, children included)',
    r.imp.cpuMs / 1000,
    pi ? pi.cpuMs / 1000 : undefined,
    (v) => `${v.toFixed(1)} s`,
    'lower',
  );
  row(
    'messages per CPU-second',
    r.imp.imported / (r.imp.cpuMs / 1000),
    pi ? pi.imported / (pi.cpuMs / 1000) : undefined,
    (v) => v.toFixed(0),
    'higher',
  );
  row(
    'import wall time',
    r.imp.wallMs / 1000,
    pi ? pi.wallMs / 1000 : undefined,
    (v) => `${v.toFixed(1)} s`,
    'lower',
  );
  row(
    `import peak RSS (${r.imp.rssSource}, main process)`,
    r.imp.peakRssBytes,
    pi?.peakRssBytes,
    mb,
    'lower',
  );
  row(
    'import peak RSS (process group, polled)',
    r.imp.peakGroupRssBytes,
    pi?.peakGroupRssBytes,
    mb,
    'lower',
  );
  row('database / inbox size', r.imp.dbBytes, pi?.inboxBytes, mb, 'lower');
  row('size per message', r.imp.bytesPerMessage, pi?.bytesPerMessage, kb, 'lower');
  const big = r.targets.bigThread;
  for (const [name, label] of [
    ['list index', 'list index page'],
    ['big thread', `${big?.messages ?? '?'}-message thread page`],
  ] as const) {
    const a = tlPage(name);
    const b = piPage(name);
    row(`${label} p50`, a?.p50, b?.p50, ms, 'lower');
    row(`${label} p99`, a?.p99, b?.p99, ms, 'lower');
    row(`${label} HTML gzip`, a?.htmlGzipBytes, b?.htmlGzipBytes, kb, 'lower');
    if (a?.flightGzipBytes)
      row('  of which RSC payload', a.flightGzipBytes, undefined, kb, 'lower');
  }
  const bigJs = tlPage('big thread')?.js;
  if (bigJs) row(`  + JS gzip (${bigJs.count} scripts)`, bigJs.gzipBytes, undefined, kb, 'lower');
  const seed = tlPage('seed thread');
  if (seed) {
    row('seed thread page p50', seed.p50, undefined, ms, 'lower');
    row('seed thread page p99', seed.p99, undefined, ms, 'lower');
    row('seed thread HTML gzip (budget 120 KB)', seed.htmlGzipBytes, undefined, kb, 'lower');
    if (seed.flightGzipBytes)
      row('  of which RSC payload', seed.flightGzipBytes, undefined, kb, 'lower');
    if (seed.js)
      row(
        `seed thread JS gzip, ${seed.js.count} scripts (budget 90 KB)`,
        seed.js.gzipBytes,
        undefined,
        kb,
        'lower',
      );
  }
  const home = tlPage('home /');
  if (home) row('home page / p50', home.p50, undefined, ms, 'lower');
  if ('p50' in r.engine) {
    row(
      `search engine p50 (in-process, ${r.engine.queries} queries)`,
      r.engine.p50,
      undefined,
      ms,
      'lower',
    );
    row('search engine p99', r.engine.p99, undefined, ms, 'lower');
  }
  row('search page p50 (HTTP)', r.httpSearch?.p50, pi?.search?.p50, ms, 'lower');
  row('search page p99 (HTTP)', r.httpSearch?.p99, pi?.search?.p99, ms, 'lower');
  row('server RSS after the run', r.tlServerRss, pi?.serverRssBytes, mb, 'lower');

  const notes: string[] = [];
  const statusOf = (p: PageResult | undefined) =>
    p && p.status !== 200 ? `${p.name} answered ${p.status}` : '';
  for (const p of [...r.pages, ...(pi?.pages ?? [])]) if (statusOf(p)) notes.push(statusOf(p));
  if ('error' in r.engine) notes.push(r.engine.error);
  else if (r.engine.failed || r.engine.empty)
    notes.push(`search: ${r.engine.failed} queries failed, ${r.engine.empty} found nothing`);
  if (r.httpSearch?.failed) notes.push(`search page non-200: ${r.httpSearch.nonOk.join(', ')}`);
  // public-inbox answers 404 when a query matches nothing; its time still counts.
  if (pi?.search?.failed) {
    notes.push(`public-inbox search non-200 (404 = no match): ${pi.search.nonOk.join(', ')}`);
  }
  if (seed?.js?.noModuleGzipBytes) {
    notes.push(
      `JS figures leave out ${kb(seed.js.noModuleGzipBytes)} gzip of noModule polyfills, which modern browsers do not fetch`,
    );
  }
  if (r.pi && 'error' in r.pi) notes.push(`public-inbox: ${r.pi.error}`);
  if (r.o.withPublicInbox && !r.pi) notes.push('public-inbox: not run (not installed?)');

  return [
    '',
    `Threadlight benchmark — ${r.mbox.messages} messages (${mb(r.mbox.bytes)}), ${r.mbox.generator}`,
    `machine at start: ${r.startedOn}`,
    `machine at end:   ${machine()}`,
    pi ? `public-inbox ${pi.version}, v2 inbox, index level full` : '',
    `pages: ${r.o.runs} sequential requests after one warm-up; search: ${r.o.searchRounds} rounds of ${r.targets.queries.length} queries`,
    '',
    formatTable(['metric', 'Threadlight', 'public-inbox', 'TL ÷ PI', 'better'], rows),
    '',
    'queries: ' + r.targets.queries.map((q) => JSON.stringify(q)).join(', '),
    '',
    'highlight (bench/highlight.ts):',
    r.highlight
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
    ...(notes.length ? ['', 'notes:', ...notes.map((n) => `  - ${n}`)] : []),
  ].join('\n');
}
