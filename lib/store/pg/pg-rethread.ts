/**
 * rethread-list.ts on PostgreSQL, with the same threads: the same grouping
 * (lib/thread/connected-groups.ts), the same batches, the same inputs in the same order.
 * What differs is the I/O: links are read in keyset pages, each batch's rows with one
 * query, each batch's threads with one INSERT, and thread ids set with one UPDATE per
 * chunk, touching only rows whose thread changed. All in one transaction under the
 * list's lock, so pages never see a list half rethreaded and imports of it wait.
 *
 * Thread ids are reused: SQLite numbers rebuilt threads on from the highest remaining
 * row, so a list rethreaded after a small import gets mostly the numbers it had, while a
 * sequence never repeats one. Without reuse every rethread would rewrite every message
 * row of the list, where after a small import few change.
 */
import type pg from 'pg';
import type { ThreadNode } from '../../types';
import { buildThreads } from '../../thread/build-threads';
import { ConnectedGroups, mergingSubjects, type GroupInput } from '../../thread/connected-groups';
import { RETHREAD_BATCH_MESSAGES } from '../../limits';
import { inListTransaction } from './pg-tx';
import {
  collect,
  threadInputReader,
  threadSummary,
  type Input,
  type ThreadRow,
} from '../rethread-list';

/** Link rows per query on the first passes, and rows per thread_id UPDATE. */
const PAGE_ROWS = 20_000;

type Row = ThreadRow & { thread_id: number | null };
type LinkRow = Pick<Row, 'id' | 'message_id' | 'in_reply_to' | 'refs_json' | 'subject'>;

export async function rethreadList(
  pool: pg.Pool,
  listId: number,
  batchMessages = RETHREAD_BATCH_MESSAGES,
): Promise<number> {
  return inListTransaction(pool, listId, async (client) => {
    // Read twice rather than kept, as in SQLite: the subjects that can merge, then links.
    async function* linkPages(): AsyncGenerator<(GroupInput & { id: number })[]> {
      for (let after = 0; ;) {
        const { rows } = await client.query<LinkRow>(
          `SELECT id, message_id, in_reply_to, refs_json, subject FROM messages
           WHERE list_id = $1 AND hidden = 0 AND id > $2 ORDER BY id LIMIT $3`,
          [listId, after, PAGE_ROWS],
        );
        if (rows.length === 0) return;
        yield rows.map((r) => ({
          id: r.id,
          messageId: r.message_id,
          inReplyTo: r.in_reply_to,
          references: JSON.parse(r.refs_json) as string[],
          subject: r.subject,
        }));
        after = rows[rows.length - 1]!.id;
      }
    }
    const merging = new Set<number>();
    for await (const page of linkPages()) for (const key of mergingSubjects(page)) merging.add(key);
    const groups = new ConnectedGroups(merging);
    const rowIds: number[] = [];
    for await (const page of linkPages()) {
      for (const m of page) {
        rowIds.push(m.id);
        groups.add(m);
      }
    }
    const { order, starts } = groups.groups();

    await client.query('DELETE FROM threads WHERE list_id = $1', [listId]);
    await client.query(
      'UPDATE messages SET thread_id = NULL WHERE list_id = $1 AND hidden = 1 AND thread_id IS NOT NULL',
      [listId],
    );
    // Thread of each row, by the row's place in rowIds (rows are set in row order last).
    const threadOf = new Float64Array(rowIds.length);
    const placeOf = new Map<number, number>();
    const numbering = { last: 0 };
    let threads = 0;
    let g = 0;
    while (g + 1 < starts.length) {
      // Whole groups, up to batchMessages (one larger group goes alone).
      let end = g + 1;
      while (end + 1 < starts.length && starts[end + 1]! - starts[g]! <= batchMessages) end++;
      const places = order.subarray(starts[g]!, starts[end]!);
      placeOf.clear();
      for (const place of places) placeOf.set(rowIds[place]!, place);
      const { inputs, oldThread } = await readInputs(client, places, rowIds);
      const built = buildThreads(inputs)
        .map((root) => ({ root, members: collect(root) }))
        .filter((t) => t.members.length > 0);
      const threadIds = await threadIdsFor(
        client,
        built.map(({ members }) => oldThread.get(members[0]!.key) ?? null),
        numbering,
      );
      await insertThreads(client, listId, built, threadIds);
      built.forEach(({ members }, i) => {
        for (const m of members) threadOf[placeOf.get(Number(m.key))!] = threadIds[i]!;
      });
      threads += built.length;
      g = end;
    }
    // In row order, one statement per chunk; rows already in the right thread (most, after
    // a small import) are not rewritten.
    for (let start = 0; start < rowIds.length; start += PAGE_ROWS) {
      await client.query(
        `UPDATE messages m SET thread_id = u.thread_id
         FROM unnest($1::bigint[], $2::bigint[]) AS u(id, thread_id)
         WHERE m.id = u.id AND m.thread_id IS DISTINCT FROM u.thread_id`,
        [
          rowIds.slice(start, start + PAGE_ROWS),
          Array.from(threadOf.subarray(start, start + PAGE_ROWS)),
        ],
      );
    }
    return threads;
  });
}

