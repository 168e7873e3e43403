/**
 * `target.push(...items)` without the spread: spreading passes every item as an argument
 * on the stack, and a hostile message with a million lines overflows it.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
