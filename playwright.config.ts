import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { schemaUrl } from './lib/store/location';

/**
 * End-to-end tests against the production build, in Debian's Chromium, on both stores:
 * the `sqlite` project on one server with its own SQLite file, the `postgres` project on
 * two app servers sharing one PostgreSQL schema (scripts/e2e-server.mjs). Tests read
 * their store's location and the second server's address from the project's metadata
 * (tests/e2e/helpers.ts), e.g. to import with the CLI while the server runs.
 */
const BASE_PORT = Number(process.env.E2E_PORT || 3100);
const PORTS = { sqlite: BASE_PORT, postgres: BASE_PORT + 1, postgresSecond: BASE_PORT + 2 };
const origin = (port: number) => `http://127.0.0.1:${port}`;
const readyMark = (name: string) => path.resolve('data', `e2e-${BASE_PORT}-${name}.ready`);

const SQLITE_DB = path.resolve('data', `e2e-${PORTS.sqlite}`, 'threadlight.db');
// In its own process: Playwright's loader cannot import an .mjs script into its config.
// Set in the environment, the URL is then also what the test workers see.
process.env.THREADLIGHT_TEST_PG ||= execFileSync(
  process.execPath,
  [path.resolve('scripts', 'ensure-postgres.mjs')],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
).trim();
const POSTGRES_DB = schemaUrl(process.env.THREADLIGHT_TEST_PG, `e2e_${BASE_PORT}`);

export interface E2eMetadata {
  /** THREADLIGHT_DB of the project's server(s). */
  db: string;
  /** A second app server on the same store, when the project has one. */
  secondOrigin?: string;
}

const server = (port: number, db: string, role: 'primary' | 'secondary', mark: string) => ({
  command: 'node scripts/e2e-server.mjs',
  url: `${origin(port)}/`,
  timeout: 300_000,
  reuseExistingServer: false,
  env: { PORT: String(port), THREADLIGHT_DB: db, E2E_ROLE: role, E2E_READY: mark },
  stdout: 'pipe' as const,
});

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'sqlite',
      use: { baseURL: origin(PORTS.sqlite) },
      metadata: { db: SQLITE_DB } satisfies E2eMetadata,
      // Two app servers on one store is the PostgreSQL deployment.
      testIgnore: /two-servers\.spec\.ts/,
    },
    {
      name: 'postgres',
      use: { baseURL: origin(PORTS.postgres) },
      metadata: {
        db: POSTGRES_DB,
        secondOrigin: origin(PORTS.postgresSecond),
      } satisfies E2eMetadata,
    },
  ],
  webServer: [
    server(PORTS.sqlite, SQLITE_DB, 'primary', readyMark('sqlite')),
    server(PORTS.postgres, POSTGRES_DB, 'primary', readyMark('postgres')),
    server(PORTS.postgresSecond, POSTGRES_DB, 'secondary', readyMark('postgres')),
  ],
});
