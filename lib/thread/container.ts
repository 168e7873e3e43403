/**
 * JWZ's "container": a slot for one Message-ID that may or may not hold a message
 * (a ghost stands for a parent that was referenced but never seen). Internal to
 * lib/thread; the outside world sees ThreadNode.
 */
import type { ThreadInput } from '../types';

/** Where a message or a ghost sorts among its siblings. */
export interface SortKey<M extends ThreadInput> {
  /** Epoch milliseconds; Infinity for a missing or unparseable date, so those sort last. */
  time: number;
  key: string;
  /** 0 for a message, 1 for a ghost (a ghost borrows the key of its earliest child). */
  ghost: 0 | 1;
  messageId: string;
  /** The message itself, for the last-resort tie-break when keys repeat. */
  message: M | null;
}

export interface Container<M extends ThreadInput> {
  messageId: string;
  message: M | null;
  /** Sort key of the message; for ghosts it is set while ordering the forest. */
  sort: SortKey<M> | null;
  /** True when the message's References and In-Reply-To named no other message. */
  noRefs: boolean;
  parent: Container<M> | null;
  /** A Set so that re-parenting (JWZ step 1C) is O(1); order is imposed later. */
  children: Set<Container<M>>;
}

export function newContainer<M extends ThreadInput>(messageId: string): Container<M> {
  return { messageId, message: null, sort: null, noRefs: true, parent: null, children: new Set() };
}

export function messageSortKey<M extends ThreadInput>(message: M): SortKey<M> {
  const parsed = message.date === null ? NaN : Date.parse(message.date);
  return {
    time: Number.isFinite(parsed) ? parsed : Infinity,
    key: message.key,
    ghost: 0,
    messageId: message.messageId,
    message,
  };
}

function compareStrings(a: string, b: string): number {
  // Code-unit order, not localeCompare: the forest must not depend on the server's locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Date (missing last), then key, then messages before ghosts, then Message-ID: a total order. */
export function compareSortKeys<M extends ThreadInput>(a: SortKey<M>, b: SortKey<M>): number {
  if (a.time !== b.time) return a.time < b.time ? -1 : 1;
  return (
    compareStrings(a.key, b.key) ||
    a.ghost - b.ghost ||
    compareStrings(a.messageId, b.messageId) ||
    compareStrings(fingerprint(a.message), fingerprint(b.message))
  );
}

// Keys are meant to be unique; if a caller repeats one, the remaining fields still
// give a fixed order, so shuffled input cannot change the forest.
function fingerprint(m: ThreadInput | null): string {
  return m === null ? '' : JSON.stringify([m.inReplyTo, m.references, m.subject, m.date]);
}

/**
 * Would linking `child` under `parent` be safe? Not when they are the same node or the
 * child is an ancestor of the parent (that would close a loop). A childless node is
 * nobody's ancestor, which keeps the common case O(1); otherwise walk up (no recursion).
 */
export function canLink<M extends ThreadInput>(parent: Container<M>, child: Container<M>): boolean {
  if (parent === child) return false;
  // Already there (a message confirming the parent others guessed for it), or a
  // childless node, which is nobody's ancestor: the common cases stay O(1).
  if (child.parent === parent || child.children.size === 0) return true;
  for (let up: Container<M> | null = parent; up !== null; up = up.parent) {
    if (up === child) return false;
  }
  return true;
}

/** Make `child` a child of `parent`, leaving its old parent (callers check canLink first). */
export function link<M extends ThreadInput>(parent: Container<M>, child: Container<M>): void {
  if (child.parent === parent) return;
  child.parent?.children.delete(child);
  parent.children.add(child);
  child.parent = parent;
}
