/** Small numeric helpers shared by the sub-benchmarks. Pure: numbers in, numbers out. */

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** p50/p99/max of a series of milliseconds. */
export interface Latency {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

export function latency(samples: readonly number[]): Latency {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : NaN,
  };
}

export const ms = (v: number | undefined): string =>
  v === undefined || Number.isNaN(v) ? '—' : v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`;

export const kb = (bytes: number | undefined): string =>
  bytes === undefined || Number.isNaN(bytes) ? '—' : `${(bytes / 1024).toFixed(1)} KB`;

export const mb = (bytes: number | undefined): string =>
  bytes === undefined || Number.isNaN(bytes) ? '—' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** "2.41×" for a/b where both are known; lower-is-better figures pass (theirs, ours). */
export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !(a > 0) || !(b > 0)) return '—';
  return `${(a / b).toFixed(2)}×`;
}
