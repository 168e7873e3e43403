import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '@/lib/store/sqlite-store';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import { storeGeneration } from '@/lib/store/store-generation';
import { hideMessage } from '@/lib/store/import-state';

const fixture = (name: string) => path.join(import.meta.dirname, '../../fixtures/store', name);

// SQLite's generation is its data_version pragma plus this connection's own changes.
describe('storeGeneration', () => {
  it('moves when this or another connection changes the archive, and only then', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tl-gen-')), 'db.sqlite');
    const server = SqliteStore.open(file).db;
    const first = storeGeneration(server);
    expect(storeGeneration(server)).toBe(first);

    // An import process (another connection) adds mail.
    const importerStore = SqliteStore.open(file);
    const importer = importerStore.db;
    await importStream(importerStore, 'test', readSources([fixture('thread.mbox')]));
    const afterImport = storeGeneration(server);
    expect(afterImport).not.toBe(first);
    expect(storeGeneration(server)).toBe(afterImport);

    // A later lore epoch deletes a message: no new row, still a new generation.
    const row = importer.prepare('SELECT list_id, content_hash FROM messages LIMIT 1').get() as {
      list_id: number;
      content_hash: string;
    };
    expect(hideMessage(importer, row.list_id, row.content_hash)).toBe(1);
    expect(storeGeneration(server)).not.toBe(afterImport);

    // The server's own connection adds mail (an upload)...
    const beforeUpload = storeGeneration(server);
    await importStream(
      new SqliteStore(server, file),
      'uploads',
      readSources([fixture('thread.mbox')]),
    );
    const afterUpload = storeGeneration(server);
    expect(afterUpload).not.toBe(beforeUpload);
    // ...or changes a row without adding one (rethreading in its own transaction).
    server.prepare('UPDATE messages SET thread_id = thread_id WHERE id = 1').run();
    expect(storeGeneration(server)).not.toBe(afterUpload);
  });
});
