/**
 * PostgreSQL serves several processes at once: app servers and import workers opening,
 * migrating and importing together. Each store here is its own pool, as another process
 * would be.
 */
import { afterEach, describe, expect, it } from 'vitest';
import path from 'node:path';
import pg from 'pg';
import { importStream } from '@/lib/import/import-stream';
import { prepareMessage } from '@/lib/import/prepare-message';
import { readSources } from '@/lib/import/read-sources';
import { ThreadlightError } from '@/lib/errors';
import { PG_MIGRATIONS } from '@/lib/store/pg/migrations';
import { PgStore } from '@/lib/store/pg/pg-store';
import type { MessageToSave, Store } from '@/lib/store/store';
import { freshPgUrl, openFreshStore, testPgUrl } from '@/tests/support/backends';

const root = path.resolve(import.meta.dirname, '../../..');
const SPARSE = [path.join(root, 'samples', 'linux-sparse')];
const SERIES = [path.join(root, 'tests', 'fixtures', 'series')];

const opened: Store[] = [];
const clients: pg.Client[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await Promise.all(clients.splice(0).map((c) => c.end()));
});
async function open(url: string): Promise<PgStore> {
  const s = await PgStore.open(url);
  opened.push(s);
  return s;
}
async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  clients.push(c);
  return c;
}
const load = (s: Store, list: string, files: string[]) => importStream(s, list, readSources(files));

/** A list's messages as (Message-ID, duplicate index) pairs, and its threads: numbering-free. */
async function contents(s: Store, list: string) {
  const listId = (await s.getListId(list))!;
  const rows = await s.getListExportChunk(listId, 0, 100_000);
  const ids = await Promise.all(
    rows.map(async (r) => {
      const m = (await s.getThreadMessages(list, r.messageId))!;
      return `${r.messageId} ${m.focus.dupIndex}`;
    }),
  );
  return { ids: ids.sort(), threads: (await s.getListThreads(list, 1, 10_000))!.threads };
}

async function prepared(files: string[]): Promise<MessageToSave[]> {
  const out: MessageToSave[] = [];
  for await (const item of readSources(files)) {
    if ('problem' in item) continue;
    const p = await prepareMessage(item);
    if (!('reason' in p)) out.push(p);
  }
  return out;
}

describe('PostgreSQL store, concurrently', () => {
  it('migrates once when several processes open a new schema together', async () => {
    const url = await freshPgUrl();
    await Promise.all([open(url), open(url), open(url), open(url)]);
    const c = await client(url);
    const { rows } = await c.query('SELECT version FROM threadlight_schema');
    expect(rows).toEqual([{ version: PG_MIGRATIONS.length }]);
  });

  it('refuses a schema newer than this Threadlight', async () => {
    const url = await freshPgUrl();
    await (await open(url)).close();
    opened.pop();
    const c = await client(url);
    await c.query('UPDATE threadlight_schema SET version = 99');
    const err = await PgStore.open(url).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ThreadlightError);
    expect(err).toMatchObject({ code: 'DB_VERSION' });
    expect((err as Error).message).toContain('schema version 99 is newer');
  });

  it('names the missing schema of a URL, without its password', async () => {
    const url = new URL(testPgUrl());
    url.searchParams.set('options', '-c search_path=no_such_schema');
    const err = await PgStore.open(url.toString()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DB_OPEN' });
    expect((err as Error).message).toContain(
      'search_path must exist; create it with CREATE SCHEMA',
    );
    if (url.password) expect((err as Error).message).not.toContain(`:${url.password}@`);
  });

  it('imports two lists from two processes at once', async () => {
    const reference = await openFreshStore('sqlite');
    opened.push(reference);
    const [sparse, series] = [
      await load(reference, 'sparse', SPARSE),
      await load(reference, 'series', SERIES),
    ];
    const url = await freshPgUrl();
    const [a, b] = await Promise.all([open(url), open(url)]);
    const [x, y] = await Promise.all([load(a, 'sparse', SPARSE), load(b, 'series', SERIES)]);
    expect(x).toEqual(sparse);
    expect(y).toEqual(series);
    expect(await a.getLists()).toEqual(await reference.getLists());
    expect(await contents(b, 'sparse')).toEqual(await contents(reference, 'sparse'));
    expect(await contents(a, 'series')).toEqual(await contents(reference, 'series'));
    expect((await a.check()).ok).toBe(true);
  });

  it('stores each message once when two processes import the same file into one list', async () => {
    const reference = await openFreshStore('sqlite');
    opened.push(reference);
    const once = await load(reference, 'sparse', SPARSE);
    const url = await freshPgUrl();
    const [a, b] = await Promise.all([open(url), open(url)]);
    const [x, y] = await Promise.all([load(a, 'sparse', SPARSE), load(b, 'sparse', SPARSE)]);
    expect(x.rejected).toEqual([]);
    expect(y.rejected).toEqual([]);
    expect(x.imported + y.imported).toBe(once.imported);
    expect(x.duplicates + y.duplicates).toBe(once.imported + 2 * once.duplicates);
    expect(await a.countMessages()).toBe(once.imported);
    expect(await contents(a, 'sparse')).toEqual(await contents(reference, 'sparse'));
    expect((await b.check()).ok).toBe(true);
  });

  it('queues writers of one list, never writers of another', async () => {
    const url = await freshPgUrl();
    const s = await open(url);
    const [busy, free] = [await s.ensureList('busy'), await s.ensureList('free')];
    const batch = await prepared([path.join(root, 'tests', 'fixtures', 'store', 'thread.mbox')]);
    // Another process holds the busy list's lock, mid-import.
    const holder = await client(url);
    await holder.query('BEGIN');
    await holder.query(
      "SELECT pg_advisory_xact_lock(hashtext('threadlight.list:' || current_schema()), $1)",
      [busy],
    );
    let busyDone = false;
    const waiting = s.saveMessages(busy, batch).then((o) => ((busyDone = true), o));
    expect(await s.saveMessages(free, batch)).toEqual(['imported', 'imported', 'imported']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(busyDone).toBe(false);
    await holder.query('COMMIT');
    expect(await waiting).toEqual(['imported', 'imported', 'imported']);
  });
});
