import 'server-only';
import type { Address, Attachment, ThreadNode } from '../types';
import { getDb } from '../store/server-db';
import { getThreadMessages, type StoredMessage } from '../store/read-archive';
import { buildThreads } from '../thread/build-threads';
import { buildQuoteTree, type QuoteBox } from '../segments/quote-tree';
import { messageAnchor } from '../anchors';
import { messagePath, rawPath, threadMboxPath } from '../urls';
import { highlightMessages, linkContext } from './highlight-segments';
import type { LinkifyContext } from '../linkify/linkify';
import { quoteOriginsForThread, type QuoteOriginLink } from './quote-origins';
import { findDiffFiles } from '../segments/diff-files';

export interface MessageView {
  anchor: string;
  messageId: string;
  dupIndex: number;
  subject: string;
  /** False when the subject only repeats the parent's (then it is not shown again). */
  subjectChanged: boolean;
  from: Address;
  to: Address[];
  cc: Address[];
  date: string | null;
  dateRaw: string | null;
  inReplyTo: string | null;
  references: string[];
  quotes: QuoteBox;
  /** Quote box start → where that quote was first written in this thread. */
  origins?: Map<number, QuoteOriginLink>;
  /** Where each file's diff starts (body line), for diffstat links. */
  diffFiles: Map<string, number>;
  /** Where this message's links point (kernel version it reveals, message links). */
  links: LinkifyContext;
  attachments: Attachment[];
  warnings: string[];
  href: string;
  rawHref: string;
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
  /** Highlighted lines of every code/log/asm/diff block, by block key. */
  highlights: Map<string, string[]>;
  mboxHref: string;
}

/** Everything the thread page renders, or null when the list or message is unknown. */
export async function loadThread(list: string, messageId: string): Promise<ThreadView | null> {
  const db = getDb();
  const found = getThreadMessages(db, list, messageId);
  if (!found) return null;
  const forest = buildThreads(found.messages);
  const highlights = await highlightMessages(
    db,
    found.messages.map((m) => ({ segments: m.segments, links: linkContext(m.body) })),
  );
  const origins = quoteOriginsForThread(found.messages);
  let maxDepth = 0;
  const toView = (
    node: ThreadNode<StoredMessage>,
    depth: number,
    parentSubject: string | null,
  ): NodeView => {
    maxDepth = Math.max(maxDepth, depth);
    if (node.missing) {
      const children = node.children.map((c) => toView(c, depth + 1, parentSubject));
      return { missing: true, messageId: node.messageId, depth, size: sum(children), children };
    }
    const m = node.message;
    const children = node.children.map((c) => toView(c, depth + 1, m.subject));
    const who = new Set([m.from.name || m.from.address]);
    for (const c of children) if (!c.missing) c.who.forEach((w) => who.add(w));
    return {
      missing: false,
      message: {
        ...toMessageView(list, m, parentSubject),
        origins: origins.get(messageAnchor(m.messageId, m.dupIndex)),
      },
      depth,
      size: 1 + sum(children),
      who: [...who],
      children,
    };
  };
  const roots = forest.map((r) => toView(r, 0, null));
  return {
    list,
    subject: (forest[0] && !forest[0].missing ? forest[0].message : found.messages[0]!).subject,
    focus: toMessageView(list, found.focus, null),
    roots,
    messageCount: found.messages.length,
    maxDepth,
    highlights,
    mboxHref: threadMboxPath(list, found.focus.messageId),
  };
}

function sum(nodes: NodeView[]): number {
  return nodes.reduce((n, c) => n + c.size, 0);
}

const RE_REPLY_PREFIX = /^(?:\s*(?:re|aw|fwd?|sv)\s*:)+\s*/i;

function toMessageView(list: string, m: StoredMessage, parentSubject: string | null): MessageView {
  const strip = (s: string) => s.replace(RE_REPLY_PREFIX, '').trim();
  return {
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
    quotes: buildQuoteTree(m.segments),
    links: linkContext(m.body),
    diffFiles: findDiffFiles(m.segments),
    attachments: m.attachments,
    warnings: m.warnings,
    href: messagePath(list, m.messageId),
    rawHref: rawPath(list, m.messageId, m.dupIndex),
  };
}
