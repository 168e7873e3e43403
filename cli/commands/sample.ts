import { parseArgs } from 'node:util';
import path from 'node:path';
import { openDb } from '../../lib/store/open-db';
import { countMessages } from '../../lib/store/read-archive';
import { importSamples, importSamplesIfEmpty } from '../../lib/import/import-samples';

/** The bundled sample archive: one folder a list (see samples/README.md). */
export const SAMPLES_DIR = path.join(import.meta.dirname, '..', '..', 'samples');

/** `threadlight sample [--db PATH] [--force]`: import the samples when the database is empty. */
export async function runSample(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const db = openDb(values.db);
  try {
    const done = values.force
      ? await importSamples(db, SAMPLES_DIR)
      : await importSamplesIfEmpty(db, SAMPLES_DIR);
    if (!done) {
      process.stdout.write(
        `database has ${countMessages(db)} messages; sample archive not imported\n`,
      );
      return 0;
    }
    for (const { list, summary: s } of done) {
      process.stdout.write(
        `sample ${list}: imported ${s.imported}, duplicates ${s.duplicates}, rejected ${s.rejected.length}\n`,
      );
    }
    return done.some((d) => d.summary.rejected.length > 0) ? 1 : 0;
  } finally {
    db.close();
  }
}
