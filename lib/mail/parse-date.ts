/**
 * Dates as mail writes them. Both parsers return a UTC ISO string or null, never throw:
 * a bad date is shown as written (dateRaw) rather than losing the message.
 */
import { MAX_DATE_CHARS } from '../limits';

/** Years outside this range are typos or fuzzing (`Date: ... 21017`), not real mail. */
const MIN_YEAR = 1970;
const MAX_YEAR = 9999;

/** Zone abbreviations seen in archives, as minutes east of UTC. */
const ZONE_OFFSETS: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function toIso(ms: number): string | null {
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR ? new Date(ms).toISOString() : null;
}

// A zone V8's parser understands, e.g. `-0700`, `GMT+0200`, `UT`, `EST`, `Z`.
const RE_HAS_ZONE = /[+-]\d{4}(?!\d)|\b(?:UTC?|GMT|Z|[ECMP][SD]T)\b/i;

// A month (`May`, `june`) or an ISO day (`2018-05-07`): V8 alone would read `+0000` or
// `Wg>` as 2000-01-01, so a date must at least name its month...
const RE_HAS_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}-\d\d-\d\d/i;

// ...and its time of day, e.g. `13:49`.
const RE_HAS_TIME = /\d:\d\d/;

/**
 * An RFC 5322 `Date:` value (`Mon, 7 May 2018 11:49:18 -0700 (PDT)`) as UTC ISO.
 * V8's Date parser is the same lenient one mailparser uses; we only refuse what it
 * cannot read instead of substituting "now" as mailparser does.
 */
export function parseMailDate(raw: string): string | null {
  const text = raw.slice(0, MAX_DATE_CHARS).trim();
  if (!RE_HAS_MONTH.test(text) || !RE_HAS_TIME.test(text)) return null;
  // A date without a zone would be read in the server's local time; RFC 5322 makes the
  // zone mandatory, so read such dates as UTC and keep results independent of the host.
  return toIso(Date.parse(RE_HAS_ZONE.test(text) ? text : `${text} +0000`));
}

// lkml.iu.edu's rendering, e.g. `Mon May 07 2018 - 13:49:18 EST` (weekday optional,
// zone a name or `+0200`). Each part is bounded, so no backtracking blow-up.
const RE_ARCHIVE_DATE =
  /^(?:[A-Za-z]{3,9},?[ \t]+)?([A-Za-z]{3})[a-z]{0,6}[ \t]+(\d{1,2}),?[ \t]+(\d{4})[ \t]+(?:-[ \t]+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[ \t]+([A-Za-z]{1,5}|[+-]\d{4}))?$/;

/**
 * An archive page's date as UTC ISO. lkml.iu.edu writes "EST" all year round and
 * means UTC-5, so each zone name is taken literally, not as a daylight-saving guess.
 * Falls back to parseMailDate for pages that print an RFC 5322 date.
 */
export function parseArchiveDate(raw: string): string | null {
  const text = raw.slice(0, MAX_DATE_CHARS).trim();
  const m = RE_ARCHIVE_DATE.exec(text);
  if (!m) return parseMailDate(text);
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  if (month < 0) return null;
  const zone = m[7] ?? 'UTC';
  let offset: number | undefined;
  if (/^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offset = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  } else offset = ZONE_OFFSETS[zone.toUpperCase()];
  if (offset === undefined) return null;
  const [day, year, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const local = Date.UTC(year!, month, day!, hour!, minute!, second!);
  const check = new Date(local);
  // Reject rollovers such as Feb 31 or 25:00 instead of silently moving the date.
  if (
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  )
    return null;
  return toIso(local - offset * 60_000);
}
