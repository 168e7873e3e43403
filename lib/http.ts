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
