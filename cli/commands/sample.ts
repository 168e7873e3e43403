import { parseArgs } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../lib/store/open-db';
import { readSources } from '../../lib/import/read-sources';
import { importStream } from '../../lib/import/import-stream';

/** The bundled sample archive: one folder a list (see samples/README.md). */
export const SAMPLES_DIR = path.join(import.meta.dirname, '..', '..', 'samples');

/** `threadlight sample [--db PATH] [--force]`: import the samples when the database is empty. */
export async function runSample(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const db = openDb(values.db);
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number };
  if (n > 0 && !values.force) {
    process.stdout.write(`database has ${n} messages; sample archive not imported\n`);
    db.close();
    return 0;
  }
  let rejected = 0;
  for (const list of fs.readdirSync(SAMPLES_DIR).sort()) {
    const dir = path.join(SAMPLES_DIR, list);
    if (!fs.statSync(dir).isDirectory()) continue;
    const s = await importStream(db, list, readSources([dir]));
    rejected += s.rejected.length;
    process.stdout.write(
      `sample ${list}: imported ${s.imported}, duplicates ${s.duplicates}, rejected ${s.rejected.length}\n`,
    );
  }
  db.close();
  return rejected > 0 ? 1 : 0;
}
