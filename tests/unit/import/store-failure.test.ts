import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Make the store refuse one message, as a store limit or a corrupt row would.
vi.mock('@/lib/store/save-messages', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/store/save-messages')>();
  return {
    ...real,
    saveMessages: (...args: Parameters<typeof real.saveMessages>) => {
      if (args[2].some((m) => m.message.messageId === 'poison@example.org')) {
        throw new Error('row too big');
      }
      return real.saveMessages(...args);
    },
  };
});

const { openDb } = await import('@/lib/store/open-db');
const { importStream } = await import('@/lib/import/import-stream');
const { readBuffer } = await import('@/lib/import/read-sources');
const { getLists } = await import('@/lib/store/read-archive');

const msg = (id: string) =>
  `From x@example.org Mon Jan  1 00:00:00 2024\nFrom: A <a@example.org>\nSubject: s\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nMessage-ID: <${id}>\n\nbody\n\n`;

describe('importStream when the store throws', () => {
  it('rejects only the message at fault, with the reason, and keeps its batch neighbours', async () => {
    const db = openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-sf-')), 'db.sqlite'));
    const mbox = Buffer.from(
      msg('a@example.org') + msg('poison@example.org') + msg('b@example.org'),
    );
    const s = await importStream(db, 'test', readBuffer(mbox, 'mixed.mbox'));
    expect(s.imported).toBe(2);
    expect(s.rejected).toEqual([
      {
        source: 'mixed.mbox',
        position: expect.stringMatching(/^message 2/),
        reason: 'could not be stored: row too big',
      },
    ]);
    expect(getLists(db)[0]!.messages).toBe(2);
  });
});
