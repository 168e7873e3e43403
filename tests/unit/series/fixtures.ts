import path from 'node:path';
import type { Message } from '@/lib/types';
import { readSources } from '@/lib/import/read-sources';
import { parseMessage } from '@/lib/mail/parse-message';
import { openDb, type Db } from '@/lib/store/open-db';
import { importStream } from '@/lib/import/import-stream';

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

/** An in-memory database with each fixture imported into a list named after it. */
export async function fixtureDb(names: string[]): Promise<Db> {
  const db = openDb(':memory:');
  for (const name of names) {
    const s = await importStream(db, name, readSources([path.join(FIXTURES, name)]));
    if (s.rejected.length > 0) throw new Error(JSON.stringify(s.rejected));
  }
  return db;
}

/** An in-memory database with the fixtures imported into one list (versions in separate threads). */
export async function fixtureListDb(list: string, names: string[]): Promise<Db> {
  const db = openDb(':memory:');
  for (const name of names) {
    const s = await importStream(db, list, readSources([path.join(FIXTURES, name)]));
    if (s.rejected.length > 0) throw new Error(JSON.stringify(s.rejected));
  }
  return db;
}
