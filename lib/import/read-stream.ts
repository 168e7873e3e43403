/**
 * Turn one stream of bytes (a file, an upload) into raw messages: gunzip if it is
 * gzip, detect the format from the head, then split (mbox) or take it whole.
 * Read and decompression errors become problems; messages before them are kept.
 */
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { MAX_MESSAGE_BYTES } from '../limits';
import { DETECT_HEAD_BYTES, detectFormat } from '../mbox/detect-format';
import { splitMbox } from '../mbox/split-mbox';
import type { RawMessage, ReadProblem } from '../types';

/** What the readers yield: a message, or a problem that is not one. */
export type ReadItem = RawMessage | { problem: ReadProblem };

/** Yield the messages in `chunks`, which came from `source` (a path or an upload name). */
export async function* readStream(
  chunks: AsyncIterable<Buffer>,
  source: string,
): AsyncGenerator<ReadItem> {
  const failure: { error?: unknown } = {};
  let { head, rest } = await peek(guard(chunks, failure), 2);
  if (head[0] === 0x1f && head[1] === 0x8b) {
    // gzip magic, whatever the file is called (lore serves `t.mbox.gz`).
    ({ head, rest } = await peek(guard(gunzip(rest), failure), DETECT_HEAD_BYTES));
  } else {
    ({ head, rest } = await peek(rest, DETECT_HEAD_BYTES));
  }
  // A truncated .gz still gives what it decompressed before the error.
  if (!failure.error || head.length > 0) yield* readFormat(head, rest, source);
  // Messages read before a read or gunzip error were yielded; say why the rest is missing.
  if (failure.error) yield problem(source, 'file', `read error: ${describeError(failure.error)}`);
}

async function* readFormat(
  head: Buffer,
  rest: AsyncIterable<Buffer>,
  source: string,
): AsyncGenerator<ReadItem> {
  const format = detectFormat(head);
  if (head.length === 0) {
    yield problem(source, 'file', 'empty file');
  } else if (format === 'unknown') {
    yield problem(source, 'file', 'not an mbox, an RFC 822 message or an archive page');
  } else if (format !== 'mbox') {
    const raw = await readAll(rest, MAX_MESSAGE_BYTES);
    if (raw) yield { source, position: 'file', raw, format };
    else
      yield problem(source, 'file', `message is larger than ${MAX_MESSAGE_BYTES} bytes; skipped`);
  } else {
    for await (const item of splitMbox(rest)) {
      if ('problem' in item) {
        const at = item.index ? `message ${item.index} (line ${item.line})` : `line ${item.line}`;
        yield problem(source, at, item.reason);
      } else {
        const position = `message ${item.index} (line ${item.line})`;
        yield { source, position, raw: item.raw, format: 'rfc822' };
      }
    }
  }
}

function problem(source: string, position: string, reason: string): ReadItem {
  return { problem: { source, position, reason } };
}

/** `ENOENT: no such file or directory`, without the path Node appends. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, \w+ '.*'$/, '');
}

/** End the stream quietly on error, remembering the error so it can be reported. */
async function* guard(
  chunks: AsyncIterable<Buffer>,
  failure: { error?: unknown },
): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of chunks) yield chunk;
  } catch (error) {
    failure.error ??= error;
  }
}

function gunzip(chunks: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  // pipeline() forwards errors of either side into the gunzip stream we iterate.
  return pipeline(Readable.from(chunks, { objectMode: false }), createGunzip(), () => {});
}

/** Read at least `n` bytes (or all there is) without losing them for the consumer. */
async function peek(
  chunks: AsyncIterable<Buffer>,
  n: number,
): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < n) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(seen, size);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, rest: rest() };
}

/** All the bytes, or null once they pass `max` (the rest is not read). */
async function readAll(chunks: AsyncIterable<Buffer>, max: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > max) return null;
    parts.push(chunk);
  }
  return Buffer.concat(parts, size);
}
