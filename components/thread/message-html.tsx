import { renderToStaticMarkup } from 'react-dom/server';
import { LRUCache } from 'lru-cache';
import type { MessageView, NodeView, ThreadView } from '@/lib/loaders/load-thread';
import { MAX_RENDERED_HTML_CHARS } from '@/lib/limits';
import { MessageCard } from './message-card';
import type { ThreadOptions } from './thread-view';

/**
 * Each message card rendered to HTML once and kept: most of a big thread page's server
 * time is rendering its messages, which only change with the reader's fold setting, the
 * highlighted range, and quote provenance (new replies). Bounded by characters kept.
 */
const rendered = new LRUCache<string, string>({
  maxSize: MAX_RENDERED_HTML_CHARS,
  sizeCalculation: (html) => Math.max(1, html.length),
});

/**
 * What a card's HTML depends on beyond its stored row, whose content never changes
 * (segments are derived by this server's own code; highlights by block content).
 */
function cacheKey(
  m: MessageView,
  foldFrom: number,
  focused: boolean,
  target: ThreadOptions['target'],
): string {
  return JSON.stringify([
    m.rowId,
    m.href,
    foldFrom === Infinity ? 'all' : foldFrom,
    focused,
    m.subjectChanged,
    target ? [target.from, target.to] : null,
    m.origins ? [...m.origins] : null,
    m.quoteAuthors ? [...m.quoteAuthors] : null,
  ]);
}

function cardHtml(view: ThreadView, m: MessageView, options: ThreadOptions): string {
  const focused = m.anchor === view.focus.anchor;
  const target = options.target?.message === m.anchor ? options.target : undefined;
  const key = cacheKey(m, options.foldFrom, focused, target);
  let html = rendered.get(key);
  if (html === undefined) {
    html = renderToStaticMarkup(
      <MessageCard
        message={m}
        highlights={view.highlights}
        foldFrom={options.foldFrom}
        focused={focused}
        {...(target ? { target } : {})}
      />,
    );
    rendered.set(key, html);
  }
  return html;
}

/** Every shown message's card as HTML (message anchor → markup), from the cache when warm. */
export function renderThreadMessages(
  view: ThreadView,
  options: ThreadOptions,
): Map<string, string> {
  const out = new Map<string, string>();
  const stack: NodeView[] = [...view.roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.missing) out.set(node.message.anchor, cardHtml(view, node.message, options));
    stack.push(...node.children);
  }
  return out;
}
