import { parseArgs } from 'node:util';
import { ThreadlightError } from '../../lib/errors';
import { segmentMessage } from '../../lib/segments/segment-message';
import { loadMessages, reportRejected } from '../load-messages';

/** `threadlight parse <file> --json`: the documented, stable per-message JSON (see README). */
export async function runParse(args: string[]): Promise<number> {
  const { positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: true } },
  });
  if (positionals.length === 0) throw new ThreadlightError('give a file to parse');
  const { messages, rejected } = await loadMessages(positionals);
  reportRejected(rejected);
  const out = messages.map((m) => ({
    messageId: m.messageId,
    subject: m.subject,
    from: m.from,
    to: m.to,
    cc: m.cc,
    date: m.date,
    dateRaw: m.dateRaw,
    inReplyTo: m.inReplyTo,
    references: m.references,
    attachments: m.attachments.map(({ filename, contentType, size }) => ({
      filename,
      contentType,
      size,
    })),
    warnings: m.warnings,
    segments: segmentMessage(m),
  }));
  process.stdout.write(JSON.stringify({ messages: out, rejected }, null, 1) + '\n');
  return rejected.length > 0 ? 1 : 0;
}
