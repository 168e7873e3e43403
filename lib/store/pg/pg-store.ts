/**
 * The PostgreSQL store: one archive shared by several app servers and import workers.
 * Each method is a few queries on a connection pool; the SQL lives beside it (pg-read,
 * pg-write, pg-rethread, pg-check, pg-search), each the twin of a SQLite module with the
 * same results.
 */
import pg from 'pg';
import { ThreadlightError } from '../../errors';
import { printableLocation } from '../location';
import type { Store } from '../store';
import { checkPg } from './pg-check';
import { migratePg, READ_ONLY_SQLSTATE } from './pg-migrate';
import * as read from './pg-read';
import { rethreadList } from './pg-rethread';
import { pgSearchMessages, pgSearchRowIds } from './pg-search';
import * as write from './pg-write';

/** Connections per process: an app server's concurrent pages, or an import's steps. */
const POOL_SIZE = 10;

/**
 * Row ids and counts are int8, which pg hands over as strings (they may exceed 2^53).
 * Threadlight's never come near that, and every caller wants numbers. Set per pool, not
 * globally, so other pg users in the process are unaffected.
 */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export class PgStore implements Store {
  readonly kind = 'postgres' as const;

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {}

  static async open(url: string): Promise<PgStore> {
    const location = printableLocation(url);
    const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, types: TYPES });
    // An idle connection the server dropped: the pool discards it and the next query
    // connects anew. Without a listener the error would end the process.
    pool.on('error', () => {});
    try {
      await migratePg(pool);
    } catch (err) {
      await pool.end();
      if (err instanceof ThreadlightError) throw err;
      // 3F000: the URL's search_path names a schema that does not exist.
      const hint =
        (err as { code?: string }).code === '3F000'
          ? " (the schema in the URL's search_path must exist; create it with CREATE SCHEMA)"
          : '';
      throw new ThreadlightError(
        `cannot open database ${location}: ${(err as Error).message}${hint}`,
        'DB_OPEN',
      );
    }
    return new PgStore(pool, location);
  }

  async close() {
    await this.pool.end();
  }

  /** The generation counter, which every write that changes pages advances after its commit. */
  async generation() {
    const { rows } = await this.pool.query<{ value: number }>(
      'SELECT value FROM threadlight_generation',
    );
    return String(rows[0]!.value);
  }

  async countMessages() {
    return read.countMessages(this.pool);
  }
  async getListNames() {
    return read.getListNames(this.pool);
  }
  async getLists() {
    return read.getLists(this.pool);
  }
  async getListThreads(list: string, page: number, perPage: number) {
    return read.getListThreads(this.pool, list, page, perPage);
  }
  async getMessage(list: string, messageId: string, dup = 0) {
    return read.getMessage(this.pool, list, messageId, dup);
  }
  async getThreadMessages(list: string, messageId: string, dup = 0) {
    return read.getThreadMessages(this.pool, list, messageId, dup);
  }
  async getRaw(rowIds: readonly number[]) {
    return read.getRaw(this.pool, rowIds);
  }
  async findListOf(messageId: string) {
    return read.findListOf(this.pool, messageId);
  }
  seriesSource(list: string) {
    return read.pgSeriesSource(this.pool, list);
  }

  async getHighlights(keys: readonly string[]) {
    return write.getHighlights(this.pool, keys);
  }
  async saveHighlights(entries: ReadonlyMap<string, string[]>) {
    return write.saveHighlights(this.pool, entries);
  }

  async searchMessages(options: Parameters<Store['searchMessages']>[0]) {
    return pgSearchMessages(this.pool, options);
  }
  async searchRowIds(options: Parameters<Store['searchRowIds']>[0]) {
    return pgSearchRowIds(this.pool, options);
  }
  async getNewestThreads(list: string, limit: number) {
    return read.getNewestThreads(this.pool, list, limit);
  }
  async getExportRows(rowIds: readonly number[]) {
    return read.getExportRows(this.pool, rowIds);
  }
  async getListId(list: string) {
    return read.getListId(this.pool, list);
  }
  async getListExportChunk(listId: number, afterId: number, limit: number) {
    return read.getListExportChunk(this.pool, listId, afterId, limit);
  }

  /** Every import starts here, so a read-only database (a replica) says so here, plainly. */
  async ensureList(name: string) {
    try {
      return await write.ensureList(this.pool, name);
    } catch (err) {
      if ((err as { code?: string }).code !== READ_ONLY_SQLSTATE) throw err;
      throw new ThreadlightError(
        `${this.location} is read-only (a replica?): import through the primary`,
        'DB_READ_ONLY',
      );
    }
  }
  async saveMessages(listId: number, batch: Parameters<Store['saveMessages']>[1]) {
    return write.saveMessages(this.pool, listId, batch);
  }
  async rethreadList(listId: number) {
    return rethreadList(this.pool, listId);
  }
  async hasUnthreaded(listId: number) {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM messages WHERE list_id = $1 AND thread_id IS NULL AND hidden = 0 LIMIT 1',
      [listId],
    );
    return (rowCount ?? 0) > 0;
  }
  async getImportCursor(listId: number, source: string) {
    return write.getImportCursor(this.pool, listId, source);
  }
  async setImportCursor(listId: number, source: string, cursor: string) {
    return write.setImportCursor(this.pool, listId, source, cursor);
  }
  async hideMessage(listId: number, contentHash: string) {
    return write.hideMessage(this.pool, listId, contentHash);
  }

  async check() {
    return checkPg(this.pool);
  }
}
