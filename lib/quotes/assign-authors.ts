import type { Author } from '../types';
import type { AttributionSpan } from './find-attributions';

/**
 * Author of every line. Depth 0 is the sender. Depth d is whoever the nearest preceding
 * attribution at depth d-1 names; a new attribution at depth d-1 also forgets the
 * authors of levels deeper than d, which belonged to the previous quoted message.
 * Attribution lines themselves belong to the writer of their own depth.
 */
export function assignAuthors(
  depths: readonly number[],
  spans: readonly AttributionSpan[],
  sender: Author | undefined,
): (Author | undefined)[] {
  const authors = new Array<Author | undefined>(depths.length);
  const byDepth: (Author | undefined)[] = [sender];
  let next = 0;
  for (let i = 0; i < depths.length; i++) {
    while (next < spans.length && spans[next]!.end <= i) {
      const span = spans[next++]!;
      byDepth.length = span.depth + 1;
      byDepth[span.depth + 1] = span.author;
    }
    authors[i] = byDepth[depths[i]!];
  }
  return authors;
}
