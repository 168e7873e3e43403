/**
 * Security headers that need a fresh value per request. Every byte of a message is
 * attacker-controlled and ends up in our pages; rendering escapes it, and this policy is
 * the second wall: even if some markup slipped through, the browser would run no script
 * without this request's nonce, load nothing from another origin, post no form elsewhere
 * and let no other site frame us. Next.js reads the nonce back from the request's
 * Content-Security-Policy header and puts it on its own inline and bundle scripts
 * (node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md).
 * Static headers (nosniff, Referrer-Policy) are set for every path in next.config.js.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { PATH_HEADER } from './lib/route-path-header';

/**
 * The policy for one response. `'strict-dynamic'` lets the nonced Next runtime load its
 * chunks; inline styles stay allowed because React and Tailwind set style attributes,
 * and styles cannot run script. Development adds `'unsafe-eval'` (React's dev overlay).
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** 128 random bits, base64: unguessable by a message author, fresh for every request. */
function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Whether every `%` escape of a path decodes (to valid UTF-8). */
function isWellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export function proxy(request: NextRequest): NextResponse {
  const csp = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === 'development');
  if (!isWellEncoded(new URL(request.url).pathname)) {
    // Next's router throws on `%E0%A4%A` (a 500); a hand-made bad URL is the client's error.
    // next.config.js's static headers reach this response too (Next applies them before
    // the proxy runs); they are repeated so this answer never depends on that order.
    return new NextResponse('malformed percent-encoding in the address\n', {
      status: 400,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Security-Policy': csp,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'X-Frame-Options': 'DENY',
      },
    });
  }
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', csp);
  // The raw path for lib/route-segment.ts (always overwritten: a client cannot choose it).
  headers.set(PATH_HEADER, new URL(request.url).pathname);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // Pages and route handlers (raw, mbox, atom) alike; build assets are scripts and
  // styles themselves, where a policy means nothing.
  matcher: ['/((?!_next/static|_next/image).*)'],
};
