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
  const rows = db
    .prepare(
      `SELECT id, message_id, in_reply_to, refs_json, subject, date, from_name, from_addr
       FROM messages WHERE list_id = ? AND hidden = 0`,
    )
    .all(listId) as Row[];
  const inputs: Input[] = rows.map((r) => ({
    key: String(r.id),
    messageId: r.message_id,
    inReplyTo: r.in_reply_to,
    references: JSON.parse(r.refs_json) as string[],
    subject: r.subject,
    date: r.date,
    fromName: r.from_name || r.from_addr,
  }));
  const forest = buildThreads(inputs);
  const insertThread = db.prepare(`INSERT INTO threads
    (list_id, root_message_id, subject, message_count, participants_json, first_date, last_date)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const setThread = db.prepare('UPDATE messages SET thread_id = ? WHERE id = ?');
  db.transaction(() => {
    db.prepare('DELETE FROM threads WHERE list_id = ?').run(listId);
    db.prepare('UPDATE messages SET thread_id = NULL WHERE list_id = ? AND hidden = 1').run(listId);
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
      for (const m of members) setThread.run(lastInsertRowid, Number(m.key));
    }
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
