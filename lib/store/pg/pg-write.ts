/**
 * The import-side writes on PostgreSQL: the twins of save-messages.ts, import-state.ts
 * and highlight-cache.ts. Batches go in as arrays (unnest), one statement per table, so
 * an import stores thousands of messages a second over a network round trip per step.
 */
import type pg from 'pg';
import type { MessageToSave, SaveOutcome } from '../save-messages';
import { SEGMENTS_VERSION } from '../../segments/version';
import { searchIndexRow } from './pg-search';
import { advanceGeneration, inListTransaction } from './pg-tx';
import { cacheWrite } from './pg-read';

/** Rows per INSERT, and raw bytes (sent hex-encoded in an array) per INSERT. */
const INSERT_ROWS = 1000;
const INSERT_BYTES = 16 << 20;

export async function ensureList(pool: pg.Pool, name: string): Promise<number> {
  const select = 'SELECT id FROM lists WHERE name = $1';
  const found = await pool.query<{ id: number }>(select, [name]);
  if (found.rows[0]) return found.rows[0].id;
  const created = await pool.query<{ id: number }>(
    'INSERT INTO lists (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id',
    [name],
  );
  if (created.rows[0]) {
    // A new list shows on the home page, empty as it is.
    await advanceGeneration(pool);
    return created.rows[0].id;
  }
  // Another process created it between the two statements.
  return (await pool.query<{ id: number }>(select, [name])).rows[0]!.id;
}

/**
 * Store a batch in one transaction, as save-messages.ts does: the same bytes in the same
 * list are stored once (`duplicate`); a different message reusing a stored Message-ID
 * gets the next `dup_index`. The list's lock makes both decisions safe against another
 * process importing into the same list at the same time.
 */
export async function saveMessages(
  pool: pg.Pool,
  listId: number,
  batch: readonly MessageToSave[],
): Promise<SaveOutcome[]> {
  if (batch.length === 0) return [];
  return inListTransaction(
    pool,
    listId,
    async (client) => {
      const stored = new Set(
        (
          await client.query<{ content_hash: string }>(
            'SELECT content_hash FROM messages WHERE list_id = $1 AND content_hash = ANY($2::text[])',
            [listId, batch.map((b) => b.contentHash)],
          )
        ).rows.map((r) => r.content_hash),
      );
      const fresh: MessageToSave[] = [];
      const outcomes = batch.map((b): SaveOutcome => {
        if (stored.has(b.contentHash)) return 'duplicate';
        stored.add(b.contentHash);
        fresh.push(b);
        return 'imported';
      });
      if (fresh.length === 0) return outcomes;

      const nextDup = new Map(
        (
          await client.query<{ message_id: string; n: number }>(
            `SELECT message_id, MAX(dup_index) + 1 AS n FROM messages
             WHERE list_id = $1 AND message_id = ANY($2::text[]) GROUP BY message_id`,
            [listId, [...new Set(fresh.map((b) => b.message.messageId))]],
          )
        ).rows.map((r) => [r.message_id, r.n]),
      );
      const dupOf = (messageId: string) => {
        const n = nextDup.get(messageId) ?? 0;
        nextDup.set(messageId, n + 1);
        return n;
      };

      const now = new Date().toISOString();
      for (let start = 0; start < fresh.length;) {
        let end = start;
        let bytes = 0;
        while (end < fresh.length && end - start < INSERT_ROWS && bytes < INSERT_BYTES) {
          bytes += fresh[end++]!.raw.raw.length;
        }
        const chunk = fresh.slice(start, end);
        start = end;
        const column = <T>(f: (b: MessageToSave) => T) => chunk.map(f);
        const json = (f: (b: MessageToSave) => unknown) => column((b) => JSON.stringify(f(b)));
        const messageIds = column((b) => b.message.messageId);
        const { rows } = await client.query<{ id: number; content_hash: string }>(
          `INSERT INTO messages (
            list_id, message_id, content_hash, dup_index, synthetic_id, subject, base_subject,
            from_name, from_addr, to_json, cc_json, date, date_raw, in_reply_to, refs_json, body,
            attachments_json, warnings_json, segments_json, segments_version, raw, format, source,
            position, imported_at
          )
          SELECT $1, u.message_id, u.content_hash, u.dup_index, u.synthetic_id, u.subject,
            u.base_subject, u.from_name, u.from_addr, u.to_json, u.cc_json, u.date, u.date_raw,
            u.in_reply_to, u.refs_json, u.body, u.attachments_json, u.warnings_json,
            u.segments_json, $20, u.raw, u.format, u.source, u.position, $25
          FROM unnest($2::text[], $3::text[], $4::int[], $5::smallint[], $6::text[], $7::text[],
            $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[],
            $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[],
            $21::bytea[], $22::text[], $23::text[], $24::text[])
            AS u(message_id, content_hash, dup_index, synthetic_id, subject, base_subject,
              from_name, from_addr, to_json, cc_json, date, date_raw, in_reply_to, refs_json,
              body, attachments_json, warnings_json, segments_json, raw, format, source,
              position)
          ON CONFLICT (list_id, content_hash) DO NOTHING
          RETURNING id, content_hash`,
          [
            listId,
            messageIds,
            column((b) => b.contentHash),
            messageIds.map(dupOf),
            column((b) => (b.message.messageIdSynthetic ? 1 : 0)),
            column((b) => b.message.subject),
            column((b) => b.message.subjectInfo.base),
            column((b) => b.message.from.name),
            column((b) => b.message.from.address),
            json((b) => b.message.to),
            json((b) => b.message.cc),
            column((b) => b.message.date),
            column((b) => b.message.dateRaw),
            column((b) => b.message.inReplyTo),
            json((b) => b.message.references),
            column((b) => b.message.body),
            json((b) => b.message.attachments),
            json((b) => b.message.warnings),
            json((b) => b.segments),
            SEGMENTS_VERSION,
            column((b) => b.raw.raw),
            column((b) => b.raw.format),
            column((b) => b.raw.source),
            column((b) => b.raw.position),
            now,
          ],
        );
        const idOf = new Map(rows.map((r) => [r.content_hash, r.id]));
        const search = chunk.map((b) => searchIndexRow(b.message, b.segments));
        await client.query(
          `INSERT INTO message_search (id, doc_main, doc_addr)
           SELECT id, main::tsvector, addr::tsvector
           FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, main, addr)`,
          [
            chunk.map((b) => idOf.get(b.contentHash)!),
            search.map((s) => s.docMain),
            search.map((s) => s.docAddr),
          ],
        );
      }
      return outcomes;
    },
    (outcomes) => outcomes.includes('imported'),
  );
}

