/**
 * Pages of a huge thread. Anyone can post 10,000 replies to one thread; rendering them
 * all on one page would take the server's time and the reader's browser down, so a thread
 * page shows at most MAX_THREAD_PAGE_MESSAGES messages and links to the other pages.
 * Pure: in goes the thread in display order (flattenThread), out comes one page of it.
 */
import { MAX_THREAD_PAGE_MESSAGES } from '../limits';
import type { FlatNode } from '../thread/format-tree';
import type { ThreadInput } from '../types';

/** One page of a flattened thread. */
export interface ThreadPage<M extends ThreadInput> {
  /** The nodes shown, in display order: `flat.slice(start, end)`. */
  nodes: FlatNode<M>[];
  /** Index in the full list of the first node shown, and one past the last. */
  start: number;
  end: number;
  /** 1-based page number, and the number of pages (at least 1). */
  page: number;
  pages: number;
}

export interface PaginateOptions {
  /** Messages per page; defaults to MAX_THREAD_PAGE_MESSAGES. */
  perPage?: number;
  /** Page asked for (`?page=3`); out-of-range or absent means the focused message's page. */
  page?: number;
}

/**
 * Cut the thread into pages of at most `perPage` messages and return the page asked for,
 * else the one holding the first node that `isFocus` accepts, else the first. Placeholders
 * for missing messages count for nothing and stay on the page of the message after them,
 * so a page never ends on a ghost whose replies are on the next page.
 */
export function paginateThread<M extends ThreadInput>(
  flat: readonly FlatNode<M>[],
  isFocus: (node: FlatNode<M>) => boolean,
  options: PaginateOptions = {},
): ThreadPage<M> {
  const perPage = Math.max(1, Math.floor(options.perPage ?? MAX_THREAD_PAGE_MESSAGES));
  // starts[p] = index of the first node of page p + 1.
  const starts = [0];
  let onPage = 0;
  let focusPage = 1;
  let focusFound = false;
  for (let i = 0; i < flat.length; i++) {
    const node = flat[i]!;
    if (!node.node.missing) {
      if (onPage === perPage) {
        starts.push(firstOfRun(flat, i, starts.at(-1)!));
        onPage = 0;
      }
      onPage++;
    }
    if (!focusFound && isFocus(node)) {
      focusFound = true;
      focusPage = starts.length;
    }
  }
  const pages = starts.length;
  const asked = options.page;
  const page =
    asked !== undefined && Number.isInteger(asked) && asked >= 1 && asked <= pages
      ? asked
      : focusPage;
  const start = starts[page - 1]!;
  const end = page < pages ? starts[page]! : flat.length;
  return { nodes: flat.slice(start, end), start, end, page, pages };
}

/** Start of the run of placeholders directly before message `i` (not before `floor`). */
function firstOfRun<M extends ThreadInput>(
  flat: readonly FlatNode<M>[],
  i: number,
  floor: number,
): number {
  let s = i;
  while (s - 1 > floor && flat[s - 1]!.node.missing) s--;
  return s;
}
