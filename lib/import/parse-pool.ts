/**
 * Parse and segment in worker threads while the importing thread stores: parsing is
 * about four fifths of an import's CPU time, and SQLite must stay in one thread.
 * Results are the same as in-process (same code, plain data back) and importStream
 * keeps their order. A worker that fails hands its messages back to be parsed here,
 * so no message is lost. CLI only: the web app imports small uploads in-process.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { RawMessage } from '../types';
import { prepareMessage, type MessagePreparer, type PrepareResult } from './prepare-message';
import type { WorkerJob, WorkerReply } from './parse-worker';

/**
 * Messages queued per worker. A batch commit blocks the importing thread for tens of
 * messages' parsing time; the queue keeps workers busy meanwhile (128 was no faster).
 */
const JOBS_PER_WORKER = 64;

/**
 * Young generation of each worker (V8's default is several times more). Parsing makes
 * short-lived garbage only; a small nursery keeps a 2-worker import near 350 MB
 * instead of 450 (issue 6 allows 400) at no measurable cost in speed.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/**
 * Messages parsed in-process before workers are started. Starting one costs about half
 * a second of CPU (tsx, mailparser): more than a small import takes in all.
 */
const START_AFTER_MESSAGES = 200;

/**
 * Workers by default: one per core (the importing thread mostly waits on them), at
 * most four; none on one core, where they would only add their start-up cost.
 */
export function defaultWorkerCount(): number {
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  return cores < 2 ? 0 : Math.min(cores, 4);
}

export interface ParsePoolOptions {
  /** Messages parsed in-process before workers start (default START_AFTER_MESSAGES). */
  startAfterMessages?: number;
  /** Worker entry; tests point it at a failing worker. */
  workerUrl?: URL;
}

/** A preparer backed by worker threads; `close` ends them (idle workers never hold the process). */
export interface ParsePool extends MessagePreparer {
  /** Start the workers now; resolves with how many are ready to take messages. */
  start(): Promise<number>;
  close(): Promise<void>;
  /** Messages prepared by workers and in this thread so far. */
  stats(): { inWorkers: number; inProcess: number };
}

interface Job {
  item: RawMessage;
  resolve: (result: PrepareResult) => void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  /** Its code is loaded (about half a second of tsx and mailparser after it starts). */
  ready: boolean;
  dead: boolean;
}

/**
 * A pool of `size` workers, started once a stream proves long enough to need them
 * and ended by `release` (end of a stream) or `close`. Parses in-process until a
 * worker is ready, when worker_threads is unavailable, and when workers die.
 */
export async function createParsePool(
  size: number,
  options: ParsePoolOptions = {},
): Promise<ParsePool> {
  const startAfter = options.startAfterMessages ?? START_AFTER_MESSAGES;
  const workerUrl = options.workerUrl ?? new URL('./parse-worker.mjs', import.meta.url);
  const stats = { inWorkers: 0, inProcess: 0 };
  const local = (item: RawMessage) => {
    stats.inProcess++;
    return prepareMessage(item);
  };
  let WorkerClass: typeof Worker | undefined;
  try {
    ({ Worker: WorkerClass } = await import('node:worker_threads'));
  } catch {
    // No worker threads on this runtime: the pool is the in-process preparer.
  }
  const slots: Slot[] = [];
  let started = false;
  let seen = 0; // messages asked for since the pool was (re)started
  let nextId = 0;

  const retire = async (slot: Slot): Promise<void> => {
    if (slot.dead) return;
    slot.dead = true;
    // Whatever it held is parsed here instead: same code, same result.
    for (const job of slot.jobs.values()) void local(job.item).then(job.resolve);
    slot.jobs.clear();
    await slot.worker.terminate().catch(() => {});
  };

  const startWorker = (Class: typeof Worker): void => {
    let worker: Worker;
    try {
      worker = new Class(workerUrl, {
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
    } catch {
      return;
    }
    const slot: Slot = { worker, jobs: new Map(), ready: false, dead: false };
    worker.unref(); // referenced only while it holds jobs (see send)
    worker.on('message', (reply: WorkerReply | { ready: true }) => {
      if ('ready' in reply) {
        slot.ready = true;
        return;
      }
      const job = slot.jobs.get(reply.id);
      if (!job) return;
      slot.jobs.delete(reply.id);
      if (slot.jobs.size === 0) worker.unref();
      if ('fallback' in reply) {
        void local(job.item).then(job.resolve);
      } else {
        stats.inWorkers++;
        job.resolve('reason' in reply.result ? reply.result : { raw: job.item, ...reply.result });
      }
    });
    worker.on('error', () => void retire(slot));
    worker.on('exit', () => void retire(slot));
    slots.push(slot);
  };

  const send = (slot: Slot, item: RawMessage): Promise<PrepareResult> =>
    new Promise((resolve) => {
      const id = nextId++;
      if (slot.jobs.size === 0) slot.worker.ref();
      slot.jobs.set(id, { item, resolve });
      // A copy of just these bytes, moved: cloning the view would copy its whole backing
      // buffer, which may be a large read chunk the message was sliced from.
      const raw = new Uint8Array(item.raw);
      const job: WorkerJob = {
        id,
        source: item.source,
        position: item.position,
        format: item.format,
        raw,
      };
      try {
        slot.worker.postMessage(job, [raw.buffer]);
      } catch {
        void retire(slot);
      }
    });

  const startAll = () => {
    if (started || !WorkerClass) return;
    started = true;
    for (let i = 0; i < size; i++) startWorker(WorkerClass);
  };

  const start = async (): Promise<number> => {
    startAll();
    const ready = (s: Slot) =>
      new Promise<void>((resolve) => {
        if (s.ready || s.dead) return resolve();
        s.worker.once('message', () => resolve());
        s.worker.once('exit', () => resolve());
      });
    await Promise.all(slots.map(ready));
    return slots.filter((s) => s.ready && !s.dead).length;
  };

  const prepare = (item: RawMessage): Promise<PrepareResult> => {
    if (!started && ++seen > startAfter) startAll();
    let best: Slot | undefined;
    for (const s of slots) {
      if (s.ready && !s.dead && (!best || s.jobs.size < best.jobs.size)) best = s;
    }
    // Until a worker is up, parse here: a small import is done before one would be.
    return best ? send(best, item) : local(item);
  };

  // End every worker, parsing what they held here; the next stream starts new ones.
  const close = async () => {
    started = false;
    seen = 0;
    await Promise.all(slots.splice(0).map(retire));
  };
  return {
    concurrency: Math.max(1, size) * JOBS_PER_WORKER,
    prepare,
    release: close,
    start,
    close,
    stats: () => ({ ...stats }),
  };
}
