import { ThreadlightError } from '../errors';
import { getStore } from '../store/server-db';
import { contentHash } from '../store/content-hash';
import type { Store } from '../store/store';
import { readBuffer } from '../import/read-sources';
import { importStream, type ImportSummary } from '../import/import-stream';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_EXPANDED_BYTES, MAX_UPLOAD_MESSAGES } from '../limits';

/** The list every browser upload goes to. */
export const UPLOAD_LIST = 'uploads';

export type UploadResult =
  | { ok: true; messageId: string; dupIndex: number; summary: ImportSummary }
  | { ok: false; status: number; error: string };

/**
 * Import an uploaded file or pasted text into the `uploads` list and say which message
 * to land on: the first one imported, else (a re-upload) the first one already stored.
 */
export async function importUpload(data: Buffer, name: string): Promise<UploadResult> {
  if (data.length === 0) return { ok: false, status: 400, error: 'the upload is empty' };
  if (data.length > MAX_UPLOAD_BYTES) {
    return {
      ok: false,
      status: 413,
      error: `the upload is ${data.length} bytes; the limit is ${MAX_UPLOAD_BYTES} bytes`,
    };
  }
  const tooBig = await expandedTooBig(data, name);
  if (tooBig) return { ok: false, status: 413, error: tooBig };
  let first: { id: string; hash: string } | undefined;
  const store = await getStore();
  let summary: ImportSummary;
  try {
    summary = await importStream(store, UPLOAD_LIST, readBuffer(data, name), {
      onImported: (id, hash) => (first ??= { id, hash }),
      onDuplicate: (id, hash) => (first ??= { id, hash }),
    });
  } catch (err) {
    // A server reading from a replica: the load balancer should send uploads elsewhere.
    if (err instanceof ThreadlightError && err.code === 'DB_READ_ONLY') {
      return { ok: false, status: 503, error: 'this server cannot take uploads (read-only)' };
    }
    throw err;
  }
  if (!first) {
    const reasons = summary.rejected.map((r) => `${r.position}: ${r.reason}`).join('; ');
    return {
      ok: false,
      status: 422,
      error: `no message could be read: ${reasons || 'unknown format'}`,
    };
  }
  const dupIndex = await dupIndexOf(store, UPLOAD_LIST, first.id, first.hash);
  return { ok: true, messageId: first.id, dupIndex, summary };
}

/**
 * The duplicate index of the stored copy with these bytes: a later message reusing an
 * id is `?dup=N`. The store reads messages by id and index, so this walks the copies of
 * the id, comparing content hashes; 0 when none matches (hidden meanwhile).
 */
async function dupIndexOf(
  store: Store,
  list: string,
  messageId: string,
  hash: string,
): Promise<number> {
  for (let dup = 0; ; dup++) {
    const m = await store.getMessage(list, messageId, dup);
    if (!m) return 0;
    const [stored] = await store.getRaw([m.rowId]);
    if (stored && contentHash(stored.raw) === hash) return dup;
  }
}

/**
 * Why the upload is too big once decompressed (too many messages or bytes), or null. A
 * first pass that only splits, stopping at the limit: nothing is stored from an upload
 * that would pass it.
 */
async function expandedTooBig(data: Buffer, name: string): Promise<string | null> {
  let messages = 0;
  let bytes = 0;
  for await (const item of readBuffer(data, name)) {
    if ('problem' in item) continue;
    messages++;
    bytes += item.raw.length;
    if (messages > MAX_UPLOAD_MESSAGES) {
      return `the upload holds more than ${MAX_UPLOAD_MESSAGES} messages; import an archive that big with the command line (threadlight import)`;
    }
    if (bytes > MAX_UPLOAD_EXPANDED_BYTES) {
      return `the upload expands to more than ${MAX_UPLOAD_EXPANDED_BYTES / 1024 / 1024} MB of mail; import an archive that big with the command line (threadlight import)`;
    }
  }
  return null;
}
