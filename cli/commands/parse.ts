import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Message, Segment } from '../../lib/types';
import type { Rejection } from '../../lib/import/import-stream';
import { ThreadlightError } from '../../lib/errors';
import { withQuoteAuthors } from '../quote-authors';
import { readMessages, reportRejected } from '../load-messages';

/**
 * `threadlight parse <file> --json`: the documented, stable per-message JSON (see README),
 * `{"messages":[…],"rejected":[…]}`. Streamed a window at a time (MAX_PARSE_WINDOW_*): a
 * window's messages are written once it is credited, so a big mbox never sits in memory,
 * neither parsed nor as one JSON string.
 */
export async function runParse(args: string[]): Promise<number> {
  const { positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: true } },
  });
  if (positionals.length === 0) throw new ThreadlightError('give a file to parse');
  const out = stdoutWriter();
  const rejected: Rejection[] = [];
  let first = true;
  if (!(await out.write('{"messages":['))) return 0;
  // Segments, with unattributed quotes credited from the thread as the thread page does,
  // a window of messages at a time (a parent may come after its reply in the file).
  for await (const item of withQuoteAuthors(readMessages(positionals))) {
    if ('rejected' in item) {
      rejected.push(item.rejected);
      continue;
    }
    const json = JSON.stringify(toJson(item.message, item.segments), null, 1);
    // The reader went away (`parse big.mbox | head`): nothing more to say.
    if (!(await out.write(`${first ? '\n' : ',\n'}${json}`))) return 0;
    first = false;
  }
  await out.write(`\n],\n"rejected":${JSON.stringify(rejected, null, 1)}}\n`);
  reportRejected(rejected);
  return rejected.length > 0 ? 1 : 0;
}

/** One message as README documents it. */
function toJson(m: Message, segments: Segment[]) {
  return {
    messageId: m.messageId,
    subject: m.subject,
    from: m.from,
    to: m.to,
    cc: m.cc,
    date: m.date,
    dateRaw: m.dateRaw,
    inReplyTo: m.inReplyTo,
    references: m.references,
    // `text` only on text attachments (patches, logs), as the web app shows them.
    attachments: m.attachments.map(({ filename, contentType, size, text }) => ({
      filename,
      contentType,
      size,
      ...(text !== undefined ? { text } : {}),
    })),
    warnings: m.warnings,
    segments,
  };
}

/**
 * stdout, waiting while its buffer is full so memory stays flat on a slow reader.
 * `write` answers false once the reader has gone (EPIPE) instead of crashing.
 */
function stdoutWriter() {
  let open = true;
  const gone = (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    open = false;
  };
  process.stdout.on('error', gone);
  return {
    async write(text: string): Promise<boolean> {
      if (!open) return false;
      try {
        if (!process.stdout.write(text)) await once(process.stdout, 'drain');
      } catch (err) {
        gone(err as NodeJS.ErrnoException);
      }
      return open;
    },
  };
}
