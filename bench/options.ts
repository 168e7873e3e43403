/**
 * `npm run bench -- [--messages N] [--with-public-inbox] [--postgres URL] [--quick]
 * [--mbox PATH] [--seed S] [--runs N] [--search-rounds N] [--out DIR] [--skip-highlight]`.
 * Each flag also reads from the environment as BENCH_MESSAGES, BENCH_WITH_PUBLIC_INBOX=1,
 * BENCH_POSTGRES, BENCH_QUICK=1, BENCH_MBOX, ...
 *
 * --postgres URL also imports, searches and serves the same mbox on PostgreSQL, in a schema
 * `bench_<messages>` of that database that each run drops and creates afresh (so the URL's
 * role needs CREATE on the database), and reports it next to SQLite.
 */
import { parseArgs } from 'node:util';
import { isPostgresUrl } from '../lib/store/open-store';

export interface BenchOptions {
  messages: number;
  withPublicInbox: boolean;
  /** A PostgreSQL database to measure beside SQLite (postgres:// URL), if any. */
  postgres: string | undefined;
  quick: boolean;
  mbox: string | undefined;
  seed: number;
  /** Timed requests per page, after one warm-up. */
  runs: number;
  /** Times the whole query set is run for search percentiles. */
  searchRounds: number;
  outDir: string;
  skipHighlight: boolean;
}

/** 20k messages: about 2 minutes of import on a 2-core machine, the whole run under 10. */
export const DEFAULT_MESSAGES = 20_000;
const QUICK_MESSAGES = 2_000;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, outDir: string): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      messages: { type: 'string' },
      'with-public-inbox': { type: 'boolean' },
      postgres: { type: 'string' },
      quick: { type: 'boolean' },
      mbox: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      'search-rounds': { type: 'string' },
      out: { type: 'string' },
      'skip-highlight': { type: 'boolean' },
    },
  });
  const flag = (v: boolean | undefined, e: string | undefined) => v ?? (e === '1' || e === 'true');
  const quick = flag(values.quick, env.BENCH_QUICK);
  const int = (v: string | undefined, fallback: number, name: string) => {
    if (v === undefined || v === '') return fallback;
    const n = Number(v.replace(/[_,]/g, ''));
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`--${name} must be a positive integer, not '${v}'`);
    return n;
  };
  return {
    messages: int(
      values.messages ?? env.BENCH_MESSAGES,
      quick ? QUICK_MESSAGES : DEFAULT_MESSAGES,
      'messages',
    ),
    withPublicInbox: flag(values['with-public-inbox'], env.BENCH_WITH_PUBLIC_INBOX),
    postgres: postgresUrl(values.postgres ?? env.BENCH_POSTGRES),
    quick,
    mbox: values.mbox ?? env.BENCH_MBOX,
    seed: int(values.seed ?? env.BENCH_SEED, 2, 'seed'),
    runs: int(values.runs ?? env.BENCH_RUNS, quick ? 10 : 50, 'runs'),
    searchRounds: int(
      values['search-rounds'] ?? env.BENCH_SEARCH_ROUNDS,
      quick ? 2 : 5,
      'search-rounds',
    ),
    outDir: values.out ?? env.BENCH_OUT ?? outDir,
    skipHighlight: flag(values['skip-highlight'], env.BENCH_SKIP_HIGHLIGHT),
  };
}

function postgresUrl(v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (!isPostgresUrl(v)) throw new Error(`--postgres must be a postgres:// URL, not '${v}'`);
  return v;
}
