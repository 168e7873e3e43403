/**
 * The sample archive on first start: imported into an empty database, never over one
 * that holds messages, and only in the Node.js server unless THREADLIGHT_NO_SAMPLE=1.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RawMessage } from '@/lib/types';
import { SqliteStore } from '@/lib/store/sqlite-store';
import { BACKENDS, openFreshStore } from '../../support/backends';
import { importStream } from '@/lib/import/import-stream';
import { importSamplesIfEmpty } from '@/lib/import/import-samples';
import { register } from '@/instrumentation';

const STORE = path.join(import.meta.dirname, '../../fixtures/store');
const tempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/** A sample archive of one list, `demo`, holding the store fixture's 3-message thread. */
function sampleArchive(): string {
  const dir = tempDir('tl-samples-');
  fs.mkdirSync(path.join(dir, 'demo'));
  fs.copyFileSync(path.join(STORE, 'thread.mbox'), path.join(dir, 'demo', 'thread.mbox'));
  fs.writeFileSync(path.join(dir, 'README.md'), 'not a list: files beside the folders are skipped');
  return dir;
}

async function* one(raw: string): AsyncGenerator<RawMessage> {
  yield { source: 'x.eml', position: 'message 1', raw: Buffer.from(raw), format: 'rfc822' };
}

describe.each(BACKENDS)('importSamplesIfEmpty (%s)', (backend) => {
  it('imports every folder as a list into an empty database, then never again', async () => {
    const db = await openFreshStore(backend);
    const done = await importSamplesIfEmpty(db, sampleArchive());
    expect(done).toEqual([{ list: 'demo', summary: { imported: 3, duplicates: 0, rejected: [] } }]);
    expect(await importSamplesIfEmpty(db, sampleArchive())).toBeNull();
    expect((await db.getLists()).map((l) => [l.name, l.messages])).toEqual([['demo', 3]]);
    await db.close();
  });

  it('leaves a database that holds any message alone', async () => {
    const db = await openFreshStore(backend);
    await importStream(db, 'mine', one('Message-ID: <mine@x>\nSubject: mine\n\nmy own\n'));
    expect(await importSamplesIfEmpty(db, sampleArchive())).toBeNull();
    expect((await db.getLists()).map((l) => l.name)).toEqual(['mine']);
    await db.close();
  });
});

describe('instrumentation register()', () => {
  afterEach(() => vi.unstubAllEnvs());

  /** The lists in the database register() used, after it ran with `env` (a SQLite file, to see whether register() created it). */
  async function listsAfterRegister(env: Record<string, string>): Promise<string[]> {
    const file = path.join(tempDir('tl-register-'), 'db');
    vi.stubEnv('THREADLIGHT_DB', file);
    vi.stubEnv('THREADLIGHT_NO_SAMPLE', '');
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
    await register();
    if (!fs.existsSync(file)) return [];
    const store = SqliteStore.open(file);
    const names = (await store.getLists()).map((l) => l.name);
    await store.close();
    return names;
  }

  it('imports the bundled sample archive when a Node.js server starts on an empty database', async () => {
    expect(await listsAfterRegister({ NEXT_RUNTIME: 'nodejs' })).toEqual([
      'b4',
      'linux-sparse',
      'lkml',
    ]);
  });

  it('does nothing in the edge runtime or with THREADLIGHT_NO_SAMPLE=1', async () => {
    expect(await listsAfterRegister({ NEXT_RUNTIME: 'edge' })).toEqual([]);
    expect(
      await listsAfterRegister({ NEXT_RUNTIME: 'nodejs', THREADLIGHT_NO_SAMPLE: '1' }),
    ).toEqual([]);
  });
});
