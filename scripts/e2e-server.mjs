#!/usr/bin/env node
// The server Playwright tests: a fresh database with the sample archive and the
// end-to-end fixtures, on the production build.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const db = path.join(root, 'data', `e2e-${process.env.PORT || '3100'}`, 'threadlight.db');
fs.rmSync(path.dirname(db), { recursive: true, force: true });
const env = { ...process.env, THREADLIGHT_DB: db, NEXT_TELEMETRY_DISABLED: '1' };
const cli = path.join(root, 'bin', 'threadlight.mjs');

spawnSync(process.execPath, [cli, 'sample'], { env, stdio: 'inherit' });
const fixtures = path.join(root, 'tests', 'fixtures', 'e2e');
if (fs.existsSync(fixtures)) {
  for (const list of fs.readdirSync(fixtures).sort()) {
    if (!fs.statSync(path.join(fixtures, list)).isDirectory()) continue;
    // Hostile fixtures are rejected in part on purpose: the exit code is not checked here.
    spawnSync(
      process.execPath,
      [cli, 'import', path.join(fixtures, list), '--list', list, '--json'],
      {
        env,
        stdio: 'ignore',
      },
    );
  }
}
const server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
