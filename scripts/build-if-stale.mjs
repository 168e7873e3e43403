// Build the app (client script, then `next build`) when the build is missing or older
// than the sources. Used by `npm start` and before the end-to-end servers start, so two
// servers started together never build into the same .next at once.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIfStale(env = process.env) {
  const run = (cmd, args) => {
    const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
    if (r.status !== 0) process.exit(r.status ?? 1);
  };
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
    run(process.execPath, [
      path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'),
      'build',
    ]);
  }
}
