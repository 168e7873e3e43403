#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources, import the
// bundled sample archive into an empty database, then run the production server.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

buildIfStale(env);
const sample = spawnSync(process.execPath, [path.join(root, 'bin', 'threadlight.mjs'), 'sample'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
if (sample.status !== 0) process.exit(sample.status ?? 1);

const port = process.env.PORT || '3000';
const server = spawn(
  process.execPath,
  [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', port],
  { cwd: root, stdio: 'inherit', env },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
