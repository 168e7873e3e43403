/**
 * Deep reply trees on the thread page. React's server renderer recurses once per nested
 * element and, past ~100 reply levels, overflowed and silently dropped the rest of the
 * subtree: a message under 256 ghost parents (a 10,000-id References header) rendered no
 * article at all, and a 1,000-message reply chain showed 80 of the 500 on its page. The
 * page now nests MAX_RENDERED_NESTING levels and shows deeper replies flat, in order.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REFERENCES, MAX_RENDERED_NESTING, MAX_THREAD_PAGE_MESSAGES } from '@/lib/limits';
import { lineAnchor, messageAnchor } from '@/lib/anchors';
import type { Store } from '@/lib/store/store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-deep-page-'));
const { BACKENDS } = await import('../../support/backends');
const { freshServerStore, closeServerStore } = await import('../../support/server-store');
const { importStream } = await import('@/lib/import/import-stream');
const { readSources } = await import('@/lib/import/read-sources');
const { loadThread } = await import('@/lib/loaders/load-thread');
const { threadPageHtml } = await import('@/components/thread/thread-page-html');

const HOSTILE = path.join(import.meta.dirname, '../../fixtures/hostile');
const LIST = 'deep';
const CHAIN = 1000;
const chainId = (i: number) => `c${i}@chain`;

/** The thread page of `id` for this query, freshly rendered (a unique cache key each call). */
let renders = 0;
async function pageHtml(id: string, search = ''): Promise<string> {
  const page = await threadPageHtml(`deep-${renders++}`, search, async () => {
    const q = new URLSearchParams(search);
    const view = await loadThread(LIST, id, q.has('page') ? { page: Number(q.get('page')) } : {});
    return view && { view, banner: null };
  });
  return page!.html;
}

/** Message-IDs of the articles on a page, in document order. */
const articles = (html: string) =>
  [...html.matchAll(/<article\b[^>]*\bdata-message-id="([^"]*)"/g)].map((m) => m[1]!);

/** The deepest nesting of thread nodes (`tl-node` elements) in the page. */
function nodeNesting(html: string): number {
  // Node elements open as <details class="tl-node…"> or <div class="tl-node…">; track
  // every <details>/<div> so each closing tag pops the element it closes.
  const stack: boolean[] = [];
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)(details|div)\b([^>]*)>/g)) {
    if (m[1]) {
      stack.pop();
      continue;
    }
    stack.push(/\bclass="tl-node\b/.test(m[3]!));
    deepest = Math.max(deepest, stack.filter(Boolean).length);
  }
  return deepest;
}

/** The opening tag of the node element of the message with this anchor. */
const nodeTag = (html: string, anchor: string) =>
  new RegExp(`<details\\b[^>]*data-anchor="${anchor}"[^>]*>`).exec(html)?.[0] ?? '';

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

afterAll(closeServerStore);

