import type { NodeView, ThreadView } from '@/lib/loaders/load-thread';
import { formatDate } from '@/lib/loaders/format';

/** The reply tree at a glance: one line a message, linking to it; the focused one marked. */
export function ThreadOutline({ view }: { view: ThreadView }) {
  const rows: { node: NodeView; depth: number }[] = [];
  const stack = [...view.roots].reverse().map((node) => ({ node, depth: 0 }));
  while (stack.length) {
    const item = stack.pop()!;
    rows.push(item);
    for (let i = item.node.children.length - 1; i >= 0; i--)
      stack.push({ node: item.node.children[i]!, depth: item.depth + 1 });
  }
  return (
    <details
      open
      className="tl-outline mb-3 rounded border border-border bg-bg-soft px-3 py-2 text-sm"
    >
      <summary className="cursor-pointer font-medium">
        Thread overview: {view.messageCount} {view.messageCount === 1 ? 'message' : 'messages'}
      </summary>
      <ol className="mt-1 font-mono text-[13px]">
        {rows.map(({ node, depth }) => (
          <li key={node.missing ? `g${node.messageId}` : node.message.anchor} className="truncate">
            <span className="text-muted">
              {'  '.repeat(Math.min(depth, 12)).replace(/ /g, '\u00a0')}
            </span>
            {node.missing ? (
              <span className="text-muted">(missing) &lt;{node.messageId}&gt;</span>
            ) : (
              <a
                href={`#${node.message.anchor}`}
                aria-current={node.message.anchor === view.focus.anchor ? 'true' : undefined}
                className={node.message.anchor === view.focus.anchor ? 'font-bold' : ''}
              >
                {node.message.from.name || node.message.from.address}
                {node.message.subjectChanged ? ` — ${node.message.subject}` : ''}
              </a>
            )}
            {!node.missing && (
              <span className="text-muted">
                {' '}
                {formatDate(node.message.date, node.message.dateRaw)}
              </span>
            )}
            {node.children.length > 0 && (
              <span className="text-muted"> ({node.size - (node.missing ? 0 : 1)})</span>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
