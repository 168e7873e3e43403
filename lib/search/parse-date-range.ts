import type { QueryResult } from './query-types';

const DAY_MS = 86_400_000;

// `20180401`, `2018-04-01`, `201804`, `2018-04`, `2018`, `20180401123000`
const RE_ABSOLUTE = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:T?(\d{2}):?(\d{2}):?(\d{2}))?)?)?$/;

// `2.weeks.ago`, `3.days.ago`, `1.year.ago`
const RE_RELATIVE = /^(\d{1,5})\.([a-z]{1,7})\.ago$/;

/** Units of `N.units.ago`, singular, in lore's spelling and common short forms. */
const UNITS: Record<string, 'ms' | 'month' | 'year'> = {
  second: 'ms',
  sec: 'ms',
  minute: 'ms',
  min: 'ms',
  hour: 'ms',
  day: 'ms',
  week: 'ms',
  month: 'month',
  year: 'year',
};
const UNIT_MS: Record<string, number> = {
  second: 1000,
  sec: 1000,
  minute: 60_000,
  min: 60_000,
  hour: 3_600_000,
  day: DAY_MS,
  week: 7 * DAY_MS,
};

const HELP = 'use YYYYMMDD, YYYY-MM-DD, today, yesterday or N.days.ago (also weeks, months, years)';

/** One date expression as the interval it names, in epoch ms: `20180401` is that whole day. */
function parseOne(text: string, now: Date): { lo: number; hi: number } | null {
  const t = text.toLowerCase();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (t === 'now') return { lo: now.getTime(), hi: now.getTime() };
  if (t === 'today') return { lo: today, hi: today + DAY_MS };
  if (t === 'yesterday') return { lo: today - DAY_MS, hi: today };
  const rel = RE_RELATIVE.exec(t);
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2]!.replace(/s$/, '');
    const kind = UNITS[unit];
    if (!kind) return null;
    const d = new Date(now.getTime());
    if (kind === 'ms') d.setTime(d.getTime() - n * UNIT_MS[unit]!);
    else if (kind === 'month') d.setUTCMonth(d.getUTCMonth() - n);
    else d.setUTCFullYear(d.getUTCFullYear() - n);
    return Number.isFinite(d.getTime()) ? { lo: d.getTime(), hi: d.getTime() } : null;
  }
  const abs = RE_ABSOLUTE.exec(t);
  if (!abs) return null;
  const [y, mo, da, h, mi, s] = abs.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  if (mo !== undefined && (mo < 1 || mo > 12)) return null;
  const lo = Date.UTC(y!, (mo ?? 1) - 1, da ?? 1, h ?? 0, mi ?? 0, s ?? 0);
  const back = new Date(lo);
  // Date.UTC rolls 2018-02-31 over into March: refuse instead of guessing.
  if (da !== undefined && back.getUTCDate() !== da) return null;
  if (h !== undefined && (h > 23 || mi! > 59 || s! > 59)) return null;
  let hi: number;
  if (s !== undefined) hi = lo + 1000;
  else if (da !== undefined) hi = lo + DAY_MS;
  else if (mo !== undefined) hi = Date.UTC(y!, mo, 1);
  else hi = Date.UTC(y! + 1, 0, 1);
  return { lo, hi };
}

/**
 * A `d:` value as a half-open UTC interval, like lore: `20180401..20180510` includes
 * all of 10 May, `2.weeks.ago..` has no end, a single day means that day and a single
 * moment (`d:3.days.ago`) means since then.
 */
export function parseDateRange(
  text: string,
  now: Date,
): QueryResult<{ from: string | null; to: string | null }> {
  const dots = text.indexOf('..');
  const [a, b] = dots < 0 ? [text, text] : [text.slice(0, dots), text.slice(dots + 2)];
  if (!a && !b) return { ok: false, error: `d:${text} needs at least one date: ${HELP}` };
  const lo = a ? parseOne(a, now) : null;
  const hi = b ? parseOne(b, now) : null;
  if ((a && !lo) || (b && !hi)) {
    return { ok: false, error: `cannot read the date '${a && !lo ? a : b}' in d:${text}: ${HELP}` };
  }
  const from = lo ? lo.lo : null;
  // A moment alone (`d:2.weeks.ago`, `d:now`) means "since then".
  const to = !hi || (dots < 0 && hi.lo === hi.hi) ? null : hi.hi;
  if (from !== null && to !== null && from >= to) {
    return { ok: false, error: `the date range d:${text} ends before it starts` };
  }
  return {
    ok: true,
    value: {
      from: from === null ? null : new Date(from).toISOString(),
      to: to === null ? null : new Date(to).toISOString(),
    },
  };
}
