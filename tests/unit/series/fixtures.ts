import path from 'node:path';
import type { Message } from '@/lib/types';
import { readSources } from '@/lib/import/read-sources';
import { parseMessage } from '@/lib/mail/parse-message';
import type { Store } from '@/lib/store/store';
import { importStream } from '@/lib/import/import-stream';
import { openFreshStore, type BackendName } from '../../support/backends';

export const FIXTURES = path.join(import.meta.dirname, '../../fixtures/series');

/** Every message of a fixture mbox, parsed, in file order. */
export async function loadFixture(name: string): Promise<Message[]> {
  const out: Message[] = [];
  for await (const item of readSources([path.join(FIXTURES, name)])) {
    if ('problem' in item) throw new Error(item.problem.reason);
    const parsed = await parseMessage(item);
    if (!parsed.ok) throw new Error(parsed.reason);
    out.push(parsed.message);
  }
  return out;
}

/** Import fixtures into a fresh store, each into the list `listOf` names. */
async function importFixtures(
  backend: BackendName,
  names: string[],
  listOf: (name: string) => string,
): Promise<Store> {
  const store = await openFreshStore(backend);
  for (const name of names) {
    const s = await importStream(store, listOf(name), readSources([path.join(FIXTURES, name)]));
    if (s.rejected.length > 0) throw new Error(JSON.stringify(s.rejected));
  }
  return store;
}

/** A fresh store with each fixture imported into a list named after it. */
export function fixtureStore(names: string[], backend: BackendName = 'sqlite'): Promise<Store> {
  return importFixtures(backend, names, (name) => name);
}

/** A fresh store with the fixtures imported into one list (versions in separate threads). */
export function fixtureListStore(
  list: string,
  names: string[],
  backend: BackendName = 'sqlite',
): Promise<Store> {
  return importFixtures(backend, names, () => list);
}
