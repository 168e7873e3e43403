import { getDb } from '../store/server-db';
import { readBuffer } from '../import/read-sources';
import { importStream, type ImportSummary } from '../import/import-stream';
import { MAX_UPLOAD_BYTES } from '../limits';

/** The list every browser upload goes to. */
export const UPLOAD_LIST = 'uploads';

export type UploadResult =
  | { ok: true; messageId: string; summary: ImportSummary }
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
  let first: string | undefined;
  const summary = await importStream(getDb(), UPLOAD_LIST, readBuffer(data, name), {
    onImported: (id) => (first ??= id),
    onDuplicate: (id) => (first ??= id),
  });
  if (!first) {
    const reasons = summary.rejected.map((r) => `${r.position}: ${r.reason}`).join('; ');
    return {
      ok: false,
      status: 422,
      error: `no message could be read: ${reasons || 'unknown format'}`,
    };
  }
  return { ok: true, messageId: first, summary };
}
