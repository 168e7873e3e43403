/**
 * `npm run bench -- [--messages N] [--with-public-inbox] [--quick] [--mbox PATH] [--seed S]
 * [--runs N] [--search-rounds N] [--out DIR] [--skip-highlight]`. Each flag also reads from
 * the environment as BENCH_MESSAGES, BENCH_WITH_PUBLIC_INBOX=1, BENCH_QUICK=1, BENCH_MBOX, ...
 */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  messages: number;
  withPublicInbox: boolean;
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
