/**
 * The worker side of parse-pool.ts: prepare each message it is sent, one at a time,
 * and send back plain data (the pool re-attaches the raw message it kept).
 */
import { parentPort } from 'node:worker_threads';
import type { Message, RawMessage, Segment } from '../types';
import { prepareMessage } from './prepare-message';

/** A message to prepare; `raw` arrives as a Uint8Array (structured clone drops Buffer). */
export interface WorkerJob {
  id: number;
  source: string;
  position: string;
  format: RawMessage['format'];
  raw: Uint8Array;
}

/** A prepared message, or `fallback` when it could not be sent back (parse it in-process). */
export type WorkerReply =
  | {
      id: number;
      result: { reason: string } | { contentHash: string; message: Message; segments: Segment[] };
    }
  | { id: number; fallback: true };

let queue: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: WorkerJob) => {
  // One at a time: messages interleaving in mailparser would only add memory.
  queue = queue.then(() => handle(job));
});
// Loaded: the pool sends work from now on (it parses in its own thread until then).
parentPort?.postMessage({ ready: true });

async function handle(job: WorkerJob): Promise<void> {
  const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
  const prepared = await prepareMessage({
    source: job.source,
    position: job.position,
    format: job.format,
    raw,
  });
  let reply: WorkerReply;
  if ('reason' in prepared) {
    reply = { id: job.id, result: { reason: prepared.reason } };
  } else {
    const { contentHash, message, segments } = prepared;
    reply = { id: job.id, result: { contentHash, message, segments } };
  }
  try {
    parentPort!.postMessage(reply);
  } catch {
    parentPort!.postMessage({ id: job.id, fallback: true } satisfies WorkerReply);
  }
}
