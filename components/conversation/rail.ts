/**
 * Rail colour of a quote depth, the same tokens as the thread page's quote boxes
 * (app/globals.css), so a person's colour matches in both views. Depth 0 (the sender)
 * has no quote colour there; here it gets the muted text colour.
 */
export function railColour(depth: number): string {
  return depth === 0 ? 'var(--fg-muted)' : `var(--quote-${((depth - 1) % 6) + 1})`;
}

/** `>>> depth 3`: the markers, capped like the thread page badge, and the number. */
export function depthBadge(depth: number): string {
  return depth === 0 ? 'depth 0' : `${'>'.repeat(Math.min(depth, 8))} depth ${depth}`;
}
