// Keyboard navigation over the thread's message nodes (<details class="tl-node">).

function nodes(): HTMLDetailsElement[] {
  // Only nodes the reader can see: not inside a collapsed ancestor.
  return [...document.querySelectorAll<HTMLDetailsElement>('details.tl-node')].filter((d) => {
    const parent = d.parentElement?.closest('details.tl-node') as HTMLDetailsElement | null;
    return !parent || (parent.open && parent.checkVisibility());
  });
}

function current(list: HTMLDetailsElement[]): number {
  const active = document.activeElement?.closest('details.tl-node');
  return active ? list.indexOf(active as HTMLDetailsElement) : -1;
}

function focusNode(node: HTMLDetailsElement | undefined): void {
  const summary = node?.querySelector<HTMLElement>(':scope > summary');
  if (!summary) return;
  summary.focus();
  summary.scrollIntoView({ block: 'start' });
}

/** Is the reader typing into a field (where keys are text, not commands)? */
export function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement;
  return t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName);
}

export function handleThreadKey(e: KeyboardEvent): void {
  if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
  const list = nodes();
  const i = current(list);
  const here = list[i];
  switch (e.key) {
    case 'j':
      focusNode(list[i + 1]);
      break;
    case 'k':
      focusNode(list[Math.max(0, i - 1)]);
      break;
    case 'n':
    case 'p': {
      const depth = here?.dataset.depth;
      const step = e.key === 'n' ? 1 : -1;
      for (let k = i + step; k >= 0 && k < list.length; k += step) {
        if (list[k]!.dataset.depth === depth) return focusNode(list[k]);
      }
      break;
    }
    case 'o':
      if (here) here.open = !here.open;
      break;
    case '[':
    case ']':
      here
        ?.querySelectorAll<HTMLDetailsElement>(':scope > .tl-msg-slot > article details.tl-quote')
        .forEach((q) => (q.open = e.key === ']'));
      break;
    default:
      return;
  }
  e.preventDefault();
}
