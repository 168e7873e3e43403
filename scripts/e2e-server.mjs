#!/usr/bin/env node
// A server for the Playwright tests, on the production build, against THREADLIGHT_DB
// (a SQLite file or a PostgreSQL URL whose `options` set a search_path schema).
//   E2E_ROLE=primary (default): empty the store, build if stale, import the sample
//     archive and the end-to-end fixtures, mark the store ready (E2E_READY), serve.
//   E2E_ROLE=secondary: a second app server on the same store; waits for the primary's
//     mark, then serves. Two servers on one PostgreSQL is the stateless deployment.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { buildIfStale } from './build-if-stale.mjs';

const root = path.resolve(import.meta.dirname, '..');
const location = process.env.THREADLIGHT_DB;
const ready = process.env.E2E_READY;
if (!location || !ready) throw new Error('e2e-server needs THREADLIGHT_DB and E2E_READY');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const cli = path.join(root, 'bin', 'threadlight.mjs');

/** Drop and recreate the URL's search_path schema, or delete the SQLite file's folder. */
async function emptyStore() {
  if (!/^postgres(ql)?:\/\//.test(location)) {
    fs.rmSync(path.dirname(location), { recursive: true, force: true });
    return;
  }
  const url = new URL(location);
  const schema = /search_path=(\w+)/.exec(url.searchParams.get('options') ?? '')?.[1];
  if (!schema) throw new Error(`no search_path schema in ${url.pathname}`);
  url.searchParams.delete('options');
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await client.end();
}

if (process.env.E2E_ROLE === 'secondary') {
  const deadline = Date.now() + 280_000;
  while (!fs.existsSync(ready)) {
    if (Date.now() > deadline) throw new Error(`the primary server never marked ${ready}`);
    await sleep(200);
  }
} else {
  fs.rmSync(ready, { force: true });
  await emptyStore();
  buildIfStale(env);
  spawnSync(process.execPath, [cli, 'sample'], { env, stdio: 'inherit' });
  const fixtures = path.join(root, 'tests', 'fixtures', 'e2e');
  for (const list of fs.readdirSync(fixtures).sort()) {
    if (!fs.statSync(path.join(fixtures, list)).isDirectory()) continue;
    // Hostile fixtures are rejected in part on purpose: the exit code is not checked here.
    spawnSync(
      process.execPath,
      [cli, 'import', path.join(fixtures, list), '--list', list, '--json'],
      { env, stdio: 'ignore' },
    );
  }
  fs.mkdirSync(path.dirname(ready), { recursive: true });
  fs.writeFileSync(ready, new Date().toISOString());
}
const server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
