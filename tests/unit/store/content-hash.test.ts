import { describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RawMessage } from '@/lib/types';
import { contentHash } from '@/lib/store/content-hash';
import { MIGRATIONS } from '@/lib/store/migrations';
import { SqliteStore } from '@/lib/store/sqlite-store';
import { importStream } from '@/lib/import/import-stream';
import { BACKENDS, openFreshStore } from '../../support/backends';

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const tempDb = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-hash-')), 'db.sqlite');

const LF = Buffer.from(
  'From: A <a@example.org>\nSubject: crlf\nMessage-ID: <crlf@example.org>\n\nline one\nline two\n',
);
const CRLF = Buffer.from(LF.toString('latin1').replace(/\n/g, '\r\n'), 'latin1');

async function* raws(...bufs: Buffer[]): AsyncGenerator<RawMessage> {
  for (const [i, raw] of bufs.entries()) {
    yield { source: `m${i}.eml`, position: 'message 1', raw, format: 'rfc822' };
  }
}

describe('contentHash', () => {
  it('reads CRLF as LF and nothing else', () => {
    expect(contentHash(CRLF)).toBe(contentHash(LF));
    expect(contentHash(LF)).toBe(sha256(LF));
    expect(contentHash(Buffer.from('a\r\r\nb\r\n'))).toBe(sha256(Buffer.from('a\r\nb\n')));
    // A lone CR is content, not a line ending.
    expect(contentHash(Buffer.from('a\rb'))).not.toBe(contentHash(Buffer.from('a\nb')));
    expect(contentHash(Buffer.alloc(0))).toBe(sha256(Buffer.alloc(0)));
  });
});

describe.each(BACKENDS)('duplicates across line endings (%s)', (backend) => {
  it('takes a CRLF copy of a stored LF message (and the reverse) as a duplicate', async () => {
    for (const [first, second] of [
      [LF, CRLF],
      [CRLF, LF],
    ] as const) {
      const store = await openFreshStore(backend);
      expect(await importStream(store, 'test', raws(first, second))).toEqual({
        imported: 1,
        duplicates: 1,
        rejected: [],
      });
      expect(await store.getMessage('test', 'crlf@example.org', 1)).toBeNull();
      await store.close();
    }
  });
});

describe('migration 5: rehash rows stored with CRLF', () => {
  it('rehashes CRLF rows of an old database, and leaves a row whose hash is taken', async () => {
    // A database as Threadlight left it before this migration, hashes of the raw bytes.
    const file = tempDb();
    const old = new Database(file);
    for (const sql of MIGRATIONS.slice(0, 4)) old.exec(sql);
    old.pragma('user_version = 4');
    old.prepare("INSERT INTO lists (id, name) VALUES (1, 'test')").run();
    const insert = old.prepare(
      `INSERT INTO messages (list_id, message_id, content_hash, dup_index, subject,
         base_subject, from_name, from_addr, to_json, cc_json, refs_json, body,
         attachments_json, warnings_json, segments_json, segments_version, raw, format,
         source, position, imported_at)
       VALUES (1, ?, ?, ?, 's', 's', 'A', 'a@example.org', '[]', '[]', '[]', '', '[]', '[]',
         '[]', 0, ?, 'rfc822', 'x', 'message 1', '2024-01-01T00:00:00Z')`,
    );
    const other = Buffer.from('Message-ID: <other@example.org>\r\n\r\nonly CRLF\r\n');
    insert.run('crlf@example.org', sha256(LF), 0, LF);
    insert.run('crlf@example.org', sha256(CRLF), 1, CRLF); // the copy stored again
    insert.run('other@example.org', sha256(other), 0, other);
    old.close();

    const store = SqliteStore.open(file);
    const db = store.db;
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const hashes = db
      .prepare('SELECT message_id, dup_index, content_hash FROM messages ORDER BY id')
      .all();
    expect(hashes).toEqual([
      { message_id: 'crlf@example.org', dup_index: 0, content_hash: sha256(LF) },
      // Its new hash is the LF original's: it keeps the old one (both were stored).
      { message_id: 'crlf@example.org', dup_index: 1, content_hash: sha256(CRLF) },
      { message_id: 'other@example.org', dup_index: 0, content_hash: contentHash(other) },
    ]);
    // The rehashed message's LF copy is now found as a duplicate.
    const lfOther = Buffer.from(other.toString('latin1').replace(/\r\n/g, '\n'), 'latin1');
    const s = await importStream(store, 'test', raws(lfOther, LF));
    expect(s).toMatchObject({ imported: 0, duplicates: 2 });
    await store.close();
  });
});
