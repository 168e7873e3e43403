import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importGitEpoch } from '../../../lib/import/import-git-epoch';
import { importPaths } from '../../../lib/import/import-paths';
import type { SqliteStore } from '../../../lib/store/sqlite-store';
import type { Store } from '../../../lib/store/store';
import { BACKENDS, openFreshStore } from '../../support/backends';
import { appendCommits, headOf, makeEpoch, removeTempDirs } from './epoch-helpers';

afterAll(removeTempDirs);

// Seven real linux-sparse messages (see tests/fixtures/import/README.md).
const EPOCH_FIXTURES = path.join(import.meta.dirname, '../../fixtures/import/epoch');
const mail = (n: number) => fs.readFileSync(path.join(EPOCH_FIXTURES, `${n}.eml`));

const ID = {
  kernelH: 'db1c5b13-8864-f7a9-81b7-8cb153760778@infradead.org',
  kernelHReply: '20190930163258.7nrseddp5mk6wyz4@ltop.local',
  kernelHReply2: 'd0a328fa-ac96-8629-df84-fc2ee32619ef@infradead.org',
  announce: '20200618221540.gvibhjj5fxiu4g4h@ltop.local',
  announceReply: 'ce3f1a29-e7d1-a18b-dec9-a0e794c6d7ac@ramsayjones.plus.com',
  announceReply2: '20200620141225.q74amobti2us4onq@ltop.local',
  pure: '09d824ac-5371-830e-466d-7f78ccdae065@codethink.co.uk',
};

/** Every thread of the list as `subject: id, id...`, members by date. */
async function threads(store: Store, list = 'sparse'): Promise<string[]> {
  const { threads: all } = (await store.getListThreads(list, 1, 100))!;
  const lines = await Promise.all(
    all.map(async (t) => {
      const { messages } = (await store.getThreadMessages(list, t.linkMessageId))!;
      return `${t.subject}: ${messages.map((m) => m.messageId).join(', ')}`;
    }),
  );
  return lines.sort();
}

/** The import cursor saved for this repository in the list. */
async function cursor(store: Store, repoDir: string, list = 'sparse'): Promise<string | null> {
  const listId = await store.getListId(list);
  return listId === null ? null : store.getImportCursor(listId, repoDir);
}

