import type { ThreadInput, ThreadNode } from '../types';
import type { Db } from './open-db';
import { buildThreads } from '../thread/build-threads';

interface Row {
  id: number;
  message_id: string;
  in_reply_to: string | null;
  refs_json: string;
  subject: string;
  date: string | null;
  from_name: string;
  from_addr: string;
}

type Input = ThreadInput & { fromName: string };

/**
 * Rebuild the thread table of one list from its messages' headers. Threads are
 * derived data: URLs use Message-IDs, never thread row ids, so renumbering is safe.
 */
export function rethreadList(db: Db, listId: number): number {
  // Rows are turned into inputs one at a time: a big list's rows and inputs at once
  // would double the memory threading needs. Every Message-ID, subject and name is kept
  // once however often it recurs: a popular message's id is in the References of each
  // reply below it, a thread repeats its subject, a list its senders. Read from SQLite,
  // each occurrence would be its own copy, and the list's whole header set is in memory.
  const pool = new Map<string, string>();
  const once = (text: string): string => {
    const kept = pool.get(text);
    if (kept !== undefined) return kept;
    pool.set(text, text);
    return text;
  };
  const inputs: Input[] = [];
  const rows = db
    .prepare(
      `SELECT id, message_id, in_reply_to, refs_json, subject, date, from_name, from_addr
       FROM messages WHERE list_id = ? AND hidden = 0`,
    )
    .iterate(listId) as IterableIterator<Row>;
  for (const r of rows) {
    inputs.push({
      key: String(r.id),
      messageId: once(r.message_id),
      inReplyTo: r.in_reply_to === null ? null : once(r.in_reply_to),
      references: (JSON.parse(r.refs_json) as string[]).map(once),
      subject: once(r.subject),
      date: r.date,
      fromName: once(r.from_name || r.from_addr),
    });
  }
  pool.clear();
  const forest = buildThreads(inputs);
  const insertThread = db.prepare(`INSERT INTO threads
    (list_id, root_message_id, subject, message_count, participants_json, first_date, last_date)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  // Setting thread_id rewrites the whole row (raw bytes, body, segments): skip rows that
  // already have the right value, as most do when a rethread follows a small import.
  const setThread = db.prepare(
    'UPDATE messages SET thread_id = ? WHERE id = ? AND thread_id IS NOT ?',
  );
  db.transaction(() => {
    db.prepare('DELETE FROM threads WHERE list_id = ?').run(listId);
    db.prepare(
      'UPDATE messages SET thread_id = NULL WHERE list_id = ? AND hidden = 1 AND thread_id IS NOT NULL',
    ).run(listId);
    const assigned: { threadId: number | bigint; key: number }[] = [];
    for (const root of forest) {
      const members = collect(root);
      const first = members[0];
      if (!first) continue;
      const dates = members
        .map((m) => m.date)
        .filter((d): d is string => d !== null)
        .sort();
      const participants = [...new Set(members.map((m) => m.fromName))];
      const { lastInsertRowid } = insertThread.run(
        listId,
        root.messageId,
        (root.missing ? first : root.message).subject,
        members.length,
        JSON.stringify(participants),
        dates[0] ?? null,
        dates[dates.length - 1] ?? null,
      );
      for (const m of members) assigned.push({ threadId: lastInsertRowid, key: Number(m.key) });
    }
    // In row order: the table is walked once front to back instead of thread by thread.
    assigned.sort((a, b) => a.key - b.key);
    for (const a of assigned) setThread.run(a.threadId, a.key, a.threadId);
  })();
  return forest.length;
}

/** Messages of a tree in display order, without placeholders (iterative: chains may be deep). */
function collect(root: ThreadNode<Input>): Input[] {
  const out: Input[] = [];
  const stack: ThreadNode<Input>[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (!node.missing) out.push(node.message);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}
