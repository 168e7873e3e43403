import type { NodeView, ThreadView } from '@/lib/loaders/load-thread';
import { formatDate } from '@/lib/loaders/format';

/** Indentation stops growing past this depth; the depth badge keeps it readable. */
const MAX_INDENT_DEPTH = 5;

export interface ThreadOptions {
  /** Replies at this depth and deeper start collapsed (Infinity: all open). */
  collapseFrom: number;
  /** Quote levels at this depth and deeper start folded. */
  foldFrom: number;
  /** Lines to highlight (from `?hl=`): their message, quotes and ancestors render open. */
  target?: { message: string; from: number; to: number };
}

/** Does the subtree hold the message with this anchor? */
function holds(node: NodeView, anchor: string): boolean {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (!n.missing && n.message.anchor === anchor) return true;
    stack.push(...n.children);
  }
  return false;
}

/**
 * The reply tree. `cards` holds each message's card as HTML (renderThreadMessages): our
 * own React output, rendered and escaped once, then reused for every request.
 */
export function ThreadViewTree({
  view,
  options,
  cards,
}: {
  view: ThreadView;
  options: ThreadOptions;
  cards: Map<string, string>;
}) {
  return (
    <div className="tl-thread space-y-2">
      {view.roots.map((node) => (
        <NodeItem key={nodeKey(node)} node={node} options={options} cards={cards} />
      ))}
    </div>
  );
}

function nodeKey(node: NodeView): string {
  return node.missing ? `ghost:${node.messageId}` : node.message.anchor;
}

function NodeItem({
  node,
  options,
  cards,
}: {
  node: NodeView;
  options: ThreadOptions;
  cards: Map<string, string>;
}) {
  const indent = node.depth > 0 && node.depth <= MAX_INDENT_DEPTH ? 'ml-2 sm:ml-4' : '';
  const children = node.children.map((c) => (
    <NodeItem key={nodeKey(c)} node={c} options={options} cards={cards} />
  ));
  if (node.missing) {
    return (
      <div className={`tl-node ${indent}`} data-depth={node.depth}>
        <p className="text-sm text-muted">
          [message not in this archive: &lt;{node.messageId}&gt;]
        </p>
        <div className="space-y-2 border-l border-border pl-1 sm:pl-2">{children}</div>
      </div>
    );
  }
  const m = node.message;
  const replies = node.size - 1;
  return (
    <details
      className={`tl-node ${indent}`}
      open={
        node.depth < options.collapseFrom ||
        (!!options.target && holds(node, options.target.message))
      }
      data-depth={node.depth}
      data-anchor={m.anchor}
    >
      <summary className="tl-node-summary cursor-pointer text-sm">
        <span
          className="tl-depth mr-1 rounded bg-bg-soft px-1 font-mono text-xs text-muted"
          title="reply depth"
        >
          {node.depth}
        </span>
        <span className="font-medium">{m.from.name || m.from.address || 'unknown'}</span>{' '}
        <span className="text-muted">{formatDate(m.date, m.dateRaw)}</span>
        {replies > 0 && (
          <span className="tl-collapsed-info text-muted">
            {' '}
            · {node.size} messages from {node.who.slice(0, 4).join(', ')}
            {node.who.length > 4 ? '…' : ''}
          </span>
        )}
      </summary>
      <div
        className="tl-msg-slot"
        dangerouslySetInnerHTML={{ __html: cards.get(m.anchor) ?? '' }}
      />
      {children.length > 0 && (
        <div className="mt-2 space-y-2 border-l-2 border-border pl-1 sm:pl-2">{children}</div>
      )}
    </details>
  );
}
