/**
 * The CPU-heavy half of an import: parse, segment and hash one raw message. Pure
 * (bytes in, data out), so it runs the same in the importing thread or in a worker
 * (lib/import/parse-pool.ts); importStream only stores what it returns, in order.
 */
import type { RawMessage } from '../types';
import type { MessageToSave } from '../store/save-messages';
import { parseMessage } from '../mail/parse-message';
import { contentHash } from '../store/content-hash';
import { segmentMessage } from '../segments/segment-message';

/** A message ready to store, or why it cannot be stored. */
export type PrepareResult = MessageToSave | { reason: string };

/**
 * Prepares messages for importStream. `prepare` never rejects: a bug in a stage
 * rejects only that message. Results may complete in any order; importStream awaits
 * them in stream order, so outcomes do not depend on the preparer.
 */
export interface MessagePreparer {
  /** Messages importStream may hand over before awaiting the oldest (its read-ahead). */
  readonly concurrency: number;
  prepare(item: RawMessage): Promise<PrepareResult>;
  /** Called when a stream is done, before rethreading: free what preparing held. */
  release?(): Promise<void>;
}

/** One message at a time in the calling thread: the default, and the fallback of the pool. */
export const IN_PROCESS_PREPARER: MessagePreparer = { concurrency: 1, prepare: prepareMessage };

/** Parse and segment one message; never throws. */
export async function prepareMessage(item: RawMessage): Promise<PrepareResult> {
  try {
    const parsed = await parseMessage(item);
    if (!parsed.ok) return { reason: parsed.reason };
    const m = parsed.message;
    return {
      raw: item,
      contentHash: contentHash(item.raw),
      message: m,
      segments: segmentMessage(m),
    };
  } catch (err) {
    return { reason: `internal error while parsing: ${(err as Error).message}` };
  }
}
