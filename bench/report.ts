/**
 * The printed report: one table of Threadlight against public-inbox (TL ÷ PI, and which way
 * is better for each row), the queries, the highlight costs and notes on anything that did
 * not answer as expected. Pure: figures in, text out.
 */
import os from 'node:os';
import type { ImportFigures } from './import';
import type { ServerWatch } from './postgres';
import type { MboxSource } from './mbox-source';
import type { BenchOptions } from './options';
import type { PageResult } from './pages';
import type { PublicInboxImport } from './public-inbox';
import type { SearchFigures } from './search';
import { kb, mb, ms, ratio, type Latency } from './stats';
import { formatTable } from './table';
import type { Targets } from './targets';

/** public-inbox's import figures with its pages and search, measured beside Threadlight's. */
export type PublicInboxFigures = PublicInboxImport & {
  pages: PageResult[];
  search: SearchFigures | undefined;
  serverRssBytes: number;
};

/** The same mbox imported, searched and served on PostgreSQL, measured beside SQLite. */
export interface PostgresFigures {
  schema: string;
  imp: ImportFigures;
  /** The database server's processes over the import (absent when it is remote). */
  server: ServerWatch | undefined;
  engine: SearchFigures | { error: string };
  pages: PageResult[];
  httpSearch: SearchFigures | undefined;
  /** The Threadlight server on PostgreSQL, after the run (the database server not included). */
  tlServerRss: number;
  /** Why that server did not start, if it did not (the import figures still stand). */
  serverError: string | undefined;
}

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
  pg: PostgresFigures | { error: string } | undefined;
  highlight: string;
  targets: Targets;
  startedOn: string;
}

