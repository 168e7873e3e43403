'use client';

import { useEffect, useState } from 'react';
import { expandTo, highlightRange, rangeFromSelection, rangeUrl } from './permalink-dom';
import { handleThreadKey } from './thread-keys';

/**
 * Progressive enhancement of the thread page (it reads fine without it): permalinks
 * open their collapsed ancestors and highlight, line numbers shift-click into ranges,
 * selected text gets a "copy link", and the keyboard moves between messages.
 */
export function ThreadEnhancer() {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [help, setHelp] = useState(false);

  useEffect(() => {
    const focusHash = () => {
      const hl = new URL(location.href).searchParams.get('hl');
      const id = decodeURIComponent(location.hash.slice(1));
      const target = highlightRange(hl ?? id) ?? (id ? document.getElementById(id) : null);
      if (target) {
        expandTo(target);
        target.scrollIntoView({ block: 'center' });
      }
    };
    focusHash();
    let anchorLine: string | null = null;
    const onClick = (e: MouseEvent) => {
      const ln = (e.target as Element).closest?.('a.tl-ln');
      if (!ln) return;
      e.preventDefault();
      const id = ln.closest('.tl-line')!.id;
      const range = e.shiftKey && anchorLine ? rangeFromSelection(anchorLine, id) : id;
      if (!e.shiftKey) anchorLine = id;
      const url = rangeUrl(range);
      history.replaceState(null, '', url);
      highlightRange(range);
      setLink(url);
      setCopied(false);
    };
    const onSelect = () => {
      const sel = document.getSelection();
      if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
      const r = sel.getRangeAt(0);
      const first = lineOf(r.startContainer);
      const last = lineOf(r.endContainer);
      if (!first || !last) return;
      const range = rangeFromSelection(first.id, last.id);
      if (range) {
        setLink(rangeUrl(range));
        setCopied(false);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !isTyping(e)) setHelp((h) => !h);
      else if (e.key === 'Escape') setHelp(false);
      else handleThreadKey(e);
    };
    window.addEventListener('hashchange', focusHash);
    document.addEventListener('click', onClick);
    document.addEventListener('mouseup', onSelect);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('hashchange', focusHash);
      document.removeEventListener('click', onClick);
      document.removeEventListener('mouseup', onSelect);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // Clipboard may be denied (insecure origin): the link stays shown for manual copy.
    }
    setCopied(true);
  };

  return (
    <>
      {link && (
        <div
          role="status"
          className="tl-copy-link fixed right-3 bottom-3 z-10 flex max-w-[90vw] items-center gap-2 rounded border border-border bg-bg-soft px-3 py-2 text-sm shadow"
        >
          <button type="button" onClick={copy} className="rounded border border-border px-2">
            {copied ? 'Copied' : 'Copy link'}
          </button>
          <input
            readOnly
            value={link}
            aria-label="Permalink"
            className="tl-link-value min-w-0 flex-1 bg-transparent font-mono text-xs"
          />
          <button type="button" onClick={() => setLink(null)} aria-label="Close">
            ×
          </button>
        </div>
      )}
      {help && (
        <div
          role="dialog"
          aria-label="Keyboard shortcuts"
          className="fixed top-16 right-3 z-10 rounded border border-border bg-bg-soft p-3 text-sm shadow"
        >
          <ul className="space-y-0.5 font-mono">
            <li>j / k — next / previous message</li>
            <li>n / p — next / previous message at the same depth</li>
            <li>o or Enter — collapse / expand the message and its replies</li>
            <li>[ / ] — fold / unfold the quotes of the message</li>
            <li>? — this help, Esc to close</li>
          </ul>
        </div>
      )}
    </>
  );
}

function lineOf(node: Node): Element | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return el?.closest('.tl-line') ?? null;
}

function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName);
}
