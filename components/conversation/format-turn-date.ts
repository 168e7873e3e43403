// `…T01:06:00.000Z` or `…+02:00`: the date says its zone.
const RE_HAS_ZONE = /(?:[zZ]|[+-]\d\d:?\d\d)$/;

// `2018-04-24`: a day without a time.
const RE_DAY_ONLY = /^\d{4}-\d\d-\d\d$/;

const DAY = { weekday: 'short', month: 'short', day: '2-digit', year: 'numeric' } as const;
const TURN_DAY = new Intl.DateTimeFormat('en-US', { ...DAY, timeZone: 'UTC' });
const TURN_TIME = new Intl.DateTimeFormat('en-US', {
  ...DAY,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/**
 * `Tue, Apr 24, 2018, 11:54 UTC` for a turn's ISO date. Attribution dates without a zone (`On Wed, Apr 25, 2018 at 1:06 AM`) are the writer's
 * wall-clock time: read them as UTC so the label shows what was written, whatever the
 * server's zone, and do not claim it is UTC.
 */
export function formatTurnDate(date: string | null): string | null {
  if (!date) return null;
  if (RE_DAY_ONLY.test(date)) {
    const day = Date.parse(date);
    return Number.isNaN(day) ? date : TURN_DAY.format(day);
  }
  const zoned = RE_HAS_ZONE.test(date);
  const value = Date.parse(zoned ? date : `${date}Z`);
  if (Number.isNaN(value)) return date;
  return `${TURN_TIME.format(value)}${zoned ? ' UTC' : ''}`;
}
