import { MAX_PROVENANCE_ANCESTORS } from '../limits';

/** The threading headers a parent chain follows. */
export interface Threaded {
  messageId: string;
  inReplyTo: string | null;
  /** Oldest first, as in the header. */
  references: readonly string[];
}

/**
 * The walk up a message's parents, as a generator so one loop serves both a synchronous
 * lookup (an in-memory thread) and an asynchronous one (the store): it yields each
 * parent id it wants and is sent back the parent, or undefined when unknown.
 */
function* walkParents<M extends Threaded>(
  message: Threaded,
  max: number,
): Generator<string, M[], M | undefined> {
  const chain: M[] = [];
  const seen = new Set<string>([message.messageId]);
  let at: Threaded = message;
  while (chain.length < max) {
    const id = at.inReplyTo ?? at.references[at.references.length - 1] ?? null;
    if (id === null || seen.has(id)) break;
    seen.add(id);
    const parent = yield id;
    if (!parent) break;
    chain.push(parent);
    at = parent;
  }
  return chain;
}

/**
 * The message's parents, nearest first: each entry is the parent of the one before.
 * The parent is In-Reply-To, or the last of References when a client sent only that
 * (RFC 5322 §3.6.4). The chain stops at the first parent `lookup` does not know, so
 * position k is always exactly k+1 replies up: quote depth d maps to entry d-1. The
 * seen-set is the loop guard (forged headers make cycles), MAX_PROVENANCE_ANCESTORS
 * the bound.
 */
export function parentChain<M extends Threaded>(
  message: Threaded,
  lookup: (messageId: string) => M | undefined,
  max = MAX_PROVENANCE_ANCESTORS,
): M[] {
  const walk = walkParents<M>(message, max);
  let step = walk.next();
  while (!step.done) step = walk.next(lookup(step.value));
  return step.value;
}

/** parentChain with a lookup that reads the store. */
export async function parentChainAsync<M extends Threaded>(
  message: Threaded,
  lookup: (messageId: string) => Promise<M | undefined>,
  max = MAX_PROVENANCE_ANCESTORS,
): Promise<M[]> {
  const walk = walkParents<M>(message, max);
  let step = walk.next();
  while (!step.done) step = walk.next(await lookup(step.value));
  return step.value;
}
