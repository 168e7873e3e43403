import type { ThreadInput, ThreadNode } from '../types';
import type { Db } from './open-db';
import type { Statement } from 'better-sqlite3';
import { buildThreads } from '../thread/build-threads';
import { ConnectedGroups, mergingSubjects, type GroupInput } from '../thread/connected-groups';
import { RETHREAD_BATCH_MESSAGES } from '../limits';

/** The columns threading reads of a message row. */
export interface ThreadRow {
  id: number;
  message_id: string;
  in_reply_to: string | null;
  refs_json: string;
  subject: string;
  date: string | null;
  from_name: string;
  from_addr: string;
}

export type Input = ThreadInput & { fromName: string };
type LinkRow = Pick<ThreadRow, 'id' | 'message_id' | 'in_reply_to' | 'refs_json' | 'subject'>;

/**
 * Rebuild the thread table of one list from its messages' headers. Threads are
 * derived data: URLs use Message-IDs, never thread row ids, so renumbering is safe.
 *
 * Memory stays bounded on lists of millions: a first pass reads only the headers that
 * connect messages and splits the list into groups no thread crosses
 * (lib/thread/connected-groups.ts); the groups are then read back and threaded a batch
 * at a time. Only one batch's headers are ever in memory, not the whole list's.
 */
export function rethreadList(
  db: Db,
  listId: number,
  batchMessages = RETHREAD_BATCH_MESSAGES,
): number {
  const linkStmt = db.prepare(
    `SELECT id, message_id, in_reply_to, refs_json, subject
     FROM messages WHERE list_id = ? AND hidden = 0 ORDER BY id`,
  );
  // Read twice rather than kept: the subjects that can merge threads, then the links.
  function* linkRows(): Generator<GroupInput & { id: number }> {
    for (const r of linkStmt.iterate(listId) as IterableIterator<LinkRow>) {
      yield {
        id: r.id,
        messageId: r.message_id,
        inReplyTo: r.in_reply_to,
        references: JSON.parse(r.refs_json) as string[],
        subject: r.subject,
      };
    }
  }
  const groups = new ConnectedGroups(mergingSubjects(linkRows()));
  const rowIds: number[] = [];
  for (const m of linkRows()) {
    rowIds.push(m.id);
    groups.add(m);
  }
  const { order, starts } = groups.groups();

  const readRow = db.prepare(
    `SELECT id, message_id, in_reply_to, refs_json, subject, date, from_name, from_addr
     FROM messages WHERE id = ?`,
  );
  const insertThread = db.prepare(`INSERT INTO threads
    (list_id, root_message_id, subject, message_count, participants_json, first_date, last_date)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  // Setting thread_id rewrites the whole row (raw bytes, body, segments): skip rows that
  // already have the right value, as most do when a rethread follows a small import.
  const setThread = db.prepare(
    'UPDATE messages SET thread_id = ? WHERE id = ? AND thread_id IS NOT ?',
  );
  let threads = 0;
  db.transaction(() => {
    db.prepare('DELETE FROM threads WHERE list_id = ?').run(listId);
    db.prepare(
      'UPDATE messages SET thread_id = NULL WHERE list_id = ? AND hidden = 1 AND thread_id IS NOT NULL',
    ).run(listId);
    // Thread of each row, by the row's place in rowIds (rows are set in row order last).
    const threadOf = new Float64Array(rowIds.length);
    const placeOf = new Map<number, number>();
    let g = 0;
    while (g + 1 < starts.length) {
      // Whole groups, up to batchMessages (one larger group goes alone).
      let end = g + 1;
      while (end + 1 < starts.length && starts[end + 1]! - starts[g]! <= batchMessages) {
        end++;
      }
      const inputs = readInputs(readRow, order.subarray(starts[g]!, starts[end]!), rowIds);
      placeOf.clear();
      for (let i = starts[g]!; i < starts[end]!; i++) placeOf.set(rowIds[order[i]!]!, order[i]!);
      for (const root of buildThreads(inputs)) {
        const members = collect(root);
        if (members.length === 0) continue;
        const t = threadSummary(root, members);
        const { lastInsertRowid } = insertThread.run(
          listId,
          t.root,
          t.subject,
          t.count,
          t.participants,
          t.first,
          t.last,
        );
        threads++;
        for (const m of members) threadOf[placeOf.get(Number(m.key))!] = Number(lastInsertRowid);
      }
      g = end;
    }
    // In row order: the table is walked once front to back instead of thread by thread.
    for (let i = 0; i < rowIds.length; i++) setThread.run(threadOf[i], rowIds[i], threadOf[i]);
  })();
  return threads;
}

/** One batch of messages as threading inputs, in the order of `places`. */
function readInputs(readRow: Statement, places: Int32Array, rowIds: readonly number[]): Input[] {
  const toInput = threadInputReader();
  return Array.from(places, (place) => toInput(readRow.get(rowIds[place]) as ThreadRow));
}

/**
 * Row → threading input, keeping every Message-ID, subject and name once however often
 * it recurs (a popular id is in the References of each reply below it): read from the
 * database, each occurrence would be its own copy. One reader per batch.
 */
export function threadInputReader(): (r: ThreadRow) => Input {
  const pool = new Map<string, string>();
  const once = (text: string): string => {
    const kept = pool.get(text);
    if (kept !== undefined) return kept;
    pool.set(text, text);
    return text;
  };
  return (r) => ({
    key: String(r.id),
    messageId: once(r.message_id),
    inReplyTo: r.in_reply_to === null ? null : once(r.in_reply_to),
    references: (JSON.parse(r.refs_json) as string[]).map(once),
    subject: once(r.subject),
    date: r.date,
    fromName: once(r.from_name || r.from_addr),
  });
}

/** A thread's row in the threads table, from its tree and its messages (not empty). */
export function threadSummary(root: ThreadNode<Input>, members: readonly Input[]) {
  const dates = members
    .map((m) => m.date)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    root: root.messageId,
    subject: (root.missing ? members[0]! : root.message).subject,
    count: members.length,
    participants: JSON.stringify([...new Set(members.map((m) => m.fromName))]),
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
  };
}

/** Messages of a tree in display order, without placeholders (iterative: chains may be deep). */
export function collect(root: ThreadNode<Input>): Input[] {
  const out: Input[] = [];
  const stack: ThreadNode<Input>[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (!node.missing) out.push(node.message);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}
