import type { LineGuess } from './classify-line';

/**
 * Where the nearest non-blank lines are, for every line. Passes ask "what comes after this
 * blank line?" from inside their per-line loops; scanning for the answer each time made a
 * run of n blank lines cost n² (10,000 blank lines took 12 s). Built once per classifyBlocks
 * call in two sweeps, so every such question costs O(1).
 */
export interface NonBlankIndex {
  /** `next[i]`: the first non-blank line at or after `i`, or -1 (`next[n]` is -1). */
  readonly next: Int32Array;
  /** `previous[i]`: the last non-blank line at or before `i`, or -1. */
  readonly previous: Int32Array;
}

/** Index the non-blank lines of `g` in one backward and one forward sweep. */
export function indexNonBlank(g: readonly LineGuess[]): NonBlankIndex {
  const n = g.length;
  const next = new Int32Array(n + 1).fill(-1);
  const previous = new Int32Array(n).fill(-1);
  for (let i = n - 1; i >= 0; i--) next[i] = g[i]!.blank ? next[i + 1]! : i;
  for (let i = 0; i < n; i++) previous[i] = g[i]!.blank ? (i > 0 ? previous[i - 1]! : -1) : i;
  return { next, previous };
}

/** Index of the first non-blank line at or after `from`, or -1. */
export function nextNonBlank(index: NonBlankIndex, from: number): number {
  return from < index.next.length ? index.next[Math.max(from, 0)]! : -1;
}

/** Index of the last non-blank line at or before `from`, or -1. */
export function previousNonBlank(index: NonBlankIndex, from: number): number {
  return from >= 0 ? (index.previous[Math.min(from, index.previous.length - 1)] ?? -1) : -1;
}
