import { parseArgs } from 'node:util';
import path from 'node:path';
import type { Store } from '../../lib/store/store';
import { withStore } from '../with-store';
import { importSamples, importSamplesIfEmpty } from '../../lib/import/import-samples';

/** The bundled sample archive: one folder a list (see samples/README.md). */
export const SAMPLES_DIR = path.join(import.meta.dirname, '..', '..', 'samples');

/** `threadlight sample [--db PATH|URL] [--force]`: import the samples when the database is empty. */
export async function runSample(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  return withStore(values.db, (store) => importAndReport(store, values.force));
}

async function importAndReport(store: Store, force: boolean): Promise<number> {
  const done = force
    ? await importSamples(store, SAMPLES_DIR)
    : await importSamplesIfEmpty(store, SAMPLES_DIR);
  if (!done) {
    process.stdout.write(
      `database has ${await store.countMessages()} messages; sample archive not imported\n`,
    );
    return 0;
  }
  for (const { list, summary: s } of done) {
    process.stdout.write(
      `sample ${list}: imported ${s.imported}, duplicates ${s.duplicates}, rejected ${s.rejected.length}\n`,
    );
  }
  return done.some((d) => d.summary.rejected.length > 0) ? 1 : 0;
}
