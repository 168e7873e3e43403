/**
 * A Message-ID with a quoted space, `<"john smith"@hostile.example>`, was stored as
 * `"johnsmith"@…`: the real id 404ed, and it collided with a genuine `"johnsmith"` id.
 * Both are stored apart now, and the ids decoded from URLs (thread pages, `/r/`) are
 * normalised like the header, so the id a reader copies finds its message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStream } from '@/lib/import/import-stream';
import { readBuffer } from '@/lib/import/read-sources';
import { loadRaw } from '@/lib/loaders/load-raw';
import { findMessage } from '@/lib/loaders/find-message';
import { pathMessage } from '@/lib/route-path-header';
import type { Store } from '@/lib/store/store';
import { BACKENDS } from '../../support/backends';
import { closeServerStore, freshServerStore } from '../../support/server-store';

const LIST = 'ids';
const SPACED = '"john smith"@hostile.example';
const PLAIN = '"johnsmith"@hostile.example';

const message = (id: string, body: string) =>
  `From x@y Mon Jan  1 00:00:00 2024\nFrom: A <a@hostile.example>\n` +
  `Date: Mon, 01 Jan 2024 00:00:00 +0000\nSubject: ${body}\nMessage-ID: <${id}>\n\n${body}\n\n`;

afterAll(closeServerStore);

describe.each(BACKENDS)('a Message-ID with a quoted space (%s)', (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshServerStore(backend);
    const mbox = message(SPACED, 'spaced') + message(PLAIN, 'plain');
    const summary = await importStream(store, LIST, readBuffer(Buffer.from(mbox), 'ids.mbox'));
    expect(summary).toEqual({ imported: 2, duplicates: 0, rejected: [] });
  });

  it('is stored as written, apart from the same id without the space', async () => {
    expect(await store.countMessages()).toBe(2);
    for (const id of [SPACED, PLAIN]) {
      expect((await store.getMessage(LIST, id, 0))?.messageId).toBe(id);
      expect(await store.getMessage(LIST, id, 1)).toBeNull();
    }
  });

  it('is found from its URL, however the space is written', async () => {
    for (const url of [
      `/${LIST}/${encodeURIComponent(SPACED)}/raw`,
      `/${LIST}/%22john%20%20smith%22%40hostile.example/raw`,
      `/${LIST}/%3C%22john%09smith%22%40hostile.example%3E/raw`,
    ]) {
      const ids = pathMessage(url)!;
      expect(ids.messageId, url).toBe(SPACED);
      expect((await loadRaw(ids.list, ids.messageId, 0))!.toString(), url).toContain(
        '\n\nspaced\n',
      );
    }
    const plain = pathMessage(`/${LIST}/${encodeURIComponent(PLAIN)}/raw`)!;
    expect((await loadRaw(plain.list, plain.messageId, 0))!.toString()).toContain('\n\nplain\n');
  });

  it('is found by /r/ with the id as written in mail', async () => {
    expect(await findMessage(SPACED)).toEqual({ list: LIST, messageId: SPACED });
    expect(await findMessage('<"john  smith"@hostile.example>')).toEqual({
      list: LIST,
      messageId: SPACED,
    });
    expect(await findMessage(PLAIN)).toEqual({ list: LIST, messageId: PLAIN });
    expect(await findMessage('"john smyth"@hostile.example')).toBeNull();
    expect(await findMessage('<>')).toBeNull();
  });
});
