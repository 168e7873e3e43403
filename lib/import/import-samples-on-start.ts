import path from 'node:path';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';
import { importSamplesIfEmpty, type SampleImport } from './import-samples';

/** Where the sample archive sits: the project root is the server's working directory. */
function samplesDir(): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'samples');
}

/**
 * The server's first-start import (instrumentation.ts): the sample archive into an empty
 * database (`THREADLIGHT_DB`, else ./data/threadlight.db). A failure is logged, never
 * thrown: the server still starts, and `threadlight sample` reports the problem in full.
 */
export async function importSamplesOnStart(
  location?: string,
  dir = samplesDir(),
): Promise<SampleImport[] | null> {
  let store: Store | undefined;
  try {
    store = await openStore(location);
    const done = await importSamplesIfEmpty(store, dir);
    for (const { list, summary: s } of done ?? []) {
      console.log(`threadlight: sample list ${list}: imported ${s.imported} messages`);
    }
    return done;
  } catch (err) {
    console.error(`threadlight: could not import the sample archive: ${(err as Error).message}`);
    return null;
  } finally {
    await store?.close();
  }
}