describe.each(BACKENDS)('hostile thread pages (%s)', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshServerStore(backend);
    const summary = await importStream(
      store,
      LIST,
      readSources([
        path.join(HOSTILE, 'many-references.eml'),
        path.join(HOSTILE, 'reply-chain-1000.mbox'),
      ]),
    );
    expect(summary).toEqual({ imported: CHAIN + 1, duplicates: 0, rejected: [] });
  }, 120_000);

  describe('a thread page deeper than the nesting limit', () => {
    it('shows a message under 256 missing parents, its ghosts flat below the limit', async () => {
      const html = await pageHtml('many-references@hostile.example');
      expect(articles(html)).toEqual(['many-references@hostile.example']);
      // Every ghost is listed, the nested ones and the flat ones alike.
      expect(html.match(/\[message not in this archive: /g)).toHaveLength(MAX_REFERENCES);
      expect(html).toContain('[message not in this archive: &lt;r9744@h&gt;]');
      expect(html).toContain('[message not in this archive: &lt;r9999@h&gt;]');
      expect(nodeNesting(html)).toBe(MAX_RENDERED_NESTING + 1);
      // The message itself sits below the limit: flat, labelled with its real depth.
      const tag = nodeTag(html, messageAnchor('many-references@hostile.example'));
      expect(tag).toContain('class="tl-node tl-flat"');
      expect(tag).toContain(`data-depth="${MAX_REFERENCES}"`);
      expect(html).toContain(`depth ${MAX_REFERENCES}</span>`);
    });

    it('shows every message of a 1,000-message reply chain on its page, in order', async () => {
      const pages = [await pageHtml(chainId(0)), await pageHtml(chainId(CHAIN - 1))];
      const perPage = MAX_THREAD_PAGE_MESSAGES;
      expect(pages[0]).toContain(`Page 1 of 2 (${CHAIN} messages)`);
      expect(pages[1]).toContain(`Page 2 of 2 (${CHAIN} messages)`);
      const ids = Array.from({ length: CHAIN }, (_, i) => chainId(i));
      expect(articles(pages[0]!)).toEqual(ids.slice(0, perPage));
      expect(articles(pages[1]!)).toEqual(ids.slice(perPage));
      for (const html of pages) {
        expect(nodeNesting(html)).toBe(MAX_RENDERED_NESTING + 1);
        expect(html.match(/class="tl-node tl-flat"/g)).toHaveLength(perPage - MAX_RENDERED_NESTING);
      }
      // Page 2 starts at depth 500: its first node is a root of the page, nested as usual,
      // and the last message carries its real depth.
      expect(nodeTag(pages[1]!, messageAnchor(chainId(perPage)))).toMatch(
        /class="tl-node ?" open="" data-depth="500"/,
      );
      expect(nodeTag(pages[1]!, messageAnchor(chainId(CHAIN - 1)))).toContain('data-depth="999"');
      // `?page=` reaches the same pages.
      expect(articles(await pageHtml(chainId(0), '?page=2'))).toEqual(ids.slice(perPage));
    });

    it('keeps collapse and ?hl= working for flat replies', async () => {
      const deep = chainId(400);
      const anchor = messageAnchor(deep);
      const hl = lineAnchor(anchor, 1);
      const html = await pageHtml(deep, `?depth=2&hl=${hl}`);
      expect(articles(html)).toHaveLength(MAX_THREAD_PAGE_MESSAGES);
      // The highlighted message and its ancestors render open; a reply past it stays collapsed.
      expect(nodeTag(html, anchor)).toContain('open=""');
      expect(nodeTag(html, messageAnchor(chainId(399)))).toContain('open=""');
      expect(nodeTag(html, messageAnchor(chainId(3)))).toContain('open=""');
      expect(nodeTag(html, messageAnchor(chainId(401)))).not.toContain('open=""');
      expect(nodeTag(html, messageAnchor(chainId(10)))).toBe(
        `<details class="tl-node " open="" data-depth="10" data-anchor="${messageAnchor(chainId(10))}">`,
      );
      expect(html).toContain(`id="${hl}"`);
    });
  });

  describe('a message too long to show whole', () => {
    it('shows its first lines and links to the rest, in bounded HTML', async () => {
      const { MAX_RENDERED_BODY_LINES } = await import('@/lib/limits');
      const total = MAX_RENDERED_BODY_LINES + 5000;
      const body = Array.from({ length: total }, (_, i) => `line ${i + 1}`).join('\n');
      const mail = [
        'From l@example.org Mon Jan  1 00:00:00 2024',
        'From: L <l@example.org>',
        'Date: Mon, 1 Jan 2024 00:00:00 +0000',
        'Subject: long',
        'Message-ID: <long@example.org>',
        '',
        body,
        '',
      ].join('\n');
      const file = path.join(dir, 'long.mbox');
      fs.writeFileSync(file, mail);
      await importStream(store, LIST, readSources([file]));
      const html = await pageHtml('long@example.org');
      expect(html).toContain(`lines 1–${MAX_RENDERED_BODY_LINES} of ${total} are shown`);
      expect(html).toContain(`>line ${MAX_RENDERED_BODY_LINES}<`);
      expect(html).not.toContain(`>line ${MAX_RENDERED_BODY_LINES + 1}<`);
      expect(html).toContain('The whole message (raw)');
    }, 120_000);
  });
});
