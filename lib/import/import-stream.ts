import crypto from 'node:crypto';
import type { RawMessage, ReadProblem } from '../types';
import type { Db } from '../store/open-db';
import { ensureList, saveMessages, type MessageToSave } from '../store/save-messages';
import { rethreadList } from '../store/rethread-list';
import { parseMessage } from '../mail/parse-message';
import { segmentBody } from '../segments/segment-body';

/** Messages per transaction: big enough for throughput, small enough that a kill loses little. */
const BATCH_SIZE = 500;

export interface Rejection {
  source: string;
  position: string;
  reason: string;
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  rejected: Rejection[];
}

export interface ImportProgress {
  messages: number;
  bytes: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Called with every message stored (not duplicates), e.g. to land an upload on its page. */
  onImported?: (messageId: string) => void;
  /** Called with every message skipped because the same bytes are already stored. */
  onDuplicate?: (messageId: string) => void;
}

/**
 * Parse, segment and store every message of a stream into one list. Each batch is
 * one transaction, so a killed import keeps every batch it reported and a re-run
 * skips what is stored (content hashes). Bad messages are reported, never fatal.
 */
export async function importStream(
  db: Db,
  listName: string,
  stream: AsyncIterable<RawMessage | { problem: ReadProblem }>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const listId = ensureList(db, listName);
  const summary: ImportSummary = { imported: 0, duplicates: 0, rejected: [] };
  const progress: ImportProgress = { messages: 0, bytes: 0 };
  let batch: MessageToSave[] = [];

  const flush = () => {
    const outcomes = saveMessages(db, listId, batch);
    outcomes.forEach((o, i) => {
      if (o === 'duplicate') {
        summary.duplicates++;
        options.onDuplicate?.(batch[i]!.message.messageId);
      } else {
        summary.imported++;
        options.onImported?.(batch[i]!.message.messageId);
      }
    });
    batch = [];
  };

  for await (const item of stream) {
    if ('problem' in item) {
      summary.rejected.push({ ...item.problem });
      continue;
    }
    progress.messages++;
    progress.bytes += item.raw.length;
    const prepared = await prepare(item);
    if ('reason' in prepared) {
      summary.rejected.push({
        source: item.source,
        position: item.position,
        reason: prepared.reason,
      });
    } else {
      batch.push(prepared);
      if (batch.length >= BATCH_SIZE) flush();
    }
    options.onProgress?.(progress);
  }
  if (batch.length) flush();
  // A killed run may have stored batches without threading them: rethread then too.
  if (summary.imported > 0 || hasUnthreaded(db, listId)) rethreadList(db, listId);
  return summary;
}

/** Parse and segment one message; never throws (a bug in a stage rejects only this message). */
async function prepare(item: RawMessage): Promise<MessageToSave | { reason: string }> {
  try {
    const parsed = await parseMessage(item);
    if (!parsed.ok) return { reason: parsed.reason };
    const m = parsed.message;
    return {
      raw: item,
      contentHash: crypto.createHash('sha256').update(item.raw).digest('hex'),
      message: m,
      segments: segmentBody(m.body, {
        name: m.from.name || m.from.address,
        ...(m.from.address ? { address: m.from.address } : {}),
        ...(m.date ? { date: m.date } : {}),
      }),
    };
  } catch (err) {
    return { reason: `internal error while parsing: ${(err as Error).message}` };
  }
}

function hasUnthreaded(db: Db, listId: number): boolean {
  return !!db
    .prepare(
      'SELECT 1 FROM messages WHERE list_id = ? AND thread_id IS NULL AND hidden = 0 LIMIT 1',
    )
    .get(listId);
}
