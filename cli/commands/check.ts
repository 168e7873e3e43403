import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { ThreadlightError } from '../../lib/errors';
import { defaultDbPath, openDb } from '../../lib/store/open-db';
import { checkDb, type DbCheck } from '../../lib/store/check-db';

/** `threadlight check [--db PATH] [--json]`: exit 0 when the database is sound, 1 otherwise. */
export async function runCheck(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const file = values.db ?? defaultDbPath();
  // openDb would create a missing file, and an empty database would pass every check.
  if (!fs.existsSync(file)) throw new ThreadlightError(`no database at ${file}`);
  let result: DbCheck;
  try {
    const db = openDb(file);
    try {
      result = checkDb(db);
    } finally {
      db.close();
    }
  } catch (err) {
    // A file that SQLite cannot even open is the worst finding, not a crash.
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
      `${file}: ${result.ok ? 'ok' : `${result.problems.length} problem(s)`}`,
      `  ${lists} lists, ${messages} messages (${hiddenMessages} hidden), ${threads} threads`,
      ...result.problems.map((p) => `  problem: ${p}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }
  return result.ok ? 0 : 1;
}
