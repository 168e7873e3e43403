/**
 * `npm run bench`: generate (or take) an mbox, import it, serve it, and print import
 * throughput, peak RSS, database size, page times and weights, search latency and highlight
 * costs; with --with-public-inbox, the same mbox through public-inbox 1.9 in the same run,
 * with ratios; with --postgres URL, the same on a PostgreSQL store, in a second table. Prints figures and asserts nothing: machines are noisy, so compare two systems
 * only within one run. Options: see bench/options.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchImport, freshDb } from './import';
import { prepareMbox } from './mbox-source';
import { parseOptions } from './options';
import { benchPages, threadlightPaths, type PageResult } from './pages';
import { freshSchema, schemaBytes, watchServer } from './postgres';
import { printableLocation } from '../lib/store/location';
import { groupRss, stopServersOnSignal, type Server } from './proc';
import {
  importPublicInbox,
  publicInboxMissing,
  publicInboxPages,
  publicInboxSearch,
  type PublicInbox,
} from './public-inbox';
import { benchSearchEngine, benchSearchHttp, type SearchFigures, type SearchSite } from './search';
import { startThreadlight } from './server';
import { machine, render, type PostgresFigures, type PublicInboxFigures } from './report';
import { mb, ms } from './stats';
import { findTargets } from './targets';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIST = 'bench';
const SEED_LIST = 'seed';
const SEED_FILE = path.join(ROOT, 'tests', 'fixtures', 'seed', 'seed.txt');

// Each progress line carries the 1-minute load average: other work on the machine skews figures.
const log = (s: string) =>
  process.stderr.write(`[bench] ${s} (load ${os.loadavg()[0]!.toFixed(2)})\n`);

/** bench/highlight.ts in its own process (it prints its own lines). */
function runHighlight(): string {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'bench', 'highlight.ts')],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return r.status === 0 ? r.stdout.trim() : `highlight bench failed: ${r.stderr.slice(-1000)}`;
}

