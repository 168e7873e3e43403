import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBuffer } from '../../../lib/import/read-sources';
import { parseMessage } from '../../../lib/mail/parse-message';
import { segmentBody } from '../../../lib/segments/segment-body';
import type { ProvenanceMessage } from '../../../lib/loaders/quote-origins';

export const FIXTURES = join(__dirname, '../../fixtures/conversation');

/** A fixture mbox through the real pipeline (read → parse → segment), as the store keeps it. */
export async function readThread(name: string): Promise<ProvenanceMessage[]> {
  const file = join(FIXTURES, name);
  const messages: ProvenanceMessage[] = [];
  for await (const item of readBuffer(readFileSync(file), file)) {
    if ('problem' in item) throw new Error(item.problem.reason);
    const parsed = await parseMessage(item);
    if (!parsed.ok) throw new Error(parsed.reason);
    const m = parsed.message;
    messages.push({
      messageId: m.messageId,
      dupIndex: 0,
      body: m.body,
      segments: segmentBody(m.body, { name: m.from.name, address: m.from.address }),
      inReplyTo: m.inReplyTo,
      references: m.references,
      from: m.from,
      date: m.date,
    });
  }
  return messages;
}

/** A hand-made message: `body` lines, replying to `parent` (References = the whole chain). */
export function mail(
  messageId: string,
  body: string[],
  chain: string[] = [],
  extra: Partial<ProvenanceMessage> = {},
): ProvenanceMessage {
  const text = body.join('\n');
  return {
    messageId,
    dupIndex: 0,
    body: text,
    segments: segmentBody(text, { name: messageId }),
    inReplyTo: chain[chain.length - 1] ?? null,
    references: chain,
    from: { name: `Sender of ${messageId}`, address: `${messageId}@example.org` },
    date: null,
    ...extra,
  };
}
