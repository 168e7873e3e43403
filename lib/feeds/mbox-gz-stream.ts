import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';
import type { Address } from '../types';
import { toMboxEntry } from '../export/to-mbox';
import { archivePageToRfc822 } from '../export/archive-page-to-rfc822';

/** What one mbox entry is made from (lib/store's ExportRow has these fields). */
export interface MboxSource {
  raw: Buffer;
  format: string;
  messageId: string;
  subject: string;
  from: Address;
  date: string | null;
  body: string;
}

/** The message as mboxrd entry bytes: stored bytes, or recovered headers for an archive page. */
export function mboxEntryBytes(m: MboxSource): Buffer {
  const rfc822 = m.format === 'archive-page' ? Buffer.from(archivePageToRfc822(m), 'utf8') : m.raw;
  // toMboxEntry works on latin1 text so every byte round-trips unchanged.
  return Buffer.from(toMboxEntry(rfc822), 'latin1');
}

/** The next chunk of messages, [] at the end; a store answers asynchronously. */
export type NextChunk = () => readonly MboxSource[] | Promise<readonly MboxSource[]>;

async function* entries(nextChunk: NextChunk): AsyncGenerator<Buffer> {
  for (;;) {
    const chunk = await nextChunk();
    if (chunk.length === 0) return;
    yield Buffer.concat(chunk.map(mboxEntryBytes));
  }
}

/**
 * A gzip-compressed mboxrd stream. `nextChunk` is pulled only when gzip wants more
 * input (backpressure), and returns [] at the end, so a million-message list is sent
 * with memory bounded by one chunk, and a client that stops reading stops the reads.
 */
export function mboxGzStream(nextChunk: NextChunk): ReadableStream<Uint8Array> {
  const gzip = zlib.createGzip();
  // pipeline, not pipe: a failing read destroys gzip too, so the download errors
  // instead of hanging; a cancelled download destroys the reader.
  pipeline(Readable.from(entries(nextChunk), { objectMode: false }), gzip, () => {});
  return Readable.toWeb(gzip) as ReadableStream<Uint8Array>;
}
