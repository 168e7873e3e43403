/**
 * The upload form, read with a byte cap. proxy.ts matches /upload/submit, so Next buffers
 * the request body for it, and past next.config.js's proxyClientMaxBodySize it silently
 * hands on only the first part (node_modules/next/dist/server/body-streams.js). That
 * limit sits above MAX_UPLOAD_REQUEST_BYTES by more than one read chunk, so a body cut
 * short is either shorter than its Content-Length or still over our cap: both are
 * refused with the size message, and a truncated upload is never imported.
 */
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_REQUEST_BYTES } from '../limits';

export type UploadForm = { ok: true; form: FormData; bytes: number } | { ok: false; error: string };

export const TOO_BIG = `the upload is larger than the ${MAX_UPLOAD_BYTES} byte limit`;
const UNREADABLE = 'the form could not be read';

export async function readUploadForm(request: Request): Promise<UploadForm> {
  const declared = request.headers.get('content-length');
  const length = declared === null ? null : Number(declared);
  if (length !== null && !(Number.isSafeInteger(length) && length >= 0)) {
    return { ok: false, error: UNREADABLE };
  }
  if (length !== null && length > MAX_UPLOAD_REQUEST_BYTES) return { ok: false, error: TOO_BIG };
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    const reader = request.body?.getReader();
    for (let r = await reader?.read(); r && !r.done; r = await reader!.read()) {
      bytes += r.value.byteLength;
      if (bytes > MAX_UPLOAD_REQUEST_BYTES) {
        await reader!.cancel();
        return { ok: false, error: TOO_BIG };
      }
      chunks.push(r.value);
    }
  } catch {
    return { ok: false, error: UNREADABLE };
  }
  // Fewer bytes than announced: cut short on the way (only bodies over the limit are).
  if (length !== null && bytes !== length) return { ok: false, error: TOO_BIG };
  try {
    const body = new Response(Buffer.concat(chunks), {
      headers: { 'Content-Type': request.headers.get('content-type') ?? '' },
    });
    return { ok: true, form: await body.formData(), bytes };
  } catch {
    return { ok: false, error: UNREADABLE };
  }
}
