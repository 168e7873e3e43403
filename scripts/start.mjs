#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources, import the
// bundled sample archive into an empty database, then run the production server.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const buildId = path.join(root, '.next', 'BUILD_ID');
const threadScript = path.join(root, 'public', '_tl', 'thread.js');
const sources = [
  ...['app', 'pages', 'components', 'lib'].map((d) => newestMtime(path.join(root, d))),
  ...['proxy.ts', 'next.config.js', 'postcss.config.mjs', 'package.json'].map(
    (f) => fs.statSync(path.join(root, f)).mtimeMs,
  ),
];
const stale = (file) => !fs.existsSync(file) || Math.max(...sources) > fs.statSync(file).mtimeMs;
if (stale(buildId) || stale(threadScript)) {
  run(process.execPath, [path.join(root, 'scripts', 'build-client.mjs')]);
  run(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build']);
}
run(process.execPath, [path.join(root, 'bin', 'threadlight.mjs'), 'sample']);

const port = process.env.PORT || '3000';
const server = spawn(
  process.execPath,
  [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', port],
  { cwd: root, stdio: 'inherit', env },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));
