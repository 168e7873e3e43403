import { messagePath } from '../urls';

/** The series view of the series holding a message (see docs/design.md's URL contract). */
export function seriesPath(list: string, messageId: string): string {
  return `${messagePath(list, messageId)}series`;
}

/** The series as a `git am`-ready mbox. */
export function seriesMboxPath(list: string, messageId: string): string {
  return `${messagePath(list, messageId)}series.mbox`;
}
