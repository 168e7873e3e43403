/**
 * A redirect with a relative Location (RFC 9110 allows it). Next rewrites the host of
 * `request.url` to `localhost`, so an absolute URL built from it would send a reader who
 * came through 127.0.0.1 (or a proxy) to another origin, which CSP's form-action blocks.
 */
export function redirectTo(location: string, status: 302 | 303 = 302): Response {
  return new Response(null, { status, headers: { Location: location } });
}

// `example.org`, `127.0.0.1:3000`, `[::1]:3000`: a Host header we are willing to echo.
const RE_HOST = /^[a-z0-9.-]{1,253}(?::\d{1,5})?$|^\[[0-9a-f:.]{2,45}\](?::\d{1,5})?$/i;

/**
 * The origin the client used, for absolute links in feeds: the Host header when it is
 * a plain host name (never echo a forged one into XML), else the request URL's origin.
 */
export function requestOrigin(request: Request): string {
  const host = request.headers.get('host');
  const proto = request.headers.get('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return host && RE_HOST.test(host) ? `${proto}://${host}` : new URL(request.url).origin;
}

/** A short plain-text answer (errors, 404s): never sniffed as HTML. */
export function textResponse(body: string, status = 200): Response {
  return new Response(body.endsWith('\n') ? body : `${body}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/**
 * Caching of what one stored message alone determines (its raw bytes, its attachments):
 * those bytes never change, so browsers keep them a day and shared caches (a CDN in front
 * of several app servers, docs/deploy.md) a week. The one change, a message hidden after
 * an upstream deletion, leaves a CDN within that week or at once with a purge of its URLs.
 */
export const MESSAGE_FILE_CACHE = 'public, max-age=86400, s-maxage=604800';

/**
 * A file from the archive: its type, and `attachment` (a download) or `inline` (shown as
 * text). The filename is reduced to `[A-Za-z0-9._-]`, whatever mail or a list name held.
 * `cacheControl` only for files that never change (MESSAGE_FILE_CACHE).
 */
export function fileResponse(
  body: BodyInit,
  type: string,
  filename: string,
  disposition: 'attachment' | 'inline' = 'attachment',
  cacheControl?: string,
): Response {
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Content-Disposition': `${disposition}; filename="${filename.replace(/[^a-z0-9._-]/gi, '_')}"`,
      'X-Content-Type-Options': 'nosniff',
      ...(cacheControl ? { 'Cache-Control': cacheControl } : {}),
    },
  });
}
