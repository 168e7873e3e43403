import { parseArgs } from 'node:util';
import type { Message } from '../../lib/types';
import { ThreadlightError } from '../../lib/errors';
import { buildThreads } from '../../lib/thread/build-threads';
import { loadMessages, reportRejected } from '../load-messages';
import { forestJson } from '../forest-json';

type Input = Message & { key: string; duplicate: number };

/** Bytes gathered before each write to stdout. */
const WRITE_CHUNK_CHARS = 64 * 1024;

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
  // The nth other message with an id already seen (same id, other content) is duplicate n.
  const seen = new Map<string, number>();
  const forest = buildThreads(
    messages.map((m, i): Input => {
      const duplicate = seen.get(m.messageId) ?? 0;
      seen.set(m.messageId, duplicate + 1);
      return { ...m, key: String(i), duplicate };
    }),
  );
  let buffered = '';
  for (const piece of forestJson(forest)) {
    buffered += piece;
    if (buffered.length >= WRITE_CHUNK_CHARS) {
      await write(buffered);
      buffered = '';
    }
  }
  await write(buffered);
  return rejected.length > 0 ? 1 : 0;
}

/** Write to stdout, waiting when the pipe is full instead of buffering the whole forest. */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (process.stdout.write(text, (err) => (err ? reject(err) : undefined))) resolve();
    else process.stdout.once('drain', resolve);
  });
}
