import type { Message } from '../lib/types';
import { readSources } from '../lib/import/read-sources';
import { parseMessage } from '../lib/mail/parse-message';
import { contentHash } from '../lib/store/content-hash';
import type { Rejection } from '../lib/import/import-stream';

/** One parsed message, or why an entry of the input is not one. */
export type MessageOrRejection = { message: Message } | { rejected: Rejection };

/**
 * Read and parse every message under the paths, one at a time, in file order. A message
 * whose bytes were met before (the store's identity, contentHash: `thread f.mbox f.mbox`
 * or a copy in two files) is skipped, as an import would store it once. Memory holds one
 * message plus a hash per message seen.
 */
export async function* readMessages(paths: string[]): AsyncGenerator<MessageOrRejection> {
  const seen = new Set<string>();
  for await (const item of readSources(paths)) {
    if ('problem' in item) {
      yield { rejected: item.problem };
      continue;
    }
    const hash = contentHash(item.raw);
    if (seen.has(hash)) continue;
    seen.add(hash);
    const parsed = await parseMessage(item);
    if (parsed.ok) yield { message: parsed.message };
    else
      yield { rejected: { source: item.source, position: item.position, reason: parsed.reason } };
  }
}

/** Every message under the paths (see readMessages), with what was rejected. */
export async function loadMessages(
  paths: string[],
): Promise<{ messages: Message[]; rejected: Rejection[] }> {
  const messages: Message[] = [];
  const rejected: Rejection[] = [];
  for await (const item of readMessages(paths)) {
    if ('message' in item) messages.push(item.message);
    else rejected.push(item.rejected);
  }
  return { messages, rejected };
}

export function reportRejected(rejected: Rejection[]): void {
  for (const r of rejected)
    process.stderr.write(`rejected ${r.source}: ${r.position}: ${r.reason}\n`);
}
