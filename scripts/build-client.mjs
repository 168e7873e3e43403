#!/usr/bin/env node
// Bundles the thread page's plain script (components/ui/thread-script.ts) into
// public/_tl/thread.js: the page ships this and no framework runtime. Run before
// `next build` and `next dev` (package.json, scripts/start.mjs).
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
await build({
  entryPoints: [path.join(root, 'components', 'ui', 'thread-script.ts')],
  outfile: path.join(root, 'public', '_tl', 'thread.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning',
});