async function main(): Promise<void> {
  stopServersOnSignal();
  const o = parseOptions(process.argv.slice(2), process.env, path.join(ROOT, 'bench', 'out'));
  fs.mkdirSync(o.outDir, { recursive: true });
  const startedOn = machine();
  log(`machine: ${startedOn}`);

  const piMissing = o.withPublicInbox ? publicInboxMissing() : undefined;
  if (piMissing) log(`public-inbox skipped: ${piMissing}`);

  const tGen = performance.now();
  const mbox = prepareMbox({ mbox: o.mbox, messages: o.messages, seed: o.seed, outDir: o.outDir });
  log(
    `mbox: ${mbox.file} (${mbox.messages} messages, ${mb(mbox.bytes)}) from ${mbox.generator} in ${ms(performance.now() - tGen)}`,
  );

  const db = freshDb(path.join(o.outDir, `threadlight-${mbox.messages}.db`));
  log('importing into Threadlight...');
  const imp = await benchImport(ROOT, { file: mbox.file, list: LIST, db });
  log(
    `imported ${imp.imported} (${imp.duplicates} duplicates, ${imp.rejected} rejected) in ${ms(imp.wallMs)}`,
  );
  await benchImport(ROOT, { file: SEED_FILE, list: SEED_LIST, db });
  const targets = await findTargets(db, LIST, SEED_LIST);
  log(
    `big thread: ${targets.bigThread ? `<${targets.bigThread.messageId}> (${targets.bigThread.messages} messages)` : 'none'}; ${targets.queries.length} queries`,
  );

  const highlight = o.skipHighlight ? 'skipped' : runHighlight();
  log('search engine...');
  const engine = await benchSearchEngine(db, targets.queries, o.searchRounds);

  // PostgreSQL imports the same mbox the same way; the targets found in SQLite hold for it.
  let pgUrl: string | undefined;
  let pgFigures:
    Omit<PostgresFigures, 'pages' | 'httpSearch' | 'tlServerRss' | 'serverError'> | undefined;
  let pgError: string | undefined;
  let pgServerError: string | undefined;
  const pgBase = o.postgres;
  if (pgBase) {
    const schema = `bench_${mbox.messages}`;
    try {
      pgUrl = await freshSchema(pgBase, schema);
      log(`importing into PostgreSQL (schema ${schema})...`);
      const watch = watchServer();
      const pgImp = await benchImport(ROOT, {
        file: mbox.file,
        list: LIST,
        db: pgUrl,
        bytes: () => schemaBytes(pgBase, schema),
      });
      const server = await watch.stop();
      log(`PostgreSQL imported ${pgImp.imported} in ${ms(pgImp.wallMs)}`);
      await benchImport(ROOT, { file: SEED_FILE, list: SEED_LIST, db: pgUrl });
      log('search engine on PostgreSQL...');
      const pgEngine = await benchSearchEngine(pgUrl, targets.queries, o.searchRounds);
      pgFigures = { schema, imp: pgImp, server, engine: pgEngine };
    } catch (err) {
      pgError = (err as Error).message;
      log(`PostgreSQL skipped: ${pgError}`);
    }
  }

  // public-inbox imports now, so that both servers then run side by side.
  let piInbox: PublicInbox | undefined;
  let piError: string | undefined;
  if (o.withPublicInbox && !piMissing) {
    log('importing into public-inbox...');
    try {
      piInbox = await importPublicInbox(
        mbox.file,
        path.join(o.outDir, `public-inbox-${mbox.messages}`),
      );
      log(`public-inbox imported ${piInbox.figures.imported} in ${ms(piInbox.figures.wallMs)}`);
    } catch (err) {
      piError = (err as Error).message;
    }
  }

  log('starting Threadlight (builds first if needed)...');
  const tl = await startThreadlight(ROOT, db, path.join(o.outDir, 'threadlight-server.log'));
  const servers: Server[] = [tl.server];
  let pages: PageResult[] = [];
  let piPages: PageResult[] = [];
  let pgPages: PageResult[] = [];
  let httpSearch: SearchFigures | undefined;
  let piSearch: SearchFigures | undefined;
  let pgSearch: SearchFigures | undefined;
  let tlServerRss = NaN;
  let piServerRss = NaN;
  let pgServerRss = NaN;
  try {
    // Started after the first, which has built the app if it needed to.
    let pgServed: { base: string; server: Server } | undefined;
    if (pgUrl && pgFigures) {
      log('starting Threadlight on PostgreSQL...');
      try {
        pgServed = await startThreadlight(
          ROOT,
          pgUrl,
          path.join(o.outDir, 'threadlight-pg-server.log'),
        );
        servers.push(pgServed.server);
      } catch (err) {
        pgServerError = `Threadlight server on PostgreSQL: ${(err as Error).message}`;
      }
    }
    let piServed: { base: string; server: Server } | undefined;
    if (piInbox) {
      try {
        piServed = await piInbox.serve();
        servers.push(piServed.server);
      } catch (err) {
        piError = `public-inbox-httpd: ${(err as Error).message}`;
      }
    }
    const seed = targets.seedId ? { list: SEED_LIST, id: targets.seedId } : undefined;
    const tlPaths = threadlightPaths(LIST, seed, targets.bigThread?.messageId);
    const tlSpecs = tlPaths.map((p) => ({ base: tl.base, ...p }));
    const pgSpecs = pgServed ? tlPaths.map((p) => ({ base: pgServed.base, ...p })) : [];
    const piSpecs = piServed ? publicInboxPages(piServed.base, targets) : [];
    log(
      `pages (${tlSpecs.length} Threadlight, ${pgSpecs.length} on PostgreSQL, ${piSpecs.length} public-inbox, interleaved)...`,
    );
    const all = await benchPages([...tlSpecs, ...pgSpecs, ...piSpecs], o.runs);
    pages = all.slice(0, tlSpecs.length);
    pgPages = all.slice(tlSpecs.length, tlSpecs.length + pgSpecs.length);
    piPages = all.slice(tlSpecs.length + pgSpecs.length);
    log('search pages...');
    const tlSearch = (base: string): SearchSite => ({
      base,
      pathFor: (q) => `/search?q=${encodeURIComponent(q)}`,
    });
    const sites = [
      tlSearch(tl.base),
      pgServed && tlSearch(pgServed.base),
      piServed && publicInboxSearch(piServed.base),
    ];
    const measured = await benchSearchHttp(
      sites.filter((s) => s !== undefined),
      targets.queries,
      o.searchRounds,
    );
    // Back to each site's slot, skipping the ones that are not running.
    [httpSearch, pgSearch, piSearch] = sites.map((s) => (s ? measured.shift() : undefined));
    tlServerRss = groupRss(tl.server.pgid);
    if (pgServed) pgServerRss = groupRss(pgServed.server.pgid);
    if (piServed) piServerRss = groupRss(piServed.server.pgid);
  } finally {
    for (const server of servers) await server.stop();
  }
  const pi: PublicInboxFigures | { error: string } | undefined = piInbox
    ? { ...piInbox.figures, pages: piPages, search: piSearch, serverRssBytes: piServerRss }
    : piError
      ? { error: piError }
      : undefined;
  if (pi && piError && !('error' in pi)) log(`public-inbox: ${piError}`);
  const pg: PostgresFigures | { error: string } | undefined = pgFigures
    ? {
        ...pgFigures,
        pages: pgPages,
        httpSearch: pgSearch,
        tlServerRss: pgServerRss,
        serverError: pgServerError,
      }
    : pgError
      ? { error: pgError }
      : undefined;

  const report = render({
    o,
    mbox,
    imp,
    pages,
    engine,
    httpSearch,
    tlServerRss,
    pi,
    pg,
    highlight,
    targets,
    startedOn,
  });
  process.stdout.write(report + '\n');
  const json = path.join(o.outDir, `results-${mbox.messages}.json`);
  fs.writeFileSync(
    json,
    JSON.stringify(
      {
        options: { ...o, postgres: o.postgres && printableLocation(o.postgres) },
        machine: startedOn,
        finished: machine(),
        mbox,
        imp,
        pages,
        engine,
        httpSearch,
        tlServerRss,
        pi,
        pg,
        targets,
      },
      null,
      2,
    ),
  );
  log(`figures also in ${json}`);
}

// No top-level await: package.json has no "type": "module", so tsx runs this as CJS.
main().catch((err: unknown) => {
  process.stderr.write(`[bench] failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