/** Hide a list's messages with this content hash (import-state.ts); how many became hidden. */
export async function hideMessage(
  pool: pg.Pool,
  listId: number,
  contentHash: string,
): Promise<number> {
  return inListTransaction(
    pool,
    listId,
    async (client) =>
      (
        await client.query(
          `UPDATE messages SET hidden = 1, thread_id = NULL
           WHERE list_id = $1 AND content_hash = $2 AND hidden = 0`,
          [listId, contentHash],
        )
      ).rowCount ?? 0,
    (hidden) => hidden > 0,
  );
}

export async function getImportCursor(
  pool: pg.Pool,
  listId: number,
  source: string,
): Promise<string | null> {
  const { rows } = await pool.query<{ cursor: string }>(
    'SELECT cursor FROM import_state WHERE list_id = $1 AND source = $2',
    [listId, source],
  );
  return rows[0]?.cursor ?? null;
}

export async function setImportCursor(
  pool: pg.Pool,
  listId: number,
  source: string,
  cursor: string,
): Promise<void> {
  await pool.query(
    `INSERT INTO import_state (list_id, source, cursor) VALUES ($1, $2, $3)
     ON CONFLICT (list_id, source) DO UPDATE SET cursor = excluded.cursor`,
    [listId, source, cursor],
  );
}

export async function getHighlights(
  pool: pg.Pool,
  keys: readonly string[],
): Promise<Map<string, string[]>> {
  const { rows } = await pool.query<{ key: string; html_json: string }>(
    'SELECT key, html_json FROM highlights WHERE key = ANY($1::text[])',
    [[...new Set(keys)]],
  );
  return new Map(rows.map((r) => [r.key, JSON.parse(r.html_json) as string[]]));
}

export async function saveHighlights(
  pool: pg.Pool,
  entries: ReadonlyMap<string, string[]>,
): Promise<void> {
  if (entries.size === 0) return;
  await cacheWrite(
    pool.query(
      `INSERT INTO highlights (key, html_json) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (key) DO UPDATE SET html_json = excluded.html_json`,
      [[...entries.keys()], [...entries.values()].map((lines) => JSON.stringify(lines))],
    ),
  );
}
