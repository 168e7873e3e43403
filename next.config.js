/**
 * Headers every response carries, build assets included. The Content-Security-Policy
 * needs a per-request nonce, so it is set in proxy.ts instead.
 */
const SECURITY_HEADERS = [
  // Never guess a type: a raw message served as text/plain must not be sniffed as HTML.
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // A link in a hostile message must not tell its author which page the reader was on.
  { key: 'Referrer-Policy', value: 'no-referrer' },
  // frame-ancestors 'none' (proxy.ts) for browsers that predate CSP 2.
  { key: 'X-Frame-Options', value: 'DENY' },
];

/**
 * Request bytes proxy.ts makes Next buffer (its default, 10 MiB, is the upload limit
 * itself, and past it Next silently passes on a cut body). Must exceed
 * MAX_UPLOAD_REQUEST_BYTES in lib/limits.ts (11 MiB) by more than one read chunk, so a cut
 * body is always seen as too big (lib/upload/read-upload-form.ts);
 * tests/unit/upload/read-upload-form.test.ts checks the two agree.
 */
const PROXY_CLIENT_MAX_BODY_BYTES = 12 * 1024 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: { proxyClientMaxBodySize: PROXY_CLIENT_MAX_BODY_BYTES },
  // Our URLs end in '/' like lore's (docs/design.md); serve both forms, redirect neither.
  skipTrailingSlashRedirect: true,
  // Types are checked once, by `npm run typecheck` in `npm run check`, over the whole tree.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['better-sqlite3', 'pg', 'shiki', 'mailparser'],
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};
module.exports = nextConfig;
