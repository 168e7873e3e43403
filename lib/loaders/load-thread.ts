import type { Address, Author, Segment } from '../types';
import { getStore } from '../store/server-db';
import type { StoredMessage } from '../store/store';
import { buildThreads } from '../thread/build-threads';
import { baseSubject } from '../thread/base-subject';
import { flattenThread, type FlatNode } from '../thread/format-tree';
import { paginateThread } from './paginate-thread';
import { buildQuoteTree, type QuoteBox } from '../segments/quote-tree';
import { messageAnchor } from '../anchors';
import { attachmentPath, rawPath, threadMboxPath, threadPagePath } from '../urls';
import { highlightMessages, linkContext } from './highlight-segments';
import type { LinkifyContext } from '../linkify/linkify';
import {
  quoteAuthorsForThread,
  quoteOriginsForThread,
  type QuoteOriginLink,
} from './quote-origins';
import { findDiffFiles } from '../segments/diff-files';
import { shownSegments, type BodyCut } from '../segments/cap-segments';
import type { QuoteBoxKey } from '../quotes/quote-passages';
import { LRUCache } from 'lru-cache';
import { MAX_CACHED_PROVENANCE_THREADS } from '../limits';

/** An attachment as a message card lists it. */
export interface AttachmentView {
  filename: string;
  contentType: string;
  size: number;
  /** Where a text attachment (patch, log) is served as plain text; null for binary ones. */
  href: string | null;
}

export interface MessageView {
  /** The stored row: a cache key only (a row's content never changes), never in a URL. */
  rowId: number;
  anchor: string;
  messageId: string;
  dupIndex: number;
  subject: string;
  /** False when the subject only repeats the parent's (then it is shown muted). */
  subjectChanged: boolean;
  from: Address;
  to: Address[];
  cc: Address[];
  date: string | null;
  dateRaw: string | null;
  inReplyTo: string | null;
  references: string[];
  quotes: QuoteBox;
  /** Quote box key → where that quote was first written in this thread. */
  origins?: Map<QuoteBoxKey, QuoteOriginLink>;
  /** Quote box key → who wrote a quote no attribution names, as the thread tells. */
  quoteAuthors?: Map<QuoteBoxKey, Author>;
  /** Where each file's diff starts (body line), for diffstat links. */
  diffFiles: Map<string, number>;
  /** Where this message's links point (kernel version it reveals, message links). */
  links: LinkifyContext;
  attachments: AttachmentView[];
  warnings: string[];
  href: string;
  rawHref: string;
  /** Set when only the first part of a huge body is shown. */
  cut?: BodyCut;
}

export type NodeView =
  | { missing: true; messageId: string; depth: number; size: number; children: NodeView[] }
  | {
      missing: false;
      message: MessageView;
      depth: number;
      /** Messages in this subtree, this one included. */
      size: number;
      /** Distinct authors in this subtree, for the collapsed summary. */
      who: string[];
      children: NodeView[];
    };

export interface ThreadView {
  list: string;
  subject: string;
  focus: MessageView;
  roots: NodeView[];
  messageCount: number;
  maxDepth: number;
  /** Highlighted lines of every code/log/asm/diff block, by segment. */
  highlights: Map<Segment, string[]>;
  mboxHref: string;
  /** This page of the thread (1-based) and how many there are. */
  page: number;
  pages: number;
}

/** Everything the thread page renders, or null when the list or message is unknown. */
export async function loadThread(
  list: string,
  messageId: string,
  options: { dup?: number; page?: number } = {},
): Promise<ThreadView | null> {
  const store = await getStore();
  const found = await store.getThreadMessages(list, messageId, options.dup ?? 0);
  if (!found) return null;
  const forest = buildThreads(found.messages);
  const flat = flattenThread(forest);
  // A huge thread renders one page of MAX_THREAD_PAGE_MESSAGES at a time, the focused
  // message's page unless `?page=` asks for another: bounded work per request.
  const pg = paginateThread(
    flat,
    (n) => !n.node.missing && n.node.message.rowId === found.focus.rowId,
    {
      ...(options.page !== undefined ? { page: options.page } : {}),
    },
  );
  const shown = pg.nodes.flatMap((n) => (n.node.missing ? [] : [n.node.message]));
  // A huge body shows its first part (MAX_RENDERED_BODY_*); raw has the rest.
  const capped = new Map(shown.map((m) => [m, shownSegments(m.segments)]));
  const segmentsOf = (m: StoredMessage) => capped.get(m)?.segments ?? m.segments;
  // Where each shown message's links point: computed once, for highlighting and rendering.
  const links = new Map(shown.map((m) => [m, linkContext(m.body)]));
  const linksOf = (m: StoredMessage) => links.get(m) ?? linkContext(m.body);
  const highlights = await highlightMessages(
    store,
    shown.map((m) => ({ segments: segmentsOf(m), links: linksOf(m) })),
  );
  const { origins, authors } = threadOrigins(found.messages);
  const subjectOfParent = parentSubjects(flat);
  const roots = buildPageTree(pg.nodes, (n, i) => {
    if (n.node.missing) {
      return { missing: true, messageId: n.node.messageId, depth: n.depth, size: 0, children: [] };
    }
    const m = n.node.message;
    return {
      missing: false,
      message: {
        ...toMessageView(list, m, subjectOfParent[pg.start + i] ?? null, linksOf(m), capped.get(m)),
        origins: origins.get(messageAnchor(m.messageId, m.dupIndex)),
        quoteAuthors: authors.get(messageAnchor(m.messageId, m.dupIndex)),
      },
      depth: n.depth,
      size: 1,
      who: [m.from.name || m.from.address],
      children: [],
    };
  });
  const first = forest[0];
  return {
    list,
    subject: (first && !first.missing ? first.message : found.messages[0]!).subject,
    focus: toMessageView(list, found.focus, null, linksOf(found.focus)),
    roots,
    messageCount: found.messages.length,
    maxDepth: flat.reduce((d, n) => Math.max(d, n.depth), 0),
    highlights,
    mboxHref: threadMboxPath(list, found.focus.messageId),
    page: pg.page,
    pages: pg.pages,
  };
}

