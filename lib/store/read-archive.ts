import type { Address, Attachment, Segment, ThreadInput } from '../types';
import type { Db } from './open-db';
import { SEGMENTS_VERSION } from '../segments/version';
import { segmentMessage } from '../segments/segment-message';

export interface ListSummary {
  name: string;
  messages: number;
  threads: number;
  lastDate: string | null;
}

export interface ThreadSummary {
  rootMessageId: string;
  /** A message of the thread that exists (the root may be a placeholder). */
  linkMessageId: string;
  /** Its duplicate index: non-zero when it reused a Message-ID stored before. */
  linkDup: number;
  subject: string;
  messages: number;
  participants: string[];
  firstDate: string | null;
  lastDate: string | null;
}

/** A message as pages need it. `rowId` never leaves the server (URLs use Message-IDs). */
export interface StoredMessage extends ThreadInput {
  rowId: number;
  list: string;
  dupIndex: number;
  from: Address;
  to: Address[];
  cc: Address[];
  dateRaw: string | null;
  body: string;
  segments: Segment[];
  attachments: Attachment[];
  warnings: string[];
}

/** Messages stored, hidden ones included: zero only in a database nothing was imported into. */
export function countMessages(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
}

/** Just the lists' names, in order: counting a big list's messages takes tens of ms. */
export function getListNames(db: Db): string[] {
  return (db.prepare('SELECT name FROM lists ORDER BY name').raw().all() as [string][]).map(
    ([name]) => name,
  );
}

export function getLists(db: Db): ListSummary[] {
  return db
    .prepare(
      `SELECT l.name AS name,
        (SELECT COUNT(*) FROM messages m WHERE m.list_id = l.id AND m.hidden = 0) AS messages,
        (SELECT COUNT(*) FROM threads t WHERE t.list_id = l.id) AS threads,
        (SELECT MAX(last_date) FROM threads t WHERE t.list_id = l.id) AS lastDate
       FROM lists l ORDER BY l.name`,
    )
    .all() as ListSummary[];
}

export function getListThreads(
  db: Db,
  list: string,
  page: number,
  perPage: number,
): { total: number; threads: ThreadSummary[] } | null {
  const l = db.prepare('SELECT id FROM lists WHERE name = ?').get(list) as
    { id: number } | undefined;
  if (!l) return null;
  const { total } = db
    .prepare('SELECT COUNT(*) AS total FROM threads WHERE list_id = ?')
    .get(l.id) as {
    total: number;
  };
  const rows = db
    .prepare(
      `SELECT t.root_message_id AS rootMessageId, t.subject, t.message_count AS messages,
        t.participants_json, t.first_date AS firstDate, t.last_date AS lastDate,
        (SELECT m.message_id FROM messages m WHERE m.thread_id = t.id AND m.hidden = 0
          ORDER BY m.date, m.id LIMIT 1)
          AS linkMessageId,
        (SELECT m.dup_index FROM messages m WHERE m.thread_id = t.id AND m.hidden = 0
          ORDER BY m.date, m.id LIMIT 1)
          AS linkDup
       FROM threads t WHERE t.list_id = ?
       -- SQLite sorts NULL lowest, so undated threads come last in DESC order.
       ORDER BY t.last_date DESC, t.id DESC LIMIT ? OFFSET ?`,
    )
    .all(l.id, perPage, (page - 1) * perPage) as (Omit<ThreadSummary, 'participants'> & {
    participants_json: string;
  })[];
  return {
    total,
    threads: rows.map(({ participants_json, ...t }) => ({
      ...t,
      participants: JSON.parse(participants_json) as string[],
    })),
  };
}

/** A messages row as MESSAGE_COLUMNS selects it: the same in every store. */
export interface MessageRow {
  id: number;
  list: string;
  message_id: string;
  dup_index: number;
  subject: string;
  from_name: string;
  from_addr: string;
  to_json: string;
  cc_json: string;
  date: string | null;
  date_raw: string | null;
  in_reply_to: string | null;
  refs_json: string;
  body: string;
  attachments_json: string;
  warnings_json: string;
  segments_json: string;
  segments_version: number;
  thread_id: number | null;
}

