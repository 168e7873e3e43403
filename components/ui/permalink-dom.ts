// DOM helpers for permalinks; the anchor grammar is fixed in docs/design.md.

// `m-0123456789-L12`, `m-0123456789-d1-L12-L20`
const RE_LINE = /^(m-[0-9a-f]{10}(?:-d\d+)?)-L(\d+)(?:-L(\d+))?$/;

/** Open every <details> around the element (folded quotes, collapsed replies). */
export function expandTo(el: Element): void {
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null)
    d.open = true;
  // A rejoined continuation line is hidden until its block shows the lines as sent.
  if (el.classList.contains('tl-cont')) {
    const toggle = el.closest('figure')?.querySelector<HTMLInputElement>('input.tl-as-sent');
    if (toggle) toggle.checked = true;
  }
}

/** Highlight a line or a line range; returns its first line, or null when it is not a line anchor. */
export function highlightRange(anchor: string | null): HTMLElement | null {
  document.querySelectorAll('.tl-hl').forEach((e) => e.classList.remove('tl-hl'));
  const m = anchor ? RE_LINE.exec(anchor) : null;
  if (!m) return null;
  const from = Number(m[2]);
  const to = m[3] ? Number(m[3]) : from;
  let first: HTMLElement | null = null;
  for (let n = Math.min(from, to); n <= Math.max(from, to); n++) {
    const line = document.getElementById(`${m[1]}-L${n}`);
    if (!line) continue;
    line.classList.add('tl-hl');
    expandTo(line);
    first ??= line;
  }
  return first;
}

/** The range anchor spanning two line anchors of one message, or null across messages. */
export function rangeFromSelection(a: string, b: string): string | null {
  const ma = RE_LINE.exec(a);
  const mb = RE_LINE.exec(b);
  if (!ma || !mb || ma[1] !== mb[1]) return null;
  const x = Number(ma[2]);
  const y = Number(mb[2]);
  return x === y ? `${ma[1]}-L${x}` : `${ma[1]}-L${Math.min(x, y)}-L${Math.max(x, y)}`;
}

/** The shareable URL: `?hl=` carries a range for servers (no-JS), `#` scrolls to its first line. */
export function rangeUrl(range: string | null): string {
  const url = new URL(location.href);
  url.searchParams.delete('hl');
  const m = range ? RE_LINE.exec(range) : null;
  if (!range || !m) return url.toString();
  if (m[3]) url.searchParams.set('hl', range);
  url.hash = m[3] ? `${m[1]}-L${m[2]}` : range;
  return url.toString();
}
