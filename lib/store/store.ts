/**
 * The archive store: one interface, two implementations, chosen by THREADLIGHT_DB
 * (lib/store/open-store.ts). SQLite (lib/store/sqlite-store.ts) is the zero-setup
 * default; PostgreSQL (lib/store/pg/pg-store.ts) serves archives shared by several app
 * servers and import workers. Everything outside lib/store reads and writes through
 * this interface, so no feature is tied to one backend.
 *
 * Row ids (`rowId`, `listId`) are the store's own and never leave the server.
 */
import type { SeriesInput } from '../series/series-types';
import type { DbCheck } from './check-db';
import type { ListSummary, StoredMessage, ThreadSummary } from './read-archive';
import type { MessageToSave, SaveOutcome } from './save-messages';
import type { ExportRow, NewThread, SearchOptions, SearchOutcome } from './search-index';

export type { DbCheck, ExportRow, ListSummary, MessageToSave, NewThread, SaveOutcome };
export type { SearchOptions, SearchOutcome, StoredMessage, ThreadSummary };

/** How the series assembler reads one list (lib/series/assemble-series.ts). */
export interface AsyncSeriesSource<M extends SeriesInput> {
  threadsOf(ids: readonly string[]): Promise<M[]>;
  postingsNear(address: string, date: string): Promise<M[]>;
  postingsByBase(bases: readonly string[]): Promise<M[]>;
  messagesById(ids: readonly string[]): Promise<M[]>;
}

export interface RawRow {
  rowId: number;
  raw: Buffer;
  format: string;
  date: string | null;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** The database file, or the PostgreSQL URL without its password: for messages. */
  readonly location: string;
  close(): Promise<void>;

  /**
   * A value that changes whenever the archive may have changed, from this process or
   * any other (an import worker, another app server): page caches key on it.
   */
  generation(): Promise<string>;

  // Reading the archive.
  countMessages(): Promise<number>;
  getListNames(): Promise<string[]>;
  getLists(): Promise<ListSummary[]>;
  getListThreads(
    list: string,
    page: number,
    perPage: number,
  ): Promise<{ total: number; threads: ThreadSummary[] } | null>;
  getMessage(list: string, messageId: string, dup?: number): Promise<StoredMessage | null>;
  getThreadMessages(
    list: string,
    messageId: string,
    dup?: number,
  ): Promise<{ focus: StoredMessage; messages: StoredMessage[] } | null>;
  getRaw(rowIds: readonly number[]): Promise<RawRow[]>;
  findListOf(messageId: string): Promise<string | null>;
  seriesSource(list: string): AsyncSeriesSource<StoredMessage>;

  // Highlighted blocks, cached once computed.
  getHighlights(keys: readonly string[]): Promise<Map<string, string[]>>;
  saveHighlights(entries: ReadonlyMap<string, string[]>): Promise<void>;

  // Search, feeds and downloads.
  searchMessages(options: SearchOptions): Promise<SearchOutcome>;
  searchRowIds(options: {
    query: string;
    list?: string;
    now?: Date;
  }): Promise<{ rowIds: number[] } | { error: string }>;
  getNewestThreads(list: string, limit: number): Promise<NewThread[] | null>;
  getExportRows(rowIds: readonly number[]): Promise<ExportRow[]>;
  getListId(list: string): Promise<number | null>;
  getListExportChunk(listId: number, afterId: number, limit: number): Promise<ExportRow[]>;

  // Importing.
  ensureList(name: string): Promise<number>;
  /** One batch in one transaction: all stored, or none (then the caller retries one by one). */
  saveMessages(listId: number, batch: readonly MessageToSave[]): Promise<SaveOutcome[]>;
  /** Rebuild a list's threads; returns how many there are. */
  rethreadList(listId: number): Promise<number>;
  hasUnthreaded(listId: number): Promise<boolean>;
  getImportCursor(listId: number, source: string): Promise<string | null>;
  setImportCursor(listId: number, source: string, cursor: string): Promise<void>;
  hideMessage(listId: number, contentHash: string): Promise<number>;

  /** `threadlight check`: the backend's own integrity checks plus Threadlight's invariants. */
  check(): Promise<DbCheck>;
}
