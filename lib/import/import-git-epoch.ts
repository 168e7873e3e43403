/**
 * Incremental, kill-safe import of one public-inbox v2 epoch. Reading starts after
 * the cursor saved for (list, repository); the cursor moves only when every commit
 * before it is committed to the database (messages stored, deletions applied), so a
 * killed import re-run reads on from there and content hashes absorb any overlap.
 */
import path from 'node:path';
import type { Store } from '../store/store';
import { contentHash } from '../store/content-hash';
import {
  importStream,
  type ImportOptions,
  type ImportSummary,
  type StreamItem,
} from './import-stream';
import { readGitEpoch, type GitMessage, type GitProblem } from './read-git-epoch';

/** An import summary; `hidden` counts messages hidden by upstream deletions, when any. */
export type GitImportSummary = ImportSummary & { hidden?: number };

export async function importGitEpoch(
  store: Store,
  list: string,
  repoDir: string,
  options: ImportOptions = {},
): Promise<GitImportSummary> {
  const source = path.resolve(repoDir);
  const listId = await store.ensureList(list);
  const since = await store.getImportCursor(listId, source);

  let lastRead: string | null = null; // commit of the newest item read
  let saved = since;
  let hidden = 0;
  let hiddenDuring = 0; // hidden while importStream ran
  let pendingHides: string[] = [];
  // Items handed to importStream and not yet reported stored, oldest first: each with
  // the cursor that holds once it is stored, and the deletions read just before it.
  // importStream prepares ahead, so "read" is not "stored": the cursor follows these.
  const marks: { item: StreamItem; cursor: string | null; hides: string[] }[] = [];

  // Called only when all items up to `cursor` are committed: apply the deletions read
  // before it (their messages are stored by now), then move the cursor. In that order,
  // a kill between the two leaves the cursor behind: the re-run hides again (hiding is
  // idempotent) and never skips a deletion.
  const commitPoint = async (cursor: string | null, hides: string[]) => {
    if (cursor === null || (cursor === saved && hides.length === 0)) return 0;
    let newlyHidden = 0;
    for (const hash of hides) newlyHidden += await store.hideMessage(listId, hash);
    await store.setImportCursor(listId, source, cursor);
    saved = cursor;
    hidden += newlyHidden;
    return newlyHidden;
  };

  // importStream stored everything up to `last`: commit the marks through it.
  const commitThrough = async (last: StreamItem) => {
    const at = marks.findIndex((m) => m.item === last);
    if (at < 0) return;
    const done = marks.splice(0, at + 1);
    hiddenDuring += await commitPoint(
      done[at]!.cursor,
      done.flatMap((m) => m.hides),
    );
  };

  async function* messages(): AsyncGenerator<GitMessage | GitProblem> {
    for await (const item of readGitEpoch(repoDir, since ? { since } : {})) {
      if (item.commit) lastRead = item.commit;
      if ('deleted' in item) {
        // The same identity the stored copy got (line endings aside), so the delete finds it.
        pendingHides.push(contentHash(item.deleted));
      } else {
        marks.push({ item, cursor: lastRead, hides: pendingHides });
        pendingHides = [];
        yield item;
      }
    }
  }

  const summary: GitImportSummary = await importStream(store, list, messages(), {
    ...options,
    onBatchSaved: async (last) => {
      await commitThrough(last);
      await options.onBatchSaved?.(last);
    },
  });
  // Whatever was left (duplicates, rejections, deletions) is committed now too.
  const rest = [...marks.flatMap((m) => m.hides), ...pendingHides];
  // importStream rethreads only when it stored something; hides without imports need it too.
  const hiddenLate = await commitPoint(lastRead, rest);
  if (hiddenLate > 0 || (hiddenDuring > 0 && summary.imported === 0)) {
    await store.rethreadList(listId);
  }
  if (hidden > 0) summary.hidden = hidden;
  return summary;
}
