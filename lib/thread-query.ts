import { parseLineAnchor } from './anchors';

/** How the thread page was asked to render: its query string, read defensively. */
export interface ThreadQuery {
  /** Replies collapse from this depth on (`?depth=2`); Infinity shows all. */
  collapseFrom: number;
  /** Quotes fold from this depth on (`?fold=3`, the default; `all` never folds). */
  foldFrom: number;
  /** `?hl=` as body lines of one message, highlighted server-side. */
  target?: { message: string; from: number; to: number };
  /** Which of several messages reusing the Message-ID (`?dup=1`). */
  dup?: number;
  /** Which page of a huge thread (`?page=2`). */
  page?: number;
}

/** `?depth=2` collapses replies from depth 2 on; `?fold=3` folds quotes from depth 3 on. */
function parseLevel(value: string | null, fallback: number): number {
  if (value === 'all') return Infinity;
  const n = Math.floor(Number(value ?? undefined));
  return Number.isFinite(n) && n >= 1 && n <= 1000 ? n : fallback;
}

/** A small non-negative whole number from the query, else undefined. */
function parseCount(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : undefined;
}

export function parseThreadQuery(sp: URLSearchParams): ThreadQuery {
  const hl = sp.get('hl');
  const anchor = hl !== null ? parseLineAnchor(hl) : null;
  const dup = parseCount(sp.get('dup'));
  const page = parseCount(sp.get('page'));
  return {
    collapseFrom: parseLevel(sp.get('depth'), Infinity),
    foldFrom: parseLevel(sp.get('fold'), 3),
    ...(anchor ? { target: { message: anchor.message, from: anchor.from, to: anchor.to } } : {}),
    ...(dup !== undefined ? { dup } : {}),
    ...(page !== undefined ? { page } : {}),
  };
}

/** The same query on another page of the thread (a highlight belongs to its own page). */
export function threadPageLink(sp: URLSearchParams, page: number): string {
  const q = new URLSearchParams(sp);
  q.set('page', String(page));
  q.delete('hl');
  return `?${q.toString()}`;
}
