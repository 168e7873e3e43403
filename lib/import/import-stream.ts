import type { RawMessage, ReadProblem } from '../types';
import type { MessageToSave, SaveOutcome, Store } from '../store/store';
import { IN_PROCESS_PREPARER, type MessagePreparer, type PrepareResult } from './prepare-message';
import { MAX_READ_AHEAD_BYTES } from '../limits';

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

/** What importStream reads: messages and problems, in the order they are reported. */
export type StreamItem = RawMessage | { problem: ReadProblem };

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Called with every message stored (not duplicates), e.g. to land an upload on its page. */
  onImported?: (messageId: string, contentHash: string) => void;
  /** Called with every message skipped because the same bytes are already stored. */
  onDuplicate?: (messageId: string, contentHash: string) => void;
  /**
   * Called after each batch commits with the last stream item handled: it and every
   * item before it are stored, skipped or rejected. Items read after it may still be
   * in preparation, so a resumable reader saves its cursor here (import-git-epoch);
   * the import waits for it before reading on.
   */
  onBatchSaved?: (last: StreamItem) => void | Promise<void>;
  /** Who parses and segments: in this thread by default, or a worker pool (parse-pool.ts). */
  preparer?: MessagePreparer;
}

type Pending =
  { item: { problem: ReadProblem } } | { item: RawMessage; result: Promise<PrepareResult> };

/**
 * Parse, segment and store every message of a stream into one list. Each batch is
 * one transaction, so a killed import keeps every batch it reported and a re-run
 * skips what is stored (content hashes). Bad messages are reported, never fatal.
 * Messages are prepared ahead (up to the preparer's concurrency) but handled in
 * stream order, so the outcome is the same whoever prepares them.
 */
export async function importStream(
  store: Store,
  listName: string,
  stream: AsyncIterable<StreamItem>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const listId = await store.ensureList(listName);
  const preparer = options.preparer ?? IN_PROCESS_PREPARER;
  const summary: ImportSummary = { imported: 0, duplicates: 0, rejected: [] };
  const progress: ImportProgress = { messages: 0, bytes: 0 };
  let batch: MessageToSave[] = [];
  let last: StreamItem | undefined;

  const flush = async () => {
    const outcomes = await saveBatch(store, listId, batch, summary.rejected);
    outcomes.forEach((o, i) => {
      if (o === 'rejected') return;
      if (o === 'duplicate') {
        summary.duplicates++;
        options.onDuplicate?.(batch[i]!.message.messageId, batch[i]!.contentHash);
      } else {
        summary.imported++;
        options.onImported?.(batch[i]!.message.messageId, batch[i]!.contentHash);
      }
    });
    batch = [];
    await options.onBatchSaved?.(last!);
  };

  // Items read and not yet handled, oldest first: at most `concurrency` messages long.
  const queue: Pending[] = [];
  let inFlight = 0;
  let inFlightBytes = 0;
  const settleOldest = async () => {
    const pending = queue.shift()!;
    last = pending.item;
    if (!('result' in pending)) {
      summary.rejected.push({ ...pending.item.problem });
      return;
    }
    const item = pending.item;
    const prepared = await pending.result;
    inFlight--;
    inFlightBytes -= item.raw.length;
    progress.messages++;
    progress.bytes += item.raw.length;
    if ('reason' in prepared) {
      summary.rejected.push({
        source: item.source,
        position: item.position,
        reason: prepared.reason,
      });
    } else {
      batch.push(prepared);
      if (batch.length >= BATCH_SIZE) await flush();
    }
    options.onProgress?.(progress);
  };

  for await (const item of stream) {
    if ('problem' in item) {
      queue.push({ item });
    } else {
      queue.push({ item, result: preparer.prepare(item) });
      inFlight++;
      inFlightBytes += item.raw.length;
    }
    // Back-pressure: read no further than the preparer can use and memory allows.
    while (
      queue.length > 0 &&
      (!('result' in queue[0]!) ||
        inFlight >= preparer.concurrency ||
        inFlightBytes > MAX_READ_AHEAD_BYTES)
    ) {
      await settleOldest();
    }
  }
  while (queue.length > 0) await settleOldest();
  // Workers' memory is not needed for threading, which holds the whole list's headers.
  await preparer.release?.();
  if (batch.length) await flush();
  // A killed run may have stored batches without threading them: rethread then too.
  if (summary.imported > 0 || (await store.hasUnthreaded(listId))) {
    await store.rethreadList(listId);
  }
  return summary;
}

/**
 * Save a batch in one transaction; if the store throws (a message it cannot hold), the
 * transaction rolls back and the batch is saved one message at a time, so only the
 * message at fault is rejected, with the store's reason, and every neighbour is kept.
 */
async function saveBatch(
  store: Store,
  listId: number,
  batch: readonly MessageToSave[],
  rejected: Rejection[],
): Promise<(SaveOutcome | 'rejected')[]> {
  try {
    return await store.saveMessages(listId, batch);
  } catch {
    // One at a time, in order: each message is its own transaction.
    const outcomes: (SaveOutcome | 'rejected')[] = [];
    for (const m of batch) {
      try {
        outcomes.push((await store.saveMessages(listId, [m]))[0]!);
      } catch (err) {
        rejected.push({
          source: m.raw.source,
          position: m.raw.position,
          reason: `could not be stored: ${(err as Error).message}`,
        });
        outcomes.push('rejected');
      }
    }
    return outcomes;
  }
}
