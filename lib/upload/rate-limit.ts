/**
 * A fixed-window rate limiter, per client key (the address the request came from).
 * In memory: one app server's view; behind a load balancer each server limits alone,
 * which still bounds what one client can make the archive store.
 */
export function createRateLimiter(limit: number, windowMs: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return function allow(key: string, now = Date.now()): boolean {
    const w = windows.get(key);
    if (!w || now - w.start >= windowMs) {
      if (windows.size > 10_000) windows.clear(); // bounded memory under address churn
      windows.set(key, { start: now, count: 1 });
      return true;
    }
    w.count++;
    return w.count <= limit;
  };
}
