import type { NodeView, ThreadView } from '@/lib/loaders/load-thread';
import { formatDate } from '@/lib/loaders/format';
import { MAX_RENDERED_NESTING } from '@/lib/limits';

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

/** What every node of one page needs besides itself. */
interface TreeContext {
  options: ThreadOptions;
  cards: Map<string, string>;
  /** The `?hl=` target's message and its ancestors on this page: they render open. */
  openPath: ReadonlySet<NodeView>;
}

/**
 * The nodes from a page root down to the message with `anchor` (empty when it is not on
 * the page). Iterative: a page can hold a reply chain hundreds of levels deep.
 */
function pathTo(roots: readonly NodeView[], anchor: string | undefined): Set<NodeView> {
  const path = new Set<NodeView>();
  if (anchor === undefined) return path;
  const parent = new Map<NodeView, NodeView>();
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.missing && node.message.anchor === anchor) {
      for (let n: NodeView | undefined = node; n; n = parent.get(n)) path.add(n);
      return path;
    }
    for (const child of node.children) {
      parent.set(child, node);
      stack.push(child);
    }
  }
  return path;
}

/** Every descendant of `node` in reading order (pre-order), without recursion. */
function descendants(node: NodeView): NodeView[] {
  const out: NodeView[] = [];
  const stack = [...node.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/**
 * The reply tree. `cards` holds each message's card as HTML (renderThreadMessages): our
 * own React output, rendered and escaped once, then reused for every request. Nesting
 * stops at MAX_RENDERED_NESTING levels below the page's roots; deeper replies follow one
 * another inside the deepest level (FlatNodeItem), so no thread can make the renderer
 * recurse without bound.
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
  const ctx: TreeContext = {
    options,
    cards,
    openPath: pathTo(view.roots, options.target?.message),
  };
  return (
    <div className="tl-thread space-y-2">
      {view.roots.map((node) => (
        <NodeItem key={nodeKey(node)} node={node} level={0} ctx={ctx} />
      ))}
    </div>
  );
}

function nodeKey(node: NodeView): string {
  return node.missing ? `ghost:${node.messageId}` : node.message.anchor;
}

function isOpen(node: NodeView, ctx: TreeContext): boolean {
  return node.depth < ctx.options.collapseFrom || ctx.openPath.has(node);
}

/** `level` counts rendered nesting from the page's root (0), not the reply depth. */
function NodeItem({ node, level, ctx }: { node: NodeView; level: number; ctx: TreeContext }) {
  const indent = node.depth > 0 && node.depth <= MAX_INDENT_DEPTH ? 'ml-2 sm:ml-4' : '';
  // The deepest nested level holds all its descendants flat; above it, children nest.
  const children =
    level + 1 < MAX_RENDERED_NESTING
      ? node.children.map((c) => <NodeItem key={nodeKey(c)} node={c} level={level + 1} ctx={ctx} />)
      : descendants(node).map((d) => <FlatNodeItem key={nodeKey(d)} node={d} ctx={ctx} />);
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
      open={isOpen(node, ctx)}
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
        dangerouslySetInnerHTML={{ __html: ctx.cards.get(m.anchor) ?? '' }}
      />
      {children.length > 0 && (
        <div className="mt-2 space-y-2 border-l-2 border-border pl-1 sm:pl-2">{children}</div>
      )}
    </details>
  );
}

/**
 * A reply below the nesting limit: a sibling of the others at that level, in reading
 * order, its real depth on a badge and in `data-depth` (the keyboard's `n`/`p` use it).
 * Its own replies follow it rather than sit inside it, so collapsing hides only itself.
 */
function FlatNodeItem({ node, ctx }: { node: NodeView; ctx: TreeContext }) {
  const badge = (
    <span
      className="tl-depth mr-1 rounded bg-bg-soft px-1 font-mono text-xs text-muted"
      title={`reply depth ${node.depth}: replies nested deeper than ${MAX_RENDERED_NESTING} levels are shown one after another`}
    >
      depth {node.depth}
    </span>
  );
  if (node.missing) {
    return (
      <div className="tl-node tl-flat" data-depth={node.depth}>
        <p className="text-sm text-muted">
          {badge}[message not in this archive: &lt;{node.messageId}&gt;]
        </p>
      </div>
    );
  }
  const m = node.message;
  return (
    <details
      className="tl-node tl-flat"
      open={isOpen(node, ctx)}
      data-depth={node.depth}
      data-anchor={m.anchor}
    >
      <summary className="tl-node-summary cursor-pointer text-sm">
        {badge}
        <span className="font-medium">{m.from.name || m.from.address || 'unknown'}</span>{' '}
        <span className="text-muted">{formatDate(m.date, m.dateRaw)}</span>
      </summary>
      <div
        className="tl-msg-slot"
        dangerouslySetInnerHTML={{ __html: ctx.cards.get(m.anchor) ?? '' }}
      />
    </details>
  );
}
