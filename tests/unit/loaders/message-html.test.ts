import { afterAll, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { closeServerStore, freshServerStore } from '../../support/server-store';

// Count every card render while keeping React's real output.
const renders = vi.hoisted(() => ({ n: 0 }));
vi.mock('react-dom/server', async (importOriginal) => {
  const real = await importOriginal<typeof import('react-dom/server')>();
  return {
    ...real,
    renderToStaticMarkup: (...args: Parameters<typeof real.renderToStaticMarkup>) => {
      renders.n++;
      return real.renderToStaticMarkup(...args);
    },
  };
});

const { importStream } = await import('@/lib/import/import-stream');
const { readSources } = await import('@/lib/import/read-sources');
const { loadThread } = await import('@/lib/loaders/load-thread');
const { renderThreadMessages } = await import('@/components/thread/message-html');
const { threadPageHtml } = await import('@/components/thread/thread-page-html');

const FIXTURE = path.join(import.meta.dirname, '../../fixtures/store/thread.mbox');
const OPEN = { collapseFrom: Infinity, foldFrom: 3 };

afterAll(closeServerStore);

describe('renderThreadMessages', () => {
  it('renders each card once, and again only when what it shows changes', async () => {
    // Render caching is the same on every backend: SQLite, the quickest to set up.
    await importStream(await freshServerStore('sqlite'), 'test', readSources([FIXTURE]));
    const view = (await loadThread('test', 'patch-1@example.org'))!;
    const reply = view.roots[0]!.children[0]!;
    if (reply.missing) throw new Error('reply-1 is in the fixture');
    const anchor = reply.message.anchor;

    const first = renderThreadMessages(view, OPEN);
    expect(renders.n).toBe(3);
    expect(first.get(anchor)).toContain('Good catch.');
    expect(first.get(anchor)).toContain('The frobnicator leaks a page on error.');

    // A later request (a fresh load, same rows): nothing is rendered again.
    const again = renderThreadMessages((await loadThread('test', 'patch-1@example.org'))!, OPEN);
    expect(renders.n).toBe(3);
    expect(again).toEqual(first);

    // The reader folds quotes from depth 1: every card is rendered for that setting.
    const folded = renderThreadMessages(view, { ...OPEN, foldFrom: 1 });
    expect(renders.n).toBe(6);
    expect(folded.get(anchor)).not.toBe(first.get(anchor));
    const quoteTag = (html: string | undefined) => /<details class="tl-quote[^>]*>/.exec(html!)![0];
    expect(quoteTag(first.get(anchor))).toContain('open=""');
    expect(quoteTag(folded.get(anchor))).not.toContain('open=""');

    // A highlighted range re-renders only the message it points into.
    const lit = renderThreadMessages(view, {
      ...OPEN,
      target: { message: anchor, from: 2, to: 2 },
    });
    expect(renders.n).toBe(7);
    expect(lit.get(anchor)).toContain('tl-hl');
    for (const [a, html] of lit) if (a !== anchor) expect(html).toBe(first.get(a));
  });

  it('loads and renders a page once per key, and never keeps a miss', async () => {
    let loads = 0;
    const load = async () => {
      loads++;
      const view = await loadThread('test', 'patch-1@example.org');
      return view && { view, banner: null };
    };
    const first = await threadPageHtml('k1', '?depth=1', load);
    expect(first!.html).toContain('Good catch.');
    expect(first!.title).toBe('[PATCH] mm: fix the frobnicator');
    expect(await threadPageHtml('k1', '?depth=1', load)).toBe(first);
    expect(loads).toBe(1);
    // Another key (a new archive generation, another query) loads again.
    await threadPageHtml('k2', '?depth=1', load);
    expect(loads).toBe(2);
    // Nothing found is answered each time, not remembered.
    const none = async () => {
      loads++;
      return null;
    };
    expect(await threadPageHtml('k3', '', none)).toBeNull();
    expect(await threadPageHtml('k3', '', none)).toBeNull();
    expect(loads).toBe(4);
  });
});
