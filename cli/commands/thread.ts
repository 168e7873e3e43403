import { parseArgs } from 'node:util';
import type { Message, ThreadNode } from '../../lib/types';
import { ThreadlightError } from '../../lib/errors';
import { buildThreads } from '../../lib/thread/build-threads';
import { loadMessages, reportRejected } from '../load-messages';

type Input = Message & { key: string };
interface JsonNode {
  messageId: string;
  missing?: true;
  subject?: string;
  from?: Message['from'];
  date?: string | null;
  children: JsonNode[];
}

/** `threadlight thread <file>... --json`: the reply forest of every message in the files. */
export async function runThread(args: string[]): Promise<number> {
  const { positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: true } },
  });
  if (positionals.length === 0) throw new ThreadlightError('give at least one file');
  const { messages, rejected } = await loadMessages(positionals);
  reportRejected(rejected);
  const forest = buildThreads(messages.map((m, i): Input => ({ ...m, key: String(i) })));
  process.stdout.write(JSON.stringify({ threads: forest.map(toJson) }, null, 1) + '\n');
  return rejected.length > 0 ? 1 : 0;
}

/** Convert iteratively: reply chains can be thousands deep. */
function toJson(root: ThreadNode<Input>): JsonNode {
  const convert = (n: ThreadNode<Input>): JsonNode =>
    n.missing
      ? { messageId: n.messageId, missing: true, children: [] }
      : {
          messageId: n.messageId,
          subject: n.message.subject,
          from: n.message.from,
          date: n.message.date,
          children: [],
        };
  const top = convert(root);
  const stack: [ThreadNode<Input>, JsonNode][] = [[root, top]];
  while (stack.length) {
    const [node, json] = stack.pop()!;
    for (const child of node.children) {
      const c = convert(child);
      json.children.push(c);
      stack.push([child, c]);
    }
  }
  return top;
}
