import type { BlockKind } from './classify-blocks';
import type { LineGuess } from './classify-line';

/** Islands of at most this many prose lines inside one block are absorbed by it. */
const MAX_ISLAND_LINES = 2;

/**
 * Settle the lines no pass claimed. Non-blank ones are prose, except a short island wedged
 * without blank lines between two lines of one kind (a stray unmatched line inside a log or
 * a listing) that does not introduce something (`... like this:`). Then blank lines join the
 * block around them when both sides agree, else they are prose: a blank line between a
 * paragraph and a log belongs to neither.
 */
export function smoothRuns(
  lines: readonly string[],
  g: readonly LineGuess[],
  claims: readonly (BlockKind | null)[],
): BlockKind[] {
  const n = claims.length;
  // null while a blank line waits for its neighbours.
  const kinds: (BlockKind | null)[] = claims.map((k, i) => k ?? (g[i]!.blank ? null : 'prose'));
  for (let i = 1; i < n; i++) {
    const around = kinds[i - 1] ?? null;
    if (claims[i] !== null || g[i]!.blank || around === 'prose' || around === null) continue;
    let j = i;
    while (j < n && j - i < MAX_ISLAND_LINES && claims[j] === null && !g[j]!.blank) j++;
    const closes = j < n && claims[j] === around;
    const intro = lines[j - 1]!.trimEnd().endsWith(':');
    if (closes && !intro) kinds.fill(around, i, j);
  }
  const settled: BlockKind[] = new Array<BlockKind>(n);
  for (let i = 0; i < n;) {
    const kind = kinds[i];
    if (kind !== null && kind !== undefined) {
      settled[i++] = kind;
      continue;
    }
    let j = i;
    while (j < n && kinds[j] === null) j++;
    const before = i > 0 ? settled[i - 1] : undefined;
    const after = j < n ? kinds[j] : undefined;
    settled.fill(before !== undefined && before === after ? before : 'prose', i, j);
    i = j;
  }
  return settled;
}
