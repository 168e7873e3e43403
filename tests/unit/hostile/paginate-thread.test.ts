import { describe, expect, it } from 'vitest';
import { MAX_THREAD_PAGE_MESSAGES } from '../../../lib/limits';
import { paginateThread } from '../../../lib/loaders/paginate-thread';
import { buildThreads } from '../../../lib/thread/build-threads';
import { flattenThread, type FlatNode } from '../../../lib/thread/format-tree';
import type { ThreadInput } from '../../../lib/types';

/** `n` replies, each to the one before, plus replies to a missing parent at `ghostAt`. */
function chain(n: number, ghostAt = -1): FlatNode<ThreadInput>[] {
  const messages: ThreadInput[] = Array.from({ length: n }, (_, i) => ({
    key: `k${i}`,
    messageId: `m${i}@x`,
    inReplyTo: i === 0 ? null : i === ghostAt ? 'ghost@x' : `m${i - 1}@x`,
    references: i === 0 ? [] : i === ghostAt ? [`m${i - 1}@x`, 'ghost@x'] : [`m${i - 1}@x`],
    subject: 'Re: flood',
    date: new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
  }));
  return flattenThread(buildThreads(messages));
}

const keys = (nodes: FlatNode<ThreadInput>[]) =>
  nodes.map((n) => (n.node.missing ? `ghost:${n.node.messageId}` : n.node.message.key));
const isKey = (key: string) => (n: FlatNode<ThreadInput>) =>
  !n.node.missing && n.node.message.key === key;

describe('paginateThread', () => {
  it('shows the page holding the focused message, MAX_THREAD_PAGE_MESSAGES at a time', () => {
    const flat = chain(2 * MAX_THREAD_PAGE_MESSAGES + 1);
    const p = paginateThread(flat, isKey(`k${MAX_THREAD_PAGE_MESSAGES + 7}`));
    expect([p.page, p.pages, p.start, p.end]).toEqual([
      2,
      3,
      MAX_THREAD_PAGE_MESSAGES,
      2 * MAX_THREAD_PAGE_MESSAGES,
    ]);
    expect(p.nodes).toHaveLength(MAX_THREAD_PAGE_MESSAGES);
    expect(keys(p.nodes)).toContain(`k${MAX_THREAD_PAGE_MESSAGES + 7}`);
    const last = paginateThread(flat, isKey(`k${2 * MAX_THREAD_PAGE_MESSAGES}`));
    expect(keys(last.nodes)).toEqual([`k${2 * MAX_THREAD_PAGE_MESSAGES}`]);
  });

  it('pages cover the thread exactly once, in order', () => {
    const flat = chain(23, 10);
    const all: string[] = [];
    const first = paginateThread(flat, () => false, { perPage: 5 });
    for (let page = 1; page <= first.pages; page++) {
      const p = paginateThread(flat, () => false, { perPage: 5, page });
      expect(p.page).toBe(page);
      expect(p.nodes.filter((n) => !n.node.missing).length).toBeLessThanOrEqual(5);
      all.push(...keys(p.nodes));
    }
    expect(first.pages).toBe(5);
    expect(all).toEqual(keys(flat));
  });

  it('keeps a missing parent on the page of its first reply', () => {
    // k0..k9 chain; k10 replies to a ghost (itself a reply to k9): the ghost is node 10.
    const flat = chain(12, 10);
    expect(keys(flat).slice(9, 12)).toEqual(['k9', 'ghost:ghost@x', 'k10']);
    const p = paginateThread(flat, isKey('k10'), { perPage: 10 });
    expect(keys(p.nodes)).toEqual(['ghost:ghost@x', 'k10', 'k11']);
    expect(keys(paginateThread(flat, isKey('k0'), { perPage: 10 }).nodes)).toHaveLength(10);
  });

  it('falls back to the focus page for a page out of range, and to page 1 without focus', () => {
    const flat = chain(12);
    expect(paginateThread(flat, isKey('k11'), { perPage: 5, page: 99 }).page).toBe(3);
    expect(paginateThread(flat, isKey('k11'), { perPage: 5, page: 0 }).page).toBe(3);
    expect(paginateThread(flat, isKey('k11'), { perPage: 5, page: 1.5 }).page).toBe(3);
    expect(paginateThread(flat, () => false, { perPage: 5 }).page).toBe(1);
    expect(paginateThread([], () => false)).toEqual({
      nodes: [],
      start: 0,
      end: 0,
      page: 1,
      pages: 1,
    });
  });
});
