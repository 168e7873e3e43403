/**
 * The bundled sample archive (samples/README.md: the seed message, real linux-sparse
 * threads, b4 series), one folder a list. `threadlight sample` and the web server's
 * first start (instrumentation.ts) both go through here, so a fresh clone shows real
 * threads however it is started.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../store/store';
import { importStream, type ImportSummary } from './import-stream';
import { readSources } from './read-sources';

/** One list of the sample archive and how its import went. */
export interface SampleImport {
  list: string;
  summary: ImportSummary;
}

/** Import every folder of `dir` as the list of that name, in name order. */
export async function importSamples(store: Store, dir: string): Promise<SampleImport[]> {
  const done: SampleImport[] = [];
  for (const list of fs.readdirSync(dir).sort()) {
    const folder = path.join(/*turbopackIgnore: true*/ dir, list);
    if (!fs.statSync(folder).isDirectory()) continue;
    done.push({ list, summary: await importStream(store, list, readSources([folder])) });
  }
  return done;
}

/**
 * Import the sample archive when the database holds no message at all (so never over
 * anyone's archive, however small); null when it already had messages. Idempotent, like
 * every import: two starts racing each other store each message once.
 */
export async function importSamplesIfEmpty(
  store: Store,
  dir: string,
): Promise<SampleImport[] | null> {
  return (await store.countMessages()) > 0 ? null : importSamples(store, dir);
}
