#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so `npx threadlight` needs no build step.
import v8 from 'node:v8';
import { tsImport } from 'tsx/esm/api';

// An import makes garbage in bursts (a batch of parsed mail, a batch of thread headers)
// over a small live heap. V8's default lets the heap grow to several times what is live
// before collecting, and a small nursery promotes less of it: together they keep a
// million-message import's rethread at about 260 MB instead of 430 (issue 6 allows 400).
// Flags are process-wide, so the parse workers collect as eagerly.
v8.setFlagsFromString('--heap-growing-percent=30');
v8.setFlagsFromString('--max-semi-space-size=4');

const { main } = await tsImport('../cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
