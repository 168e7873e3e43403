/**
 * A Message-ID with a quoted space, `<"john smith"@hostile.example>`, was stored as
 * `"johnsmith"@…`: the real id 404ed, and it collided with a genuine `"johnsmith"` id.
 * Both are stored apart now, and the ids decoded from URLs (thread pages, `/r/`) are
 * normalised like the header, so the id a reader copies finds its message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-msgid-'));
process.env.THREADLIGHT_DB = path.join(dir, 'db.sqlite');
const { getDb } = await import('@/lib/store/server-db');
const { importStream } = await import('@/lib/import/import-stream');
const { readBuffer } = await import('@/lib/import/read-sources');
const { loadRaw } = await import('@/lib/loaders/load-raw');
const { findMessage } = await import('@/lib/loaders/find-message');
const { pathMessage } = await import('@/lib/route-path-header');

const LIST = 'ids';
const SPACED = '"john smith"@hostile.example';
const PLAIN = '"johnsmith"@hostile.example';

const message = (id: string, body: string) =>
  `From x@y Mon Jan  1 00:00:00 2024\nFrom: A <a@hostile.example>\n` +
  `Date: Mon, 01 Jan 2024 00:00:00 +0000\nSubject: ${body}\nMessage-ID: <${id}>\n\n${body}\n\n`;

beforeAll(async () => {
  const mbox = message(SPACED, 'spaced') + message(PLAIN, 'plain');
  const summary = await importStream(getDb(), LIST, readBuffer(Buffer.from(mbox), 'ids.mbox'));
  expect(summary).toEqual({ imported: 2, duplicates: 0, rejected: [] });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a Message-ID with a quoted space', () => {
  it('is stored as written, apart from the same id without the space', () => {
    const rows = getDb()
      .prepare('SELECT message_id, dup_index FROM messages ORDER BY id')
      .raw()
      .all();
    expect(rows).toEqual([
      [SPACED, 0],
      [PLAIN, 0],
    ]);
  });

  it('is found from its URL, however the space is written', () => {
    for (const url of [
      `/${LIST}/${encodeURIComponent(SPACED)}/raw`,
      `/${LIST}/%22john%20%20smith%22%40hostile.example/raw`,
      `/${LIST}/%3C%22john%09smith%22%40hostile.example%3E/raw`,
    ]) {
      const ids = pathMessage(url)!;
      expect(ids.messageId, url).toBe(SPACED);
      expect(loadRaw(ids.list, ids.messageId, 0)!.toString(), url).toContain('\n\nspaced\n');
    }
    const plain = pathMessage(`/${LIST}/${encodeURIComponent(PLAIN)}/raw`)!;
    expect(loadRaw(plain.list, plain.messageId, 0)!.toString()).toContain('\n\nplain\n');
  });

  it('is found by /r/ with the id as written in mail', () => {
    expect(findMessage(SPACED)).toEqual({ list: LIST, messageId: SPACED });
    expect(findMessage('<"john  smith"@hostile.example>')).toEqual({
      list: LIST,
      messageId: SPACED,
    });
    expect(findMessage(PLAIN)).toEqual({ list: LIST, messageId: PLAIN });
    expect(findMessage('"john smyth"@hostile.example')).toBeNull();
    expect(findMessage('<>')).toBeNull();
  });
});