export function render(r: ReportInput): string {
  const pi = r.pi && 'imported' in r.pi ? r.pi : undefined;
  const tlPage = (name: string) => r.pages.find((p) => p.name === name);
  const piPage = (name: string) => pi?.pages.find((p) => p.name === name);
  // [metric, Threadlight, public-inbox, TL ÷ PI, which way is better]
  const { rows, row } = tableRows(ratio);
  importRows(
    row,
    r.imp,
    pi && { ...pi, dbBytes: pi.inboxBytes, rssSource: r.imp.rssSource },
    'database / inbox size',
  );
  for (const [name, label] of pageLabels(r.targets)) {
    const a = tlPage(name);
    const b = piPage(name);
    latencyRows(row, label, a, b);
    row(`${label} HTML gzip`, a?.htmlGzipBytes, b?.htmlGzipBytes, kb, 'lower');
    if (a?.flightGzipBytes)
      row('  of which RSC payload', a.flightGzipBytes, undefined, kb, 'lower');
  }
  const bigJs = tlPage('big thread')?.js;
  if (bigJs) row(`  + JS gzip (${bigJs.count} scripts)`, bigJs.gzipBytes, undefined, kb, 'lower');
  const seed = tlPage('seed thread');
  if (seed) {
    latencyRows(row, 'seed thread page', seed, undefined);
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
  if ('p50' in r.engine) searchEngineRows(row, r.engine, undefined);
  latencyRows(row, 'search page', r.httpSearch, pi?.search, ' (HTTP)');
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
  const pg = r.pg && 'imp' in r.pg ? r.pg : undefined;
  if (r.pg && 'error' in r.pg) notes.push(`PostgreSQL: ${r.pg.error}`);
  const pgTable = pg ? postgresTable(r, pg, notes) : undefined;

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
    ...(pgTable ? [pgTable, ''] : []),
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

type Row = (
  metric: string,
  a: number | undefined,
  b: number | undefined,
  fmt: (v: number) => string,
  better: string,
) => void;

/** Rows of [metric, a, b, ratio, which way is better]; `ratioOf` says which way the ratio goes. */
function tableRows(ratioOf: (a: number | undefined, b: number | undefined) => string): {
  rows: string[][];
  row: Row;
} {
  const rows: string[][] = [];
  const row: Row = (metric, a, b, fmt, better) =>
    rows.push([
      metric,
      a === undefined ? '—' : fmt(a),
      b === undefined ? '—' : fmt(b),
      ratioOf(a, b),
      better,
    ]);
  return { rows, row };
}

/** What both tables compare of an import (public-inbox's inbox size passed as dbBytes). */
type ImportLike = Pick<
  ImportFigures,
  | 'imported'
  | 'messagesPerSecond'
  | 'cpuMs'
  | 'wallMs'
  | 'rssSource'
  | 'peakRssBytes'
  | 'peakGroupRssBytes'
  | 'dbBytes'
  | 'bytesPerMessage'
>;

function importRows(row: Row, a: ImportLike, b: ImportLike | undefined, sizeLabel: string) {
  const secs = (v: number) => `${v.toFixed(1)} s`;
  const rate = (v: number) => `${v.toFixed(0)} msg/s`;
  row(
    'import throughput (index included)',
    a.messagesPerSecond,
    b?.messagesPerSecond,
    rate,
    'higher',
  );
  row(
    'import CPU time (user+sys, children included)',
    a.cpuMs / 1000,
    b ? b.cpuMs / 1000 : undefined,
    secs,
    'lower',
  );
  row(
    'messages per CPU-second',
    a.imported / (a.cpuMs / 1000),
    b ? b.imported / (b.cpuMs / 1000) : undefined,
    (v) => v.toFixed(0),
    'higher',
  );
  row('import wall time', a.wallMs / 1000, b ? b.wallMs / 1000 : undefined, secs, 'lower');
  row(
    `import peak RSS (${a.rssSource}, main process)`,
    a.peakRssBytes,
    b?.peakRssBytes,
    mb,
    'lower',
  );
  row(
    'import peak RSS (process group, polled)',
    a.peakGroupRssBytes,
    b?.peakGroupRssBytes,
    mb,
    'lower',
  );
  row(sizeLabel, a.dbBytes, b?.dbBytes, mb, 'lower');
  row('size per message', a.bytesPerMessage, b?.bytesPerMessage, kb, 'lower');
}

/** "<label> p50" and "<label> p99<suffix>" rows. */
function latencyRows(
  row: Row,
  label: string,
  a: Latency | undefined,
  b: Latency | undefined,
  suffix = '',
) {
  row(`${label} p50${suffix}`, a?.p50, b?.p50, ms, 'lower');
  row(`${label} p99${suffix}`, a?.p99, b?.p99, ms, 'lower');
}

function searchEngineRows(row: Row, a: SearchFigures, b: SearchFigures | undefined) {
  row(`search engine p50 (in-process, ${a.queries} queries)`, a.p50, b?.p50, ms, 'lower');
  row('search engine p99', a.p99, b?.p99, ms, 'lower');
}

/** The pages both tables compare, by the name bench/pages.ts gives them, and their labels. */
function pageLabels(targets: Targets): [string, string][] {
  return [
    ['list index', 'list index page'],
    ['big thread', `${targets.bigThread?.messages ?? '?'}-message thread page`],
  ];
}

/**
 * "PostgreSQL next to SQLite": the same figures for the two stores, PG ÷ SQLite. Its
 * notes (pages or queries that did not answer as expected on PostgreSQL) go to `notes`.
 */
function postgresTable(r: ReportInput, pg: PostgresFigures, notes: string[]): string {
  const { rows, row } = tableRows((a, b) => ratio(b, a));
  importRows(row, r.imp, pg.imp, 'database size');
  // The import is a client: the server's parsing, indexing and WAL work is not in its CPU time.
  const watch = pg.server;
  const serverCpu = watch && watch.after.cpuMs - watch.before.cpuMs;
  if (serverCpu !== undefined) {
    row(
      '  + PostgreSQL server CPU during the import',
      undefined,
      serverCpu / 1000,
      (v) => `${v.toFixed(1)} s`,
      'lower',
    );
    row(
      'messages per CPU-second, server included',
      r.imp.imported / (r.imp.cpuMs / 1000),
      pg.imp.imported / ((pg.imp.cpuMs + serverCpu) / 1000),
      (v) => v.toFixed(0),
      'higher',
    );
  }
  const page = (pages: PageResult[], name: string) => pages.find((p) => p.name === name);
  const compared: [string, string][] = [
    ...pageLabels(r.targets),
    ['seed thread', 'seed thread page'],
  ];
  for (const [name, label] of compared) {
    latencyRows(row, label, page(r.pages, name), page(pg.pages, name));
  }
  row('home page / p50', page(r.pages, 'home /')?.p50, page(pg.pages, 'home /')?.p50, ms, 'lower');
  if ('p50' in r.engine && 'p50' in pg.engine) searchEngineRows(row, r.engine, pg.engine);
  latencyRows(row, 'search page', r.httpSearch, pg.httpSearch, ' (HTTP)');
  row('Threadlight server RSS after the run', r.tlServerRss, pg.tlServerRss, mb, 'lower');

  if (pg.serverError) notes.push(`PostgreSQL: ${pg.serverError}`);
  for (const p of pg.pages)
    if (p.status !== 200) notes.push(`PostgreSQL: ${p.name} answered ${p.status}`);
  if ('error' in pg.engine) notes.push(`PostgreSQL: ${pg.engine.error}`);
  else if (pg.engine.failed || pg.engine.empty)
    notes.push(
      `PostgreSQL search: ${pg.engine.failed} queries failed, ${pg.engine.empty} found nothing`,
    );
  if (pg.httpSearch?.failed)
    notes.push(`PostgreSQL search page non-200: ${pg.httpSearch.nonOk.join(', ')}`);
  // The server's memory goes in a line, not a row: SQLite has no server to set it against.
  const serverLine = watch
    ? `PostgreSQL server, all its processes (${watch.after.memorySource.toUpperCase()}): ` +
      `${mb(watch.before.memoryBytes)} before the import, peak ${mb(watch.peakMemoryBytes)}, ` +
      `${mb(watch.after.memoryBytes)} after; its CPU and memory include any other client's`
    : 'PostgreSQL server not on this machine: its CPU and memory are not measured';
  return [
    `PostgreSQL next to SQLite (schema ${pg.schema})`,
    serverLine,
    '',
    formatTable(['metric', 'SQLite', 'PostgreSQL', 'PG ÷ SQLite', 'better'], rows),
  ].join('\n');
}
