import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '@/lib/upload/rate-limit';

describe('createRateLimiter', () => {
  it('allows the limit per window per client, then refuses until the window passes', () => {
    const allow = createRateLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([1, 2, 3, 4].map(() => allow('10.0.0.1', t0))).toEqual([true, true, true, false]);
    // Another client has its own budget.
    expect(allow('10.0.0.2', t0)).toBe(true);
    expect(allow('10.0.0.1', t0 + 59_999)).toBe(false);
    expect(allow('10.0.0.1', t0 + 60_000)).toBe(true);
  });

  it('keeps its memory bounded under many distinct clients', () => {
    const allow = createRateLimiter(1, 60_000);
    for (let i = 0; i < 25_000; i++) allow(`client-${i}`, 0);
    // The table was cleared past 10,000 entries: an early client is allowed again,
    // which is the price of bounded memory (a fresh window, never a crash).
    expect(allow('client-24999', 0)).toBe(false);
    expect(allow('client-0', 0)).toBe(true);
  });
});
