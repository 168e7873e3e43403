/** Dates as readers expect them on a list: `2018-05-07 18:49 UTC`; raw text when unparsed. */
export function formatDate(iso: string | null, raw?: string | null): string {
  if (!iso) return raw ?? 'no date';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Short date for quote summaries: `Apr 24, 2018`. */
export function formatShortDate(iso: string | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  return d.toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** A thread's replies on a list page, from its message count: `no replies`, `1 reply`, `8 replies`. */
export function formatReplies(messages: number): string {
  const replies = Math.max(0, messages - 1);
  if (replies === 0) return 'no replies';
  return replies === 1 ? '1 reply' : `${replies} replies`;
}
