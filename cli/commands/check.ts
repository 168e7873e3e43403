import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { ThreadlightError } from '../../lib/errors';
import { isPostgresUrl, openStore, printableLocation } from '../../lib/store/open-store';
import type { DbCheck } from '../../lib/store/store';
import { storeLocation } from '../with-store';

/** `threadlight check [--db PATH|URL] [--json]`: exit 0 when the database is sound, 1 otherwise. */
export async function runCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const location = storeLocation(values.db);
  let shown = printableLocation(location);
  // Opening would create a missing SQLite file, and an empty database passes every check.
  if (!isPostgresUrl(location) && !fs.existsSync(location)) {
    throw new ThreadlightError(`no database at ${shown}`);
  }
  let result: DbCheck;
  try {
    const store = await openStore(location);
    shown = store.location;
    try {
      result = await store.check();
    } finally {
      await store.close();
    }
  } catch (err) {
    // A database that cannot even be opened is the worst finding, not a crash.
    const reason = err instanceof Error ? err.message : String(err);
    result = {
      ok: false,
      problems: [`cannot open: ${reason}`],
      counts: { lists: 0, messages: 0, hiddenMessages: 0, threads: 0 },
    };
  }
  if (values.json) {
    process.stdout.write(JSON.stringify(result) + '\n');
  } else {
    const { lists, messages, hiddenMessages, threads } = result.counts;
    const lines = [
      `${shown}: ${result.ok ? 'ok' : `${result.problems.length} problem(s)`}`,
      `  ${lists} lists, ${messages} messages (${hiddenMessages} hidden), ${threads} threads`,
      ...result.problems.map((p) => `  problem: ${p}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  return result.ok ? 0 : 1;
}
