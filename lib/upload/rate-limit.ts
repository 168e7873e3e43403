/**
 * Upload rate limits: fixed one-minute windows per client, and budgets shared by all
 * clients. In memory: one app server's view; behind a load balancer each server limits
 * alone, which still bounds what the archive can be made to store.
 */
import { MAX_RATE_LIMIT_KEYS } from '../limits';

/** The key every client shares when no address can be trusted. */
export const GLOBAL_CLIENT = '*';

/**
 * Which client sent a request, for per-client limits. X-Forwarded-For is written by
 * whoever sends the request, so it is read only when THREADLIGHT_TRUST_PROXY=1 says a
 * reverse proxy of ours sits in front, and then only its last entry: the address that
 * proxy saw and appended (entries before it are the client's own claims). Next.js gives
 * route handlers no socket address (it copies it into X-Forwarded-For only when the
 * client sent none, so a forged header looks the same), so without a trusted proxy every
 * client shares one key: a strict limit, but one no client can step around.
 */
export function uploadClientKey(headers: Headers, trustProxy: boolean): string {
  if (!trustProxy) return GLOBAL_CLIENT;
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() ?? '';
  // An address is short; anything else is not one our proxy wrote.
  return last !== '' && last.length <= 64 ? last : GLOBAL_CLIENT;
}

/** A per-key limiter: `allow(key)` is false once the key used `limit` calls this window. */
export interface RateLimiter {
  (key: string, now?: number): boolean;
  /** Keys remembered (bounded by `maxKeys`). */
  readonly size: number;
}

/**
 * At most `limit` calls per key in each window of `windowMs`. Memory is bounded: windows
 * that ended are dropped as new ones open, and past `maxKeys` the oldest windows go first
 * (those clients get a fresh window early, the price of a bounded table; everyone else
 * keeps theirs, so address churn cannot reset the limit for all).
 */
export function createRateLimiter(
  limit: number,
  windowMs: number,
  maxKeys = MAX_RATE_LIMIT_KEYS,
): RateLimiter {
  // Insertion order is window start order: a key is re-inserted when its window opens.
  const windows = new Map<string, { start: number; count: number }>();
  const evict = (now: number) => {
    for (const [key, w] of windows) {
      if (now - w.start < windowMs && windows.size < maxKeys) break;
      windows.delete(key);
    }
  };
  const allow = (key: string, now = Date.now()): boolean => {
    const w = windows.get(key);
    if (w && now - w.start < windowMs) {
      w.count++;
      return w.count <= limit;
    }
    windows.delete(key);
    evict(now);
    windows.set(key, { start: now, count: 1 });
    return limit >= 1;
  };
  return Object.defineProperty(allow, 'size', { get: () => windows.size }) as RateLimiter;
}

/**
 * A budget shared by every client: at most `limit` units (uploads, bytes) per window of
 * `windowMs`. `take(n)` spends n and says yes, or spends nothing and says no.
 */
export function createBudget(limit: number, windowMs: number) {
  let start = -Infinity;
  let used = 0;
  return function take(amount: number, now = Date.now()): boolean {
    if (now - start >= windowMs) {
      start = now;
      used = 0;
    }
    if (used + amount > limit) return false;
    used += amount;
    return true;
  };
}
