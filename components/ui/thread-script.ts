/**
 * The thread page's only script: progressive enhancement in plain DOM code, so the page
 * ships a few KB of JavaScript instead of a framework runtime (the page reads, collapses
 * and follows permalinks without it). Bundled by scripts/build-client.mjs into
 * public/_tl/thread.js. What it adds: permalinks open their collapsed ancestors and
 * highlight, line numbers shift-click into ranges, selected text gets a "copy link",
 * the keyboard moves between messages, and the theme switch works.
 */
import { expandTo, highlightRange, rangeFromSelection, rangeUrl } from './permalink-dom';
import { handleThreadKey, isTyping } from './thread-keys';
import { applyTheme, NEXT_THEME, parseTheme, themeAriaLabel, themeLabel } from './theme';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { className?: string },
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The "copy link" box in the corner: created on first use, then reused. */
function linkBox() {
  let box: HTMLElement | null = null;
  let input: HTMLInputElement;
  let copy: HTMLButtonElement;
  const hide = () => {
    box?.remove();
    box = null;
  };
  const show = (url: string) => {
    if (!box) {
      copy = el('button', { type: 'button', className: 'rounded border border-border px-2' });
      input = el('input', {
        readOnly: true,
        className: 'tl-link-value min-w-0 flex-1 bg-transparent font-mono text-xs',
      });
      input.setAttribute('aria-label', 'Permalink');
      const close = el('button', { type: 'button', textContent: '×' });
      close.setAttribute('aria-label', 'Close');
      close.addEventListener('click', hide);
      copy.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(input.value);
        } catch {
          // Clipboard may be denied (insecure origin): the link stays shown for manual copy.
        }
        copy.textContent = 'Copied';
      });
      box = el(
        'div',
        {
          className:
            'tl-copy-link fixed right-3 bottom-3 z-10 flex max-w-[90vw] items-center gap-2 rounded border border-border bg-bg-soft px-3 py-2 text-sm shadow',
        },
        copy,
        input,
        close,
      );
      box.setAttribute('role', 'status');
      document.body.append(box);
    }
    input.value = url;
    copy.textContent = 'Copy link';
  };
  return { show };
}

const KEYS = [
  'j / k — next / previous message',
  'n / p — next / previous message at the same depth',
  'o or Enter — collapse / expand the message and its replies',
  '[ / ] — fold / unfold the quotes of the message',
  '? — this help, Esc to close',
];

/** The keyboard help, toggled by `?`. */
function helpDialog() {
  let dialog: HTMLElement | null = null;
  const close = () => {
    dialog?.remove();
    dialog = null;
  };
  const toggle = () => {
    if (dialog) return close();
    const list = el('ul', { className: 'space-y-0.5 font-mono' });
    list.append(...KEYS.map((k) => el('li', { textContent: k })));
    dialog = el(
      'div',
      {
        className:
          'fixed top-16 right-3 z-10 rounded border border-border bg-bg-soft p-3 text-sm shadow',
      },
      list,
    );
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-label', 'Keyboard shortcuts');
    document.body.append(dialog);
  };
  return { toggle, close };
}

function lineOf(node: Node): Element | null {
  const e = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return e?.closest('.tl-line') ?? null;
}

function focusHash(): void {
  const hl = new URL(location.href).searchParams.get('hl');
  const id = decodeURIComponent(location.hash.slice(1));
  const target = highlightRange(hl ?? id) ?? (id ? document.getElementById(id) : null);
  if (target) {
    expandTo(target);
    target.scrollIntoView({ block: 'center' });
  }
}

function enhanceThemeButton(button: HTMLButtonElement): void {
  button.addEventListener('click', () => {
    const next = NEXT_THEME[parseTheme(button.dataset.themeToggle)];
    applyTheme(next);
    button.dataset.themeToggle = next;
    button.textContent = themeLabel(next);
    button.setAttribute('aria-label', themeAriaLabel(next));
  });
}

function enhance(): void {
  const box = linkBox();
  const help = helpDialog();
  let anchorLine: string | null = null;
  focusHash();
  window.addEventListener('hashchange', focusHash);
  document.addEventListener('click', (e) => {
    const ln = (e.target as Element).closest?.('a.tl-ln');
    if (!ln) return;
    e.preventDefault();
    const id = ln.closest('.tl-line')!.id;
    const range = e.shiftKey && anchorLine ? rangeFromSelection(anchorLine, id) : id;
    if (!e.shiftKey) anchorLine = id;
    const url = rangeUrl(range);
    history.replaceState(null, '', url);
    highlightRange(range);
    box.show(url);
  });
  document.addEventListener('mouseup', () => {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) return;
    const r = sel.getRangeAt(0);
    const first = lineOf(r.startContainer);
    const last = lineOf(r.endContainer);
    const range = first && last ? rangeFromSelection(first.id, last.id) : null;
    if (range) box.show(rangeUrl(range));
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === '?' && !isTyping(e)) help.toggle();
    else if (e.key === 'Escape') help.close();
    else handleThreadKey(e);
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-theme-toggle]')) {
    enhanceThemeButton(b);
  }
  // Says the listeners are live (tests wait for it rather than for a timeout).
  document.documentElement.dataset.enhanced = '';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', enhance);
else enhance();
