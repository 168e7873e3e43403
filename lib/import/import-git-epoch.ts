/**
 * Incremental, kill-safe import of one public-inbox v2 epoch. Reading starts after
 * the cursor saved for (list, repository); the cursor moves only when every commit
 * before it is committed to the database (messages stored, deletions applied), so a
 * killed import re-run reads on from there and content hashes absorb any overlap.
 */
import crypto from 'node:crypto';
import path from 'node:path';
import type { Db } from '../store/open-db';
import { ensureList } from '../store/save-messages';
import { rethreadList } from '../store/rethread-list';
import { getImportCursor, hideMessage, setImportCursor } from '../store/import-state';
import { importStream, type ImportOptions, type ImportSummary } from './import-stream';
import { readGitEpoch, type GitMessage, type GitProblem } from './read-git-epoch';

/** An import summary; `hidden` counts messages hidden by upstream deletions, when any. */
export type GitImportSummary = ImportSummary & { hidden?: number };

export async function importGitEpoch(
  db: Db,
  list: string,
  repoDir: string,
  options: ImportOptions = {},
): Promise<GitImportSummary> {
  const source = path.resolve(repoDir);
  const listId = ensureList(db, list);
  const since = getImportCursor(db, listId, source);

  let lastRead: string | null = null; // commit of the newest item handed on
  let saved = since;
  let hidden = 0;
  let pendingHides: string[] = [];

  // Called only when all items read so far are committed: apply the deletions read
  // meanwhile (their messages are stored by now) and move the cursor, atomically.
  const commitPoint = () => {
    if (lastRead === null || lastRead === saved) return 0;
    const hides = pendingHides;
    const cursor = lastRead;
    let newlyHidden = 0;
    db.transaction(() => {
      for (const hash of hides) newlyHidden += hideMessage(db, listId, hash);
      setImportCursor(db, listId, source, cursor);
    })();
    pendingHides = [];
    saved = cursor;
    hidden += newlyHidden;
    return newlyHidden;
  };

  async function* messages(): AsyncGenerator<GitMessage | GitProblem> {
    for await (const item of readGitEpoch(repoDir, since ? { since } : {})) {
      if (item.commit) lastRead = item.commit;
      if ('deleted' in item) {
        pendingHides.push(crypto.createHash('sha256').update(item.deleted).digest('hex'));
      } else {
        yield item;
      }
    }
  }

  const summary: GitImportSummary = await importStream(db, list, messages(), {
    ...options,
    // importStream reports stored messages right after their batch commits; the item
    // being handled then was the last one read, so everything up to it is stored.
    onImported: (messageId) => {
      options.onImported?.(messageId);
      commitPoint();
    },
  });
  // Whatever was left (duplicates, rejections, deletions) is committed now too.
  if (commitPoint() > 0) rethreadList(db, listId);
  if (hidden > 0) summary.hidden = hidden;
  return summary;
}