/** Columns of `messages m JOIN lists l` for `storedMessage`: SQL both stores accept. */
export const MESSAGE_COLUMNS = `m.id, l.name AS list, m.message_id, m.dup_index, m.subject, m.from_name,
  m.from_addr, m.to_json, m.cc_json, m.date, m.date_raw, m.in_reply_to, m.refs_json, m.body,
  m.attachments_json, m.warnings_json, m.segments_json, m.segments_version, m.thread_id`;

/**
 * A row as pages see it. Segments stored by an older segmenter are recomputed from the
 * stored body and handed to `saveSegments`, so each store keeps them once, its own way.
 */
export function storedMessage(
  r: MessageRow,
  saveSegments: (rowId: number, segmentsJson: string) => void,
): StoredMessage {
  const from = { name: r.from_name, address: r.from_addr };
  let segments = JSON.parse(r.segments_json) as Segment[];
  if (r.segments_version !== SEGMENTS_VERSION) {
    segments = segmentMessage({ body: r.body, from, date: r.date });
    saveSegments(r.id, JSON.stringify(segments));
  }
  return {
    rowId: r.id,
    key: String(r.id),
    list: r.list,
    messageId: r.message_id,
    dupIndex: r.dup_index,
    subject: r.subject,
    from,
    to: JSON.parse(r.to_json) as Address[],
    cc: JSON.parse(r.cc_json) as Address[],
    date: r.date,
    dateRaw: r.date_raw,
    inReplyTo: r.in_reply_to,
    references: JSON.parse(r.refs_json) as string[],
    body: r.body,
    segments,
    attachments: JSON.parse(r.attachments_json) as Attachment[],
    warnings: JSON.parse(r.warnings_json) as string[],
  };
}

function toStored(db: Db, r: MessageRow): StoredMessage {
  return storedMessage(r, (rowId, segmentsJson) => {
    db.prepare('UPDATE messages SET segments_json = ?, segments_version = ? WHERE id = ?').run(
      segmentsJson,
      SEGMENTS_VERSION,
      rowId,
    );
  });
}

/** The message with this id in this list (the first of duplicates unless `dup` is given). */
export function getMessage(db: Db, list: string, messageId: string, dup = 0): StoredMessage | null {
  const row = db
    .prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN lists l ON l.id = m.list_id
       WHERE l.name = ? AND m.message_id = ? AND m.dup_index = ? AND m.hidden = 0`,
    )
    .get(list, messageId, dup) as MessageRow | undefined;
  return row ? toStored(db, row) : null;
}

/** Every message of the thread that holds `messageId`, by date; null when the id is unknown. */
export function getThreadMessages(
  db: Db,
  list: string,
  messageId: string,
  dup = 0,
): { focus: StoredMessage; messages: StoredMessage[] } | null {
  const focus = getMessage(db, list, messageId, dup);
  if (!focus) return null;
  const threadId = (
    db.prepare('SELECT thread_id FROM messages WHERE id = ?').get(focus.rowId) as {
      thread_id: number | null;
    }
  ).thread_id;
  if (threadId === null) return { focus, messages: [focus] };
  const rows = db
    .prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM messages m JOIN lists l ON l.id = m.list_id
       WHERE m.thread_id = ? AND m.hidden = 0 ORDER BY m.date, m.id`,
    )
    .all(threadId) as MessageRow[];
  return { focus, messages: rows.map((r) => toStored(db, r)) };
}

/** The original bytes of a message, for raw downloads and mbox export. */
export function getRaw(
  db: Db,
  rowIds: readonly number[],
): { rowId: number; raw: Buffer; format: string; date: string | null }[] {
  const stmt = db.prepare('SELECT id, raw, format, date FROM messages WHERE id = ?');
  return rowIds.map((id) => {
    const r = stmt.get(id) as { id: number; raw: Buffer; format: string; date: string | null };
    return { rowId: r.id, raw: r.raw, format: r.format, date: r.date };
  });
}

/** The first list (by name) that holds a visible message with this Message-ID. */
export function findListOf(db: Db, messageId: string): string | null {
  const row = db
    .prepare(
      `SELECT l.name FROM messages m JOIN lists l ON l.id = m.list_id
       WHERE m.message_id = ? AND m.hidden = 0 ORDER BY l.name LIMIT 1`,
    )
    .get(messageId) as { name: string } | undefined;
  return row?.name ?? null;
}
