/**
 * Thread trees as indented text, for golden tests and debugging (public-inbox's
 * thread tests print trees the same way), plus the display-order walk pages need.
 */
import type { ThreadInput, ThreadNode } from '../types';

/** One line of a thread in display order. */
export interface FlatNode<M extends ThreadInput> {
  node: ThreadNode<M>;
  /** 0 for a root. */
  depth: number;
}

/** How one node is written; `depth` lets a label show the subject only on roots. */
export type NodeLabel<M extends ThreadInput> = (node: ThreadNode<M>, depth: number) => string;

// Control characters, e.g. a `\n` in a hostile Subject, which would forge a tree line.
const RE_CONTROL = /[\u0000-\u001f\u007f]/g;

/** `<id> Subject` on roots, `<id>` below them, `(missing) <id>` for ghosts. */
export function defaultLabel<M extends ThreadInput>(node: ThreadNode<M>, depth: number): string {
  if (node.missing) return `(missing) <${node.messageId}>`;
  const subject = depth === 0 ? node.message.subject.replace(RE_CONTROL, ' ') : '';
  return subject === '' ? `<${node.messageId}>` : `<${node.messageId}> ${subject}`;
}

/** Pre-order (parent before children, siblings in order), without recursion. */
export function flattenThread<M extends ThreadInput>(
  forest: readonly ThreadNode<M>[],
): FlatNode<M>[] {
  const out: FlatNode<M>[] = [];
  const stack: FlatNode<M>[] = [];
  for (let i = forest.length - 1; i >= 0; i--) stack.push({ node: forest[i]!, depth: 0 });
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    out.push(top);
    const { children } = top.node;
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, depth: top.depth + 1 });
    }
  }
  return out;
}

/** Two spaces per level, one node per line, a trailing newline when not empty. */
export function formatTree<M extends ThreadInput>(
  forest: readonly ThreadNode<M>[],
  label: NodeLabel<M> = defaultLabel,
): string {
  return flattenThread(forest)
    .map(({ node, depth }) => `${'  '.repeat(depth)}${label(node, depth)}\n`)
    .join('');
}
