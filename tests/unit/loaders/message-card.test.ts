/**
 * What a message card shows (components/thread/message-card.tsx), rendered to HTML the
 * way the thread page renders it: every subject, a badge on a later message reusing a
 * Message-ID, and links to text attachments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import { loadThread } from '@/lib/loaders/load-thread';
import { renderThreadMessages } from '@/components/thread/message-html';
import { BACKENDS } from '../../support/backends';
import { closeServerStore, freshServerStore } from '../../support/server-store';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures');
const OPEN = { collapseFrom: Infinity, foldFrom: 3 };
const LINUS = 'CAHk-=wheEHQxdSJgTkt7y4yFjzhWxMxE-p7dKLtQSBs4ceHLmw@mail.gmail.com';

/** Every card of the thread holding `id` (as the page would load it), by Message-ID and dup. */
async function cards(list: string, id: string, dup = 0): Promise<Map<string, string>> {
  const view = (await loadThread(list, id, { dup }))!;
  const html = renderThreadMessages(view, OPEN);
  const out = new Map<string, string>();
  for (const card of html.values()) {
    const m = /data-message-id="([^"]*)"/.exec(card)!;
    const d = /id="m-[0-9a-f]{10}-d(\d+)"/.exec(card)?.[1] ?? '0';
    out.set(`${m[1]}#${d}`, card);
  }
  return out;
}

/** The text of the card's subject line, and whether it is muted. */
function subject(card: string): { text: string; muted: boolean } {
  const m = /<div class="tl-subject ([^"]*)">([^<]*)<\/div>/.exec(card)!;
  return { text: m[2]!, muted: m[1]!.includes('text-muted') };
}

afterAll(closeServerStore);

describe.each(BACKENDS)('MessageCard (%s)', (backend) => {
  beforeAll(async () => {
    const db = await freshServerStore(backend);
    const store = path.join(FIXTURES, 'store');
    await importStream(db, 'test', readSources([path.join(store, 'thread.mbox')]));
    await importStream(db, 'test', readSources([path.join(store, 'same-id-other-content.eml')]));
    await importStream(db, 'attachments', readSources([path.join(FIXTURES, 'e2e/attachments')]));
  });

  it('shows every subject, muted where it only repeats the parent', async () => {
    const thread = await cards('test', 'patch-1@example.org');
    expect(subject(thread.get('patch-1@example.org#0')!)).toEqual({
      text: '[PATCH] mm: fix the frobnicator',
      muted: false,
    });
    for (const reply of ['reply-1@example.org#0', 'reply-2@example.org#0']) {
      expect(subject(thread.get(reply)!)).toEqual({
        text: 'Re: [PATCH] mm: fix the frobnicator',
        muted: true,
      });
    }
  });

  it('marks a later message that reuses a Message-ID, and only that one', async () => {
    const thread = await cards('test', 'reply-1@example.org', 1);
    const badge = /<span class="tl-dup[^"]*"[^>]*>([^<]*)<\/span>/;
    expect(badge.exec(thread.get('reply-1@example.org#1')!)?.[1]).toBe(
      'copy 2 of this Message-ID, different content',
    );
    expect(thread.get('reply-1@example.org#0')).not.toMatch(badge);
    expect(thread.get('patch-1@example.org#0')).not.toMatch(badge);
  });

  it('links a text attachment’s name to the attachment served as text', async () => {
    const card = (await cards('attachments', LINUS)).get(`${LINUS}#0`)!;
    expect(card).toContain(
      `attachment: <a href="/attachments/${encodeURIComponent(LINUS)}/attachment/1" ` +
        `class="tl-attachment">patch.diff</a> (text/x-patch, 1239 bytes)`,
    );
  });
});
