/**
 * Turn linked containers into the public ThreadNode forest, ordering siblings and
 * roots by date (missing dates last), ties by key. Iterative post-order, because
 * a hostile or just long-running thread can be 10,000 replies deep.
 */
import type { ThreadInput, ThreadNode } from '../types';
import { compareSortKeys, type Container, type SortKey } from './container';

interface Built<M extends ThreadInput> {
  sort: SortKey<M>;
  node: ThreadNode<M>;
}

export function orderForest<M extends ThreadInput>(roots: Container<M>[]): ThreadNode<M>[] {
  // Pre-order list of every container; walking it backwards visits children first.
  const preorder: Container<M>[] = [];
  const stack = [...roots];
  for (let c = stack.pop(); c !== undefined; c = stack.pop()) {
    preorder.push(c);
    for (const child of c.children) stack.push(child);
  }
  const built = new Map<Container<M>, Built<M>>();
  for (let i = preorder.length - 1; i >= 0; i--) {
    const c = preorder[i]!;
    built.set(c, buildOne(c, built));
  }
  return sortBuilt(roots, built).map((b) => b.node);
}

function buildOne<M extends ThreadInput>(
  c: Container<M>,
  built: Map<Container<M>, Built<M>>,
): Built<M> {
  const kids = sortBuilt([...c.children], built);
  const children = kids.map((k) => k.node);
  if (c.message !== null && c.sort !== null) {
    return {
      sort: c.sort,
      node: { missing: false, messageId: c.messageId, message: c.message, children },
    };
  }
  // A ghost sorts where its earliest child would: it stands for a message that was
  // sent before all of them. Pruning guarantees it has a child; the fallback is for safety.
  const first = kids[0]?.sort;
  const sort: SortKey<M> = first
    ? { ...first, ghost: 1, messageId: c.messageId }
    : { time: Infinity, key: '', ghost: 1, messageId: c.messageId, message: null };
  return { sort, node: { missing: true, messageId: c.messageId, children } };
}

function sortBuilt<M extends ThreadInput>(
  containers: Container<M>[],
  built: Map<Container<M>, Built<M>>,
): Built<M>[] {
  return containers.map((c) => built.get(c)!).sort((a, b) => compareSortKeys(a.sort, b.sort));
}
