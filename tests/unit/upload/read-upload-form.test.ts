/**
 * Reading the upload form with a byte cap, and never importing a body that proxy.ts's
 * buffering cut short (next.config.js proxyClientMaxBodySize).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, MAX_UPLOAD_REQUEST_BYTES } from '@/lib/limits';
import { TOO_BIG, readUploadForm } from '@/lib/upload/read-upload-form';

const BOUNDARY = 'tl-boundary';

/** A multipart/form-data body holding one file. */
function multipart(file: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="text"\r\n\r\n\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.mbox"\r\n` +
        'Content-Type: application/mbox\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

/** A POST whose body arrives in `chunk`-byte pieces, with the headers given. */
function post(body: Buffer, headers: Record<string, string>, chunk = 64 * 1024): Request {
  let sent = 0;
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      if (sent >= body.length) return controller.close();
      controller.enqueue(body.subarray(sent, sent + chunk));
      sent += chunk;
    },
  });
  const request = new Request('http://127.0.0.1/upload/submit', {
    method: 'POST',
    body: stream,
    duplex: 'half',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
  } as RequestInit);
  return Object.assign(request, { pulled: () => pulled });
}

const length = (b: Buffer) => ({ 'content-length': String(b.length) });

describe('readUploadForm', () => {
  it('reads a file of exactly the limit, envelope and all', async () => {
    const file = Buffer.alloc(MAX_UPLOAD_BYTES, 'a');
    const body = multipart(file);
    expect(body.length).toBeGreaterThan(MAX_UPLOAD_BYTES);
    const read = await readUploadForm(post(body, length(body)));
    if (!read.ok) throw new Error(read.error);
    expect(read.bytes).toBe(body.length);
    const got = read.form.get('file') as File;
    expect(got.size).toBe(MAX_UPLOAD_BYTES);
    expect(read.form.get('text')).toBe('');
  });

  it('refuses a body whose Content-Length is over the cap, without reading it', async () => {
    const body = multipart(Buffer.alloc(1024, 'a'));
    const request = post(body, { 'content-length': String(MAX_UPLOAD_REQUEST_BYTES + 1) });
    expect(await readUploadForm(request)).toEqual({ ok: false, error: TOO_BIG });
    expect((request as Request & { pulled: () => number }).pulled()).toBeLessThanOrEqual(1);
  });

  it('stops reading a body without Content-Length once it passes the cap', async () => {
    const body = multipart(Buffer.alloc(MAX_UPLOAD_REQUEST_BYTES + 1, 'a'));
    expect(await readUploadForm(post(body, {}))).toEqual({ ok: false, error: TOO_BIG });
  });

  it('never parses a body cut shorter than its Content-Length (proxy buffering)', async () => {
    // What Next hands the route when proxy.ts buffered less than was sent: the first part.
    const body = multipart(Buffer.from('From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody\n'));
    const cut = body.subarray(0, body.length - 40);
    expect(await readUploadForm(post(cut, length(body)))).toEqual({ ok: false, error: TOO_BIG });
  });

  it('says the form could not be read for a malformed length or body', async () => {
    const body = multipart(Buffer.from('x'));
    const bad = { ok: false, error: 'the form could not be read' };
    expect(await readUploadForm(post(body, { 'content-length': '-1' }))).toEqual(bad);
    const junk = Buffer.from('not multipart at all');
    expect(await readUploadForm(post(junk, length(junk)))).toEqual(bad);
  });

  it('is given whole bodies: next.config.js buffers comfortably more than the cap', () => {
    const config = createRequire(import.meta.url)('../../../next.config.js') as {
      experimental: { proxyClientMaxBodySize: number };
    };
    // More than one read chunk above the cap, so a body cut at the buffer limit is still
    // seen as over the cap; and the cap itself above the file limit plus its envelope.
    expect(config.experimental.proxyClientMaxBodySize).toBeGreaterThanOrEqual(
      MAX_UPLOAD_REQUEST_BYTES + 1024 * 1024,
    );
    expect(MAX_UPLOAD_REQUEST_BYTES - MAX_UPLOAD_BYTES).toBeGreaterThanOrEqual(64 * 1024);
  });
});