/**
 * Ids for a batch's threads, in creation order: each keeps the id its first message's
 * thread had, while those increase; the rest get new ones from the table's sequence,
 * above every id. Ids thus always increase in creation order, as SQLite's do, so threads
 * tied on date list in the same order. `numbering.last` carries the last id over batches.
 */
async function threadIdsFor(
  client: pg.PoolClient,
  previous: readonly (number | null)[],
  numbering: { last: number },
): Promise<number[]> {
  const out: number[] = [];
  for (const old of previous) {
    if (old === null || old <= numbering.last) break;
    out.push((numbering.last = old));
  }
  const missing = previous.length - out.length;
  if (missing > 0) {
    const { rows } = await client.query<{ id: number }>(
      `SELECT nextval(pg_get_serial_sequence('threads', 'id')) AS id FROM generate_series(1, $1)`,
      [missing],
    );
    out.push(...rows.map((r) => r.id).sort((a, b) => a - b));
    numbering.last = out[out.length - 1]!;
  }
  return out;
}

/** Insert a batch's threads with the ids given. */
async function insertThreads(
  client: pg.PoolClient,
  listId: number,
  built: { root: ThreadNode<Input>; members: Input[] }[],
  ids: readonly number[],
): Promise<void> {
  if (built.length === 0) return;
  const rows = built.map(({ root, members }) => threadSummary(root, members));
  await client.query(
    `INSERT INTO threads (id, list_id, root_message_id, subject, message_count,
      participants_json, first_date, last_date)
     SELECT u.id, $2, u.root, u.subject, u.count, u.participants, u.first, u.last
     FROM unnest($1::bigint[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[],
       $8::text[]) AS u(id, root, subject, count, participants, first, last)`,
    [
      ids,
      listId,
      rows.map((r) => r.root),
      rows.map((r) => r.subject),
      rows.map((r) => r.count),
      rows.map((r) => r.participants),
      rows.map((r) => r.first),
      rows.map((r) => r.last),
    ],
  );
}

/**
 * One batch of messages as threading inputs, in the order of `places` (threading reads
 * them in group order), and the thread each was in by key.
 */
async function readInputs(
  client: pg.PoolClient,
  places: Int32Array,
  rowIds: readonly number[],
): Promise<{ inputs: Input[]; oldThread: Map<string, number | null> }> {
  const ids = Array.from(places, (place) => rowIds[place]!);
  const { rows } = await client.query<Row>(
    `SELECT id, message_id, in_reply_to, refs_json, subject, date, from_name, from_addr,
       thread_id FROM messages WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const toInput = threadInputReader();
  const oldThread = new Map<string, number | null>();
  const inputs = ids.map((id) => {
    const r = byId.get(id)!;
    oldThread.set(String(r.id), r.thread_id);
    return toInput(r);
  });
  return { inputs, oldThread };
}
