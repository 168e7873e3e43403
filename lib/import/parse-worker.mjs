// Entry of a parse-pool worker. The code is TypeScript and a worker does not inherit
// the parent's loader, so it is loaded through tsx. Its CommonJS hook runs in this
// thread; the ESM one (bin/threadlight.mjs) would start a loader thread per worker,
// about 30 MB each.
import { require as tsRequire } from 'tsx/cjs/api';

tsRequire('./parse-worker.ts', import.meta.url);
