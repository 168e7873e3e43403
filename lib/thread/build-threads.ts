/**
 * JWZ threading (https://www.jwz.org/doc/threading.html), in the spirit of
 * public-inbox's SearchThread.pm: one self-contained function over plain records.
 *
 * Decisions (pinned by tests/unit/thread):
 * - Messages are processed in (date, key) order, so the result never depends on input
 *   order, and the earliest message with a Message-ID owns it.
 * - A later message with the same Message-ID (a duplicate, or an imposter) is kept as
 *   its own node, placed as a sibling of the owner (a root when the owner is a root).
 *   Only the owner's headers shape the tree; replies to that id hang off the owner.
 * - Parent chain = References, then In-Reply-To appended when References lack it; the
 *   message's parent is the chain's last id (it overrides links guessed earlier from
 *   other messages' References, JWZ step 1C). Ids equal to the message's own are ignored.
 * - Every link is checked first: never the same node, never under its own descendant.
 * - Ghosts (referenced, never seen) without children are pruned; ghosts with children are
 *   kept, at the root and mid-chain alike, even with one child: like lore, the reader
 *   should see that a parent is missing.
 * - Subject fallback only for roots that are replies (`Re:`) with no references at all:
 *   they go under the earliest root with the same base subject that is not itself such a
 *   reply (or, when all are, under the earliest of them). Ghost roots have no subject and
 *   never take part; non-replies are never merged.
 * - A message with no References/In-Reply-To keeps a parent guessed from other messages'
 *   References (public-inbox does the same): that guess is the only evidence there is.
 * No recursion anywhere: references and chains 10,000 long are ordinary hostile input.
 * Linear in messages plus references, except that a link attempt that moves a node
 * which already has children walks up the would-be parent's ancestors (O(depth)).
 * Keys should be unique; if they repeat, the order is still fixed (see container.ts).
 */
import type { ThreadInput, ThreadNode } from '../types';
import { baseSubject, type BaseSubject } from './base-subject';
import {
  canLink,
  compareSortKeys,
  link,
  messageSortKey,
  newContainer,
  type Container,
} from './container';
import { orderForest } from './order-forest';

export interface BuildThreadsOptions {
  /** Subject normaliser for the fallback; defaults to the local `baseSubject`. */
  baseSubject?: (subject: string) => BaseSubject;
}

export function buildThreads<M extends ThreadInput>(
  messages: readonly M[],
  options: BuildThreadsOptions = {},
): ThreadNode<M>[] {
  const sorted = messages.map(messageSortKey).sort(compareSortKeys);
  const table = new Map<string, Container<M>>();
  const containerFor = (id: string): Container<M> => {
    let c = table.get(id);
    if (c === undefined) table.set(id, (c = newContainer<M>(id)));
    return c;
  };
  const duplicates: Container<M>[] = [];

  for (const sort of sorted) {
    const m = sort.message!;
    const isDuplicate = (table.get(m.messageId)?.message ?? null) !== null;
    const self = isDuplicate ? newContainer<M>(m.messageId) : containerFor(m.messageId);
    self.message = m;
    self.sort = sort;
    if (isDuplicate) {
      duplicates.push(self);
      continue;
    }
    const chain = parentChain(m);
    self.noRefs = chain.length === 0;
    let prev: Container<M> | null = null;
    for (const id of chain) {
      const c = containerFor(id);
      // Links between references are guesses: never override an existing one.
      if (prev !== null && c.parent === null && canLink(prev, c)) link(prev, c);
      prev = c;
    }
    if (prev !== null && canLink(prev, self)) link(prev, self);
  }

  pruneChildlessGhosts(table);
  const roots = [...table.values()].filter((c) => c.parent === null);
  const merged = groupBySubject(roots, options.baseSubject ?? baseSubject);
  for (const dup of duplicates) {
    const parent = table.get(dup.messageId)!.parent;
    if (parent === null) merged.push(dup);
    else link(parent, dup);
  }
  return orderForest(merged);
}

/** References then In-Reply-To (when References lack it), without empty or self ids. */
function parentChain(m: ThreadInput): string[] {
  const chain = m.references.filter((id) => id !== '' && id !== m.messageId);
  const irt = m.inReplyTo;
  if (irt !== null && irt !== '' && irt !== m.messageId && !chain.includes(irt)) chain.push(irt);
  return chain;
}

/** Drop ghosts that ended up with no children; their ghost parents may follow. */
function pruneChildlessGhosts<M extends ThreadInput>(table: Map<string, Container<M>>): void {
  for (const start of table.values()) {
    let c: Container<M> | null = start;
    while (c !== null && c.message === null && c.children.size === 0) {
      const parent: Container<M> | null = c.parent;
      parent?.children.delete(c);
      table.delete(c.messageId);
      c = parent;
    }
  }
}

/** The subject fallback; returns the roots that are still roots. */
function groupBySubject<M extends ThreadInput>(
  roots: Container<M>[],
  normalise: (subject: string) => BaseSubject,
): Container<M>[] {
  const groups = new Map<string, { c: Container<M>; candidate: boolean }[]>();
  for (const c of roots) {
    if (c.message === null) continue;
    const { base, isReply } = normalise(c.message.subject);
    if (base === '') continue; // an empty subject says nothing about the thread
    const group = groups.get(base) ?? [];
    group.push({ c, candidate: isReply && c.noRefs });
    groups.set(base, group);
  }
  const attached = new Set<Container<M>>();
  for (const group of groups.values()) {
    if (group.length < 2 || !group.some((g) => g.candidate)) continue;
    group.sort(
      (a, b) => Number(a.candidate) - Number(b.candidate) || compareSortKeys(a.c.sort!, b.c.sort!),
    );
    const target = group[0]!.c;
    for (const { c, candidate } of group) {
      if (candidate && c !== target) {
        link(target, c);
        attached.add(c);
      }
    }
  }
  return roots.filter((c) => !attached.has(c));
}