describe.each(BACKENDS)('git epochs (%s)', (backend) => {
  let repo: string;
  let db: Store;
  beforeEach(async () => {
    repo = makeEpoch();
    db = await openFreshStore(backend);
  });
  afterEach(() => db.close());

  describe('importGitEpoch', () => {
    it('imports the messages, threads them and hides the deleted one', async () => {
      appendCommits(repo, [
        { add: mail(1) },
        { add: mail(2) },
        { add: mail(3) },
        { add: mail(4) },
        { add: mail(5) },
        { remove: mail(2) },
      ]);
      const summary = await importGitEpoch(db, 'sparse', repo);
      expect(summary).toEqual({ imported: 5, duplicates: 0, rejected: [], hidden: 1 });
      expect(await threads(db)).toEqual([
        `<linux/kernel.h>: container_of(): ${ID.kernelH}, ${ID.kernelHReply2}`,
        `[ANNOUNCE] Sparse v0.6.2-rc2: ${ID.announce}, ${ID.announceReply}`,
      ]);
      expect(await db.getMessage('sparse', ID.kernelHReply)).toBeNull();
      if (db.kind === 'sqlite') {
        // Columns the store's interface does not read back: the hidden row and positions.
        const file = (db as SqliteStore).db;
        const hidden = file
          .prepare('SELECT message_id, thread_id FROM messages WHERE hidden = 1')
          .all();
        expect(hidden).toEqual([{ message_id: ID.kernelHReply, thread_id: null }]);
        const positions = file.prepare('SELECT source, position FROM messages ORDER BY id').all();
        expect(positions[0]).toEqual({
          source: repo,
          position: expect.stringMatching(/^commit [0-9a-f]{40}$/),
        });
      }
      expect(await cursor(db, repo)).toBe(headOf(repo));
      expect(await db.check()).toMatchObject({ ok: true, counts: { hiddenMessages: 1 } });
    });

    it('reads only new commits on a second import', async () => {
      appendCommits(repo, [{ add: mail(1) }, { add: mail(2) }, { add: mail(4) }]);
      await importGitEpoch(db, 'sparse', repo);
      expect(await importGitEpoch(db, 'sparse', repo)).toEqual({
        imported: 0,
        duplicates: 0,
        rejected: [],
      });

      appendCommits(repo, [{ add: mail(3) }, { add: mail(5) }]);
      expect(await importGitEpoch(db, 'sparse', repo)).toEqual({
        imported: 2,
        duplicates: 0,
        rejected: [],
      });
      expect(await threads(db)).toEqual([
        `<linux/kernel.h>: container_of(): ${ID.kernelH}, ${ID.kernelHReply}, ${ID.kernelHReply2}`,
        `[ANNOUNCE] Sparse v0.6.2-rc2: ${ID.announce}, ${ID.announceReply}`,
      ]);
      expect(await cursor(db, repo)).toBe(headOf(repo));
    });

    it('applies a deletion of a message imported by an earlier run and rethreads', async () => {
      appendCommits(repo, [{ add: mail(4) }, { add: mail(5) }, { add: mail(6) }]);
      await importGitEpoch(db, 'sparse', repo);
      appendCommits(repo, [{ remove: mail(5) }]);
      expect(await importGitEpoch(db, 'sparse', repo)).toEqual({
        imported: 0,
        duplicates: 0,
        rejected: [],
        hidden: 1,
      });
      // The reply to the hidden message stays in the thread, under a placeholder.
      expect(await threads(db)).toEqual([
        `[ANNOUNCE] Sparse v0.6.2-rc2: ${ID.announce}, ${ID.announceReply2}`,
      ]);
      expect((await db.getListThreads('sparse', 1, 10))!.threads[0]!.messages).toBe(2);
      expect(await db.check()).toMatchObject({
        ok: true,
        counts: { messages: 2, hiddenMessages: 1 },
      });
    });

    it('starts over when the saved cursor is no longer in the history, storing nothing twice', async () => {
      appendCommits(repo, [{ add: mail(1) }, { add: mail(4) }]);
      await importGitEpoch(db, 'sparse', repo);
      // Rewrite history: a new root commit with the same first message, then a new one.
      const rewritten = makeEpoch();
      appendCommits(rewritten, [{ add: mail(1) }, { add: mail(7) }]);
      fs.rmSync(repo, { recursive: true });
      fs.cpSync(rewritten, repo, { recursive: true });
      expect(await importGitEpoch(db, 'sparse', repo)).toEqual({
        imported: 1,
        duplicates: 1,
        rejected: [],
      });
      expect(await threads(db)).toContain(`sparse: __pure declaration only: ${ID.pure}`);
    });

    it('reports a commit that holds neither m nor d, and moves past it', async () => {
      const [, odd] = appendCommits(repo, [{ add: mail(1) }, { other: mail(4) }, { add: mail(7) }]);
      expect(await importGitEpoch(db, 'sparse', repo)).toEqual({
        imported: 2,
        duplicates: 0,
        rejected: [
          {
            source: repo,
            position: `commit ${odd}`,
            reason: 'commit holds neither an `m` nor a `d` blob',
          },
        ],
      });
      expect((await importGitEpoch(db, 'sparse', repo)).rejected).toEqual([]);
    });

    it('imports nothing from an epoch without commits', async () => {
      expect(await importGitEpoch(db, 'sparse', repo)).toEqual({
        imported: 0,
        duplicates: 0,
        rejected: [],
      });
      expect(await cursor(db, repo)).toBe(null);
    });
  });

  describe('importPaths', () => {
    it('reads git repositories as epochs and everything else as files, into one list', async () => {
      appendCommits(repo, [{ add: mail(1) }, { add: mail(2) }]);
      const summary = await importPaths(db, 'sparse', [
        path.join(EPOCH_FIXTURES, '3.eml'),
        repo,
        path.join(EPOCH_FIXTURES, '7.eml'),
      ]);
      expect(summary).toEqual({ imported: 4, duplicates: 0, rejected: [] });
      expect(await threads(db)).toEqual([
        `<linux/kernel.h>: container_of(): ${ID.kernelH}, ${ID.kernelHReply}, ${ID.kernelHReply2}`,
        `sparse: __pure declaration only: ${ID.pure}`,
      ]);
      // A second run: the epoch reads nothing, the files are recognised as stored.
      expect(await importPaths(db, 'sparse', [repo, path.join(EPOCH_FIXTURES, '3.eml')])).toEqual({
        imported: 0,
        duplicates: 1,
        rejected: [],
      });
    });
  });
});
