import type { Message } from '../lib/types';
import { readSources } from '../lib/import/read-sources';
import { parseMessage } from '../lib/mail/parse-message';
import type { Rejection } from '../lib/import/import-stream';

/** Read and parse every message under the paths, in file order, with what was rejected. */
export async function loadMessages(
  paths: string[],
): Promise<{ messages: Message[]; rejected: Rejection[] }> {
  const messages: Message[] = [];
  const rejected: Rejection[] = [];
  for await (const item of readSources(paths)) {
    if ('problem' in item) {
      rejected.push(item.problem);
      continue;
    }
    const parsed = await parseMessage(item);
    if (parsed.ok) messages.push(parsed.message);
    else rejected.push({ source: item.source, position: item.position, reason: parsed.reason });
  }
  return { messages, rejected };
}

export function reportRejected(rejected: Rejection[]): void {
  for (const r of rejected)
    process.stderr.write(`rejected ${r.source}: ${r.position}: ${r.reason}\n`);
}
