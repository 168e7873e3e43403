import type { Message, ThreadInput, ThreadNode } from '../lib/types';

/**
 * The reply forest as JSON text, in pieces, for `threadlight thread --json`:
 * `{"threads":[…]}` with one root per line, each node
 * `{"messageId","subject","from","date","children":[…]}` (plus `"duplicate":n` for the
 * nth further message with an id already used, with other content), or, for a parent
 * referenced but absent, `{"messageId","missing":true,"children":[…]}`. JSON.stringify recurses once per
 * level and throws RangeError on a reply chain a few thousand deep; this walk keeps its
 * own stack, so any depth works, and the caller can write each piece as it comes.
 */
type Node = Message & ThreadInput & { duplicate?: number };

export function* forestJson<M extends Node>(forest: readonly ThreadNode<M>[]): Generator<string> {
  yield '{"threads":[';
  for (let r = 0; r < forest.length; r++) {
    yield r === 0 ? '\n' : ',\n';
    // Each frame: a node whose children are being written, and the next child to write.
    const stack: { node: ThreadNode<M>; next: number }[] = [];
    yield open(forest[r]!);
    stack.push({ node: forest[r]!, next: 0 });
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const child = top.node.children[top.next];
      if (child === undefined) {
        stack.pop();
        yield ']}';
        continue;
      }
      yield (top.next++ === 0 ? '' : ',') + open(child);
      stack.push({ node: child, next: 0 });
    }
  }
  yield '\n]}\n';
}

/** A node up to its open children array: `{"messageId":…,"children":[`. */
function open<M extends Node>(n: ThreadNode<M>): string {
  const fields = n.missing
    ? { messageId: n.messageId, missing: true }
    : {
        messageId: n.messageId,
        subject: n.message.subject,
        from: n.message.from,
        date: n.message.date,
        ...(n.message.duplicate ? { duplicate: n.message.duplicate } : {}),
      };
  return `${JSON.stringify(fields).slice(0, -1)},"children":[`;
}
