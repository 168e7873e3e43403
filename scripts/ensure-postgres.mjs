#!/usr/bin/env node
// The PostgreSQL the test suite runs on beside SQLite. THREADLIGHT_TEST_PG (a database
// URL) is used as given. Otherwise a local server is made ready, the way ensure-chromium
// does for the browser: Debian's postgresql package is installed when missing, then
//  - as root: Debian's cluster is started (pg_ctlcluster) and a `threadlight` role and a
//    `threadlight_test` database are created in it;
//  - as anyone else: a private cluster is created under data/test-postgres and started.
// Prints the URL; `postgresTestUrl()` is what vitest and Playwright call.
import { execFileSync, execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const DB_NAME = 'threadlight_test';

const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts });

function pgBinDir() {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

function installPostgres() {
  console.error("PostgreSQL is missing: installing Debian's postgresql package");
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  try {
    execSync(
      `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql`,
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
  } catch {
    throw new Error(
      'could not install PostgreSQL; install it (apt-get install -y postgresql) or set THREADLIGHT_TEST_PG to a database URL',
    );
  }
}

/** As root: Debian's own cluster, started, with our role and database. */
function debianCluster(bin) {
  const version = path.basename(path.dirname(bin));
  const clusters = run('pg_lsclusters', ['--no-header']).trim().split('\n').filter(Boolean);
  let cluster = clusters.map((l) => l.split(/\s+/)).find((c) => c[0] === version);
  if (!cluster) {
    run('pg_createcluster', [version, 'main']);
    cluster = ['', 'main', '5432', 'down'];
  }
  const [, name, port, status] = cluster;
  if (status !== 'online') run('pg_ctlcluster', [version, name, 'start']);
  const psql = (sql) =>
    run('runuser', ['-u', 'postgres', '--', 'psql', '-p', port, '-tAc', sql]).trim();
  if (psql("SELECT 1 FROM pg_roles WHERE rolname = 'threadlight'") !== '1') {
    psql("CREATE ROLE threadlight LOGIN SUPERUSER PASSWORD 'threadlight'");
  }
  if (psql(`SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'`) !== '1') {
    psql(`CREATE DATABASE ${DB_NAME} OWNER threadlight`);
  }
  return `postgres://threadlight:threadlight@127.0.0.1:${port}/${DB_NAME}`;
}

/** As a user: a private cluster under data/test-postgres, on its own port. */
function privateCluster(bin) {
  const dir = path.join(root, 'data', 'test-postgres');
  const port = '54329';
  const user = run('id', ['-un']).trim();
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    fs.mkdirSync(dir, { recursive: true });
    run(path.join(bin, 'initdb'), ['-D', dir, '-A', 'trust', '-U', user]);
  }
  const pgCtl = path.join(bin, 'pg_ctl');
  try {
    run(pgCtl, ['-D', dir, 'status']);
  } catch {
    run(pgCtl, [
      '-D',
      dir,
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      '-w',
      'start',
    ]);
  }
  const psql = (sql) =>
    run(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', port, '-d', 'postgres', '-tAc', sql]);
  if (psql(`SELECT 1 FROM pg_database WHERE datname = '${DB_NAME}'`).trim() !== '1') {
    psql(`CREATE DATABASE ${DB_NAME}`);
  }
  return `postgres://${user}@127.0.0.1:${port}/${DB_NAME}`;
}

/** The test database's URL, making a local server ready first when none is given. */
export function postgresTestUrl() {
  if (process.env.THREADLIGHT_TEST_PG) return process.env.THREADLIGHT_TEST_PG;
  let bin = pgBinDir();
  if (!bin) {
    installPostgres();
    bin = pgBinDir();
    if (!bin) throw new Error('postgresql was installed but no server binary was found');
  }
  const url = process.getuid?.() === 0 ? debianCluster(bin) : privateCluster(bin);
  process.env.THREADLIGHT_TEST_PG = url;
  return url;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(postgresTestUrl());
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
