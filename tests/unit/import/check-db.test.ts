import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importGitEpoch } from '../../../lib/import/import-git-epoch';
import { checkDb } from '../../../lib/store/check-db';
import { SqliteStore } from '../../../lib/store/sqlite-store';
import { appendCommits, makeEpoch, removeTempDirs, tempDir } from './epoch-helpers';

afterAll(removeTempDirs);

const EPOCH_FIXTURES = path.join(import.meta.dirname, '../../fixtures/import/epoch');
const mail = (n: number) => fs.readFileSync(path.join(EPOCH_FIXTURES, `${n}.eml`));

async function importedDb() {
  const repo = makeEpoch();
  appendCommits(repo, [{ add: mail(1) }, { add: mail(2) }, { add: mail(7) }, { remove: mail(7) }]);
  // SQLite's checks, over rows broken by hand: the PostgreSQL store checks its own.
  const store = SqliteStore.open(path.join(tempDir('tl-check-'), 'test.db'));
  await importGitEpoch(store, 'sparse', repo);
  return store.db;
}

describe('checkDb', () => {
  it('passes a freshly imported database and counts it', async () => {
    expect(checkDb(await importedDb())).toEqual({
      ok: true,
      problems: [],
      counts: { lists: 1, messages: 2, hiddenMessages: 1, threads: 1 },
    });
  });

  it('lists visible messages without a thread and the threads they left miscounted', async () => {
    const db = await importedDb();
    db.prepare('UPDATE messages SET thread_id = NULL WHERE id = 2').run();
    expect(checkDb(db)).toMatchObject({
      ok: false,
      problems: [
        'messages without a thread: 1 (rows 2)',
        'threads with a wrong message count: 1 (rows 1)',
      ],
    });
  });

  it('finds messages pointing to a missing thread and broken foreign keys', async () => {
    const db = await importedDb();
    db.pragma('foreign_keys = OFF');
    db.prepare('DELETE FROM threads').run();
    db.prepare('UPDATE messages SET list_id = 42 WHERE id = 1').run();
    expect(checkDb(db).problems).toEqual([
      'foreign key: messages row 1 refers to a missing row of lists',
      'messages in a missing thread: 2 (rows 1, 2)',
    ]);
  });
});
