import { describe, expect, it } from 'vitest';
import {
  GLOBAL_CLIENT,
  createBudget,
  createRateLimiter,
  uploadClientKey,
} from '@/lib/upload/rate-limit';

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

  it('keeps its memory bounded under many distinct clients, without forgetting everyone', () => {
    const allow = createRateLimiter(1, 60_000, 1000);
    for (let i = 0; i < 25_000; i++) allow(`client-${i}`, i);
    expect(allow.size).toBeLessThanOrEqual(1000);
    // Churn through 24,000 other addresses reset no recent client: the table used to be
    // cleared past its size, which handed every client a fresh window.
    for (let i = 24_001; i < 25_000; i++) expect(allow(`client-${i}`, 25_000)).toBe(false);
    // Only the oldest windows were dropped to make room.
    expect(allow('client-0', 25_000)).toBe(true);
  });

  it('drops ended windows first, so live ones survive a full table', () => {
    const allow = createRateLimiter(1, 60_000, 100);
    for (let i = 0; i < 99; i++) allow(`old-${i}`, i);
    allow('steady', 59_000);
    expect(allow.size).toBe(100);
    // By 60,100 the `old-*` windows have ended: they go, `steady` (still in its window) stays.
    allow('newcomer', 60_100);
    expect(allow.size).toBe(2);
    expect(allow('steady', 60_100)).toBe(false);
  });
});

describe('createBudget', () => {
  it('spends up to the limit per window, refusing without spending', () => {
    const take = createBudget(100, 60_000);
    expect(take(60, 0)).toBe(true);
    expect(take(50, 1)).toBe(false);
    expect(take(40, 2)).toBe(true);
    expect(take(1, 59_999)).toBe(false);
    expect(take(100, 60_000)).toBe(true);
  });
});

describe('uploadClientKey', () => {
  const headers = (xff?: string) =>
    new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff });

  it('ignores X-Forwarded-For unless a proxy is trusted: every client shares one key', () => {
    for (const xff of [undefined, '10.0.0.1', '1.2.3.4, 10.0.0.1', 'anything']) {
      expect(uploadClientKey(headers(xff), false)).toBe(GLOBAL_CLIENT);
    }
  });

  it('behind a trusted proxy, keys on the hop the proxy appended (the last)', () => {
    // The client claimed 1.1.1.1 and 2.2.2.2; our proxy saw it connect from 203.0.113.9.
    expect(uploadClientKey(headers('1.1.1.1, 2.2.2.2, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(uploadClientKey(headers('203.0.113.9'), true)).toBe('203.0.113.9');
    expect(uploadClientKey(headers('2001:db8::1'), true)).toBe('2001:db8::1');
    // Rotating the claimed part changes nothing.
    expect(uploadClientKey(headers(`${Math.random()}, 203.0.113.9`), true)).toBe('203.0.113.9');
    expect(uploadClientKey(headers(), true)).toBe(GLOBAL_CLIENT);
    expect(uploadClientKey(headers('1.1.1.1, '), true)).toBe(GLOBAL_CLIENT);
    expect(uploadClientKey(headers('x'.repeat(65)), true)).toBe(GLOBAL_CLIENT);
  });
});