/**
 * Quote provenance over the whole thread, kept per set of messages: a stored message
 * never changes, so the same rows give the same answer until a reply (or a deletion)
 * changes the set. Costs more than the rest of loading a big thread.
 */
interface ThreadProvenance {
  origins: ReturnType<typeof quoteOriginsForThread>;
  authors: ReturnType<typeof quoteAuthorsForThread>;
}

const provenance = new LRUCache<string, ThreadProvenance>({
  max: MAX_CACHED_PROVENANCE_THREADS,
});

function threadOrigins(messages: readonly StoredMessage[]): ThreadProvenance {
  const key = messages.map((m) => m.rowId).join(',');
  let found = provenance.get(key);
  if (!found) {
    const origins = quoteOriginsForThread(messages);
    found = { origins, authors: quoteAuthorsForThread(messages, origins) };
    provenance.set(key, found);
  }
  return found;
}

/**
 * Nest one page of the thread (a slice of the pre-order list, with depths) back into
 * trees. A node whose parent is on another page becomes a root of this one. Iterative:
 * reply chains can be thousands deep.
 */
function buildPageTree(
  nodes: readonly FlatNode<StoredMessage>[],
  view: (n: FlatNode<StoredMessage>, i: number) => NodeView,
): NodeView[] {
  const roots: NodeView[] = [];
  const stack: NodeView[] = [];
  nodes.forEach((n, i) => {
    const v = view(n, i);
    while (stack.length && stack[stack.length - 1]!.depth >= v.depth) stack.pop();
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(v);
    // Sizes and authors of every ancestor on this page; authors stay in reading order,
    // the subtree's own first. Bounded: a page holds MAX_THREAD_PAGE_MESSAGES.
    for (const a of stack) {
      a.size += v.size;
      if (!a.missing && !v.missing && !a.who.includes(v.who[0]!)) a.who.push(v.who[0]!);
    }
    stack.push(v);
  });
  return roots;
}

/** For each node of the pre-order list, the subject of its nearest message ancestor (null for roots). */
function parentSubjects(flat: readonly FlatNode<StoredMessage>[]): (string | null)[] {
  // Each entry carries the subject its children inherit: its own, or its ghost's parent's.
  const stack: { depth: number; subject: string | null }[] = [];
  return flat.map((n) => {
    while (stack.length && stack[stack.length - 1]!.depth >= n.depth) stack.pop();
    const inherited = stack[stack.length - 1]?.subject ?? null;
    stack.push({ depth: n.depth, subject: n.node.missing ? inherited : n.node.message.subject });
    return inherited;
  });
}

function toMessageView(
  list: string,
  m: StoredMessage,
  parentSubject: string | null,
  links: LinkifyContext,
  shownBody: { segments: readonly Segment[]; cut: BodyCut | null } = {
    segments: m.segments,
    cut: null,
  },
): MessageView {
  const strip = (s: string) => baseSubject(s).base;
  return {
    rowId: m.rowId,
    anchor: messageAnchor(m.messageId, m.dupIndex),
    messageId: m.messageId,
    dupIndex: m.dupIndex,
    subject: m.subject,
    subjectChanged: parentSubject === null || strip(parentSubject) !== strip(m.subject),
    from: m.from,
    to: m.to,
    cc: m.cc,
    date: m.date,
    dateRaw: m.dateRaw,
    inReplyTo: m.inReplyTo,
    references: m.references,
    quotes: buildQuoteTree(shownBody.segments),
    ...(shownBody.cut ? { cut: shownBody.cut } : {}),
    links,
    diffFiles: findDiffFiles(shownBody.segments),
    attachments: m.attachments.map((a, i) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.size,
      href: a.text === undefined ? null : attachmentPath(list, m.messageId, i + 1, m.dupIndex),
    })),
    warnings: m.warnings,
    href: threadPagePath(list, m.messageId, m.dupIndex),
    rawHref: rawPath(list, m.messageId, m.dupIndex),
  };
}
