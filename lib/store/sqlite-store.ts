/**
 * The SQLite store: the embedded, zero-setup default. better-sqlite3 is synchronous,
 * so each method does its work at once and returns a settled promise; the functions it
 * wraps (read-archive, save-messages, search-index...) stay plain and synchronous.
 */
import { openDb, type Db } from './open-db';
import type { Store } from './store';
import { checkDb } from './check-db';
import { getHighlights, saveHighlights } from './highlight-cache';
import { getImportCursor, hideMessage, setImportCursor } from './import-state';
import {
  countMessages,
  findListOf,
  getListNames,
  getLists,
  getListThreads,
  getMessage,
  getRaw,
  getThreadMessages,
} from './read-archive';
import { getMessagesById, getPostingsByBase, getPostingsNear, getThreadsOf } from './read-series';
import { rethreadList } from './rethread-list';
import { ensureList, saveMessages } from './save-messages';
import {
  getExportRows,
  getListExportChunk,
  getListId,
  getNewestThreads,
  searchMessages,
  searchRowIds,
} from './search-index';
import { storeGeneration } from './store-generation';

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;

  /** For SQLite-only tools and tests (pragmas, corruption checks); pages never use it. */
  constructor(
    readonly db: Db,
    readonly location: string,
  ) {}

  static open(file: string): SqliteStore {
    return new SqliteStore(openDb(file), file);
  }

  async close() {
    this.db.close();
  }
  async generation() {
    return storeGeneration(this.db);
  }

  async countMessages() {
    return countMessages(this.db);
  }
  async getListNames() {
    return getListNames(this.db);
  }
  async getLists() {
    return getLists(this.db);
  }
  async getListThreads(list: string, page: number, perPage: number) {
    return getListThreads(this.db, list, page, perPage);
  }
  async getMessage(list: string, messageId: string, dup = 0) {
    return getMessage(this.db, list, messageId, dup);
  }
  async getThreadMessages(list: string, messageId: string, dup = 0) {
    return getThreadMessages(this.db, list, messageId, dup);
  }
  async getRaw(rowIds: readonly number[]) {
    return getRaw(this.db, rowIds);
  }
  async findListOf(messageId: string) {
    return findListOf(this.db, messageId);
  }
  seriesSource(list: string) {
    const db = this.db;
    return {
      threadsOf: async (ids: readonly string[]) => getThreadsOf(db, list, ids),
      postingsNear: async (address: string, date: string) =>
        getPostingsNear(db, list, address, date),
      postingsByBase: async (bases: readonly string[]) => getPostingsByBase(db, list, bases),
      messagesById: async (ids: readonly string[]) => getMessagesById(db, list, ids),
    };
  }

  async getHighlights(keys: readonly string[]) {
    return getHighlights(this.db, keys);
  }
  async saveHighlights(entries: ReadonlyMap<string, string[]>) {
    saveHighlights(this.db, entries);
  }

  async searchMessages(options: Parameters<Store['searchMessages']>[0]) {
    return searchMessages(this.db, options);
  }
  async searchRowIds(options: Parameters<Store['searchRowIds']>[0]) {
    return searchRowIds(this.db, options);
  }
  async getNewestThreads(list: string, limit: number) {
    return getNewestThreads(this.db, list, limit);
  }
  async getExportRows(rowIds: readonly number[]) {
    return getExportRows(this.db, rowIds);
  }
  async getListId(list: string) {
    return getListId(this.db, list);
  }
  async getListExportChunk(listId: number, afterId: number, limit: number) {
    return getListExportChunk(this.db, listId, afterId, limit);
  }

  async ensureList(name: string) {
    return ensureList(this.db, name);
  }
  async saveMessages(listId: number, batch: Parameters<Store['saveMessages']>[1]) {
    return saveMessages(this.db, listId, batch);
  }
  async rethreadList(listId: number) {
    return rethreadList(this.db, listId);
  }
  async hasUnthreaded(listId: number) {
    return !!this.db
      .prepare(
        'SELECT 1 FROM messages WHERE list_id = ? AND thread_id IS NULL AND hidden = 0 LIMIT 1',
      )
      .get(listId);
  }
  async getImportCursor(listId: number, source: string) {
    return getImportCursor(this.db, listId, source);
  }
  async setImportCursor(listId: number, source: string, cursor: string) {
    setImportCursor(this.db, listId, source, cursor);
  }
  async hideMessage(listId: number, contentHash: string) {
    return hideMessage(this.db, listId, contentHash);
  }

  async check() {
    return checkDb(this.db);
  }
}
