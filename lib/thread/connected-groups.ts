/**
 * Split a list's messages into groups that JWZ threading never connects, so each group
 * can be threaded on its own with the same result as threading them all at once. Two
 * messages can only end up in one thread through a Message-ID both name (their own, a
 * References entry or In-Reply-To) or, by the subject fallback, through a base subject
 * both have — and the fallback only acts on a base subject that some reply without any
 * references carries (build-threads.ts). Union-find over those keys gives the groups:
 * a first pass finds the subjects that can merge (`mergingSubjects`), a second adds.
 *
 * Memory is the point: keys are 30-bit hashes, not strings, so a million messages cost
 * tens of MB here instead of the list's whole header set. A hash collision can only
 * join two groups that did not need joining; a group that is too large is still right.
 */
import { baseSubject } from './base-subject';

/** What grouping reads of a message. */
export interface GroupInput {
  messageId: string;
  inReplyTo: string | null;
  references: readonly string[];
  subject: string;
}

/** FNV-1a over UTF-16 code units, folded to 30 bits (a small integer for V8's Map). */
function hash30(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h ^ (h >>> 30)) & 0x3fffffff;
}

/** Would buildThreads consider this message for the subject fallback (a `Re:` with no parent chain)? */
function mayMergeBySubject(m: GroupInput): boolean {
  const { base, isReply } = baseSubject(m.subject);
  if (base === '' || !isReply) return false;
  const own = m.messageId;
  const irt = m.inReplyTo;
  return (
    m.references.every((id) => id === '' || id === own) &&
    (irt === null || irt === '' || irt === own)
  );
}

const subjectKey = (base: string) => hash30(`s${base}`);

/** Base subjects (hashed) through which the subject fallback could join threads. */
export function mergingSubjects(messages: Iterable<GroupInput>): Set<number> {
  const out = new Set<number>();
  for (const m of messages)
    if (mayMergeBySubject(m)) out.add(subjectKey(baseSubject(m.subject).base));
  return out;
}

export class ConnectedGroups {
  /** `merging`: from mergingSubjects over the same messages; other subjects join nothing. */
  constructor(private readonly merging: ReadonlySet<number>) {}

  private readonly nodeOf = new Map<number, number>();
  private parent: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private nodes = 0;
  private messageNode: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private messages = 0;

  /** Adds the next message (messages are numbered 0, 1, 2… in the order added). */
  add(m: GroupInput): void {
    const own = this.node(`i${m.messageId}`);
    for (const id of m.references) if (id !== '') this.union(own, this.node(`i${id}`));
    if (m.inReplyTo !== null && m.inReplyTo !== '') {
      this.union(own, this.node(`i${m.inReplyTo}`));
    }
    const { base } = baseSubject(m.subject);
    if (base !== '' && this.merging.has(subjectKey(base))) {
      this.union(own, this.nodeForHash(subjectKey(base)));
    }
    if (this.messages === this.messageNode.length) this.messageNode = grow(this.messageNode);
    this.messageNode[this.messages++] = own;
  }

  /**
   * Message numbers grouped: every group's members are contiguous in `order`, and
   * `starts` holds where each group begins (plus the end), in order of first member.
   */
  groups(): { order: Int32Array; starts: number[] } {
    const n = this.messages;
    const label = new Int32Array(n);
    const first = new Map<number, number>(); // root node → group number, by first member
    for (let i = 0; i < n; i++) {
      const root = this.find(this.messageNode[i]!);
      let g = first.get(root);
      if (g === undefined) first.set(root, (g = first.size));
      label[i] = g;
    }
    const count = new Int32Array(first.size + 1);
    for (let i = 0; i < n; i++) count[label[i]! + 1]!++;
    for (let g = 1; g <= first.size; g++) count[g]! += count[g - 1]!;
    const starts = Array.from(count);
    const order = new Int32Array(n);
    const next = count.slice();
    for (let i = 0; i < n; i++) order[next[label[i]!]!++] = i;
    return { order, starts };
  }

  private node(key: string): number {
    return this.nodeForHash(hash30(key));
  }

  private nodeForHash(h: number): number {
    let node = this.nodeOf.get(h);
    if (node === undefined) {
      node = this.nodes++;
      if (node === this.parent.length) this.parent = grow(this.parent);
      this.parent[node] = node;
      this.nodeOf.set(h, node);
    }
    return node;
  }

  private find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression: later finds along this path are one step.
    while (this.parent[x] !== root) {
      const up = this.parent[x]!;
      this.parent[x] = root;
      x = up;
    }
    return root;
  }

  private union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
