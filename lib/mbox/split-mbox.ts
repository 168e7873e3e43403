/**
 * Split an mbox stream into messages without ever holding the whole file.
 * Separator rules, escaping and limits are described in ./mbox-splitter.ts.
 */
import {
  MboxSplitter,
  type MboxItem,
  type MboxProblem,
  type SplitMboxOptions,
} from './mbox-splitter';

export type { MboxEntry, MboxItem, MboxProblem, SplitMboxOptions } from './mbox-splitter';

/**
 * Yield each message of an mbox (mboxo or mboxrd, LF or CRLF) in file order, and a
 * problem for anything that is not a usable message: text before the first From_
 * line, messages over the size limit, empty messages. Never throws on bad input.
 */
export async function* splitMbox(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  options: SplitMboxOptions = {},
): AsyncGenerator<MboxItem> {
  const splitter = new MboxSplitter(options);
  for await (const chunk of chunks) {
    yield* splitter.push(chunk);
  }
  yield* splitter.end();
}

/** True when an item from splitMbox is a problem rather than a message. */
export function isMboxProblem(item: MboxItem): item is MboxProblem {
  return 'problem' in item;
}
