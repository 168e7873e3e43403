/**
 * Dates as mail clients write them in attribution lines, to ISO 8601.
 * With a zone (`+0200`, `UTC`, `CEST`) the result is UTC (`2018-04-24T11:54:29.000Z`);
 * without one it is the wall-clock time with no zone (`2018-04-25T01:06:00.000`), because
 * inventing an offset would be a lie. Unparseable dates give null; the caller keeps the raw text.
 */

// Month names and abbreviations in the languages attribution lines come in (en, de, fr, es,
// it, nl), accents removed, lower case. Longest first so `juillet` is not read as `jui...`.
const MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['january', 1],
  ['januar', 1],
  ['janvier', 1],
  ['januari', 1],
  ['enero', 1],
  ['gennaio', 1],
  ['jan', 1],
  ['ene', 1],
  ['gen', 1],
  ['february', 2],
  ['februar', 2],
  ['fevrier', 2],
  ['februari', 2],
  ['febrero', 2],
  ['febbraio', 2],
  ['feb', 2],
  ['fev', 2],
  ['febr', 2],
  ['march', 3],
  ['marz', 3],
  ['mars', 3],
  ['maart', 3],
  ['marzo', 3],
  ['mar', 3],
  ['mrt', 3],
  ['april', 4],
  ['avril', 4],
  ['abril', 4],
  ['aprile', 4],
  ['apr', 4],
  ['avr', 4],
  ['abr', 4],
  ['may', 5],
  ['mai', 5],
  ['mei', 5],
  ['mayo', 5],
  ['maggio', 5],
  ['mag', 5],
  ['june', 6],
  ['juni', 6],
  ['juin', 6],
  ['junio', 6],
  ['giugno', 6],
  ['jun', 6],
  ['giu', 6],
  ['july', 7],
  ['juli', 7],
  ['juillet', 7],
  ['julio', 7],
  ['luglio', 7],
  ['jul', 7],
  ['juil', 7],
  ['lug', 7],
  ['august', 8],
  ['aout', 8],
  ['augustus', 8],
  ['agosto', 8],
  ['aug', 8],
  ['ago', 8],
  ['september', 9],
  ['septembre', 9],
  ['septiembre', 9],
  ['settembre', 9],
  ['sep', 9],
  ['sept', 9],
  ['set', 9],
  ['october', 10],
  ['oktober', 10],
  ['octobre', 10],
  ['octubre', 10],
  ['ottobre', 10],
  ['oct', 10],
  ['okt', 10],
  ['ott', 10],
  ['november', 11],
  ['novembre', 11],
  ['noviembre', 11],
  ['nov', 11],
  ['december', 12],
  ['dezember', 12],
  ['decembre', 12],
  ['diciembre', 12],
  ['dicembre', 12],
  ['dec', 12],
  ['dez', 12],
  ['dic', 12],
];
const MONTH_BY_NAME = new Map(MONTHS);

// Zone abbreviations seen in attributions, in minutes east of UTC.
const ZONES = new Map<string, number>([
  ['utc', 0],
  ['gmt', 0],
  ['z', 0],
  ['ut', 0],
  ['cet', 60],
  ['cest', 120],
  ['mez', 60],
  ['mesz', 120],
  ['bst', 60],
  ['eet', 120],
  ['eest', 180],
  ['est', -300],
  ['edt', -240],
  ['cst', -360],
  ['cdt', -300],
  ['mst', -420],
  ['mdt', -360],
  ['pst', -480],
  ['pdt', -420],
  ['ist', 330],
  ['jst', 540],
]);

// A time, 12- or 24-hour (`13h54` is not supported). Example: `01:54:29PM`, `1:06 AM`, `22:50`.
const RE_TIME = /(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*([ap]\.?m\.?)?/i;
// `+0200`, `-07:00` after a time. Example: `13:49:18 +0200`.
const RE_OFFSET = /(?:^|[\s(])([+-])(\d{2}):?(\d{2})(?![\d:])/;
// An ISO date. Example: `On 2024-09-25 11:01, Ard Biesheuvel wrote:`.
const RE_ISO_DATE = /(\d{4})-(\d{1,2})-(\d{1,2})/;
// `24.04.2018`, `12/19/25`, `24-04-2018`. Example: `Am 24.04.2018 um 13:54 schrieb ...`.
const RE_NUMERIC_DATE = /(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
// mutt's `%[%y%m%d %H:%M]` (YYMMDD, then a time), as in `* Name <addr> [180507 13:49]:`.
// The time must follow, so a bare six-digit number is never read as a date.
const RE_MUTT_DATE = /(?<!\d)(\d{2})(\d{2})(\d{2})(?=\s+\d{1,2}:\d{2}(?!\d))/;
// A word, accents allowed. Example: `avr`, `Dezember`.
const RE_WORD = /[a-z\u00c0-\u024f]+/gi;
// A run of digits. Example: `2018`.
const RE_NUMBER = /\d+/g;

export function parseAttributionDate(raw: string): string | null {
  const text = raw.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const day = findDay(text);
  if (!day) return null;
  const time = RE_TIME.exec(text.slice(day.end));
  let hour = 0;
  let minute = 0;
  let second = 0;
  let zone: number | null = null;
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    second = Number(time[3] ?? 0);
    const ampm = time[4]?.toLowerCase().replace(/\./g, '');
    if (ampm === 'pm' && hour < 12) hour += 12;
    if (ampm === 'am' && hour === 12) hour = 0;
    const rest = text.slice(day.end + time.index + time[0].length);
    zone = findZone(rest);
  }
  if (hour > 23 || minute > 59 || second > 60) return null;
  const ms = Date.UTC(day.year, day.month - 1, day.day, hour, minute, second);
  const check = new Date(Date.UTC(day.year, day.month - 1, day.day));
  if (check.getUTCDate() !== day.day || check.getUTCMonth() !== day.month - 1) return null;
  if (!time) return new Date(ms).toISOString().slice(0, 10);
  if (zone === null) return new Date(ms).toISOString().slice(0, -1);
  return new Date(ms - zone * 60_000).toISOString();
}

interface DayPart {
  year: number;
  month: number;
  day: number;
  /** Index in the text after the date part, where the time is looked for. */
  end: number;
}

function findDay(text: string): DayPart | null {
  const iso = RE_ISO_DATE.exec(text);
  if (iso) return day(+iso[1]!, +iso[2]!, +iso[3]!, iso.index + iso[0].length);
  const numeric = RE_NUMERIC_DATE.exec(text);
  if (numeric) {
    const a = +numeric[1]!;
    const b = +numeric[3]!;
    const year = normaliseYear(+numeric[4]!);
    const end = numeric.index + numeric[0].length;
    // Slashes are US order (Thunderbird en-US `12/19/25 7:40 AM`) unless the first
    // number cannot be a month; dots and dashes are day first (de, nl, en-GB).
    const monthFirst = numeric[2] === '/' && a <= 12 && (b > 12 || /[ap]\.?m/i.test(text));
    return monthFirst ? day(year, a, b, end) : day(year, b, a, end);
  }
  const mutt = RE_MUTT_DATE.exec(text);
  if (mutt) return day(normaliseYear(+mutt[1]!), +mutt[2]!, +mutt[3]!, mutt.index + mutt[0].length);
  return findNamedMonthDay(text);
}

// `Tue, Apr 24, 2018`, `24 Apr 2018`, `Sat. 7 Dec. 2024`, `mar. 24 avr. 2018`.
function findNamedMonthDay(text: string): DayPart | null {
  // Day and year: the numbers nearest the month, before the time.
  const numbers = [...text.matchAll(RE_NUMBER)].filter(
    (n) => !isTimePart(text, n.index, n[0].length),
  );
  const year = numbers.find((n) => n[0].length === 4);
  // Weekday abbreviations can be month names too (fr/es `mar.` = mardi/martes), so the
  // month is the month word nearest before the year.
  let month = 0;
  let monthStart = 0;
  let monthEnd = 0;
  for (const m of text.matchAll(RE_WORD)) {
    if (year && m.index > year.index) break;
    const found = MONTH_BY_NAME.get(m[0].toLowerCase());
    if (found) {
      month = found;
      monthStart = m.index;
      monthEnd = m.index + m[0].length;
      if (!year) break;
    }
  }
  if (!month || !year) return null;
  const dayNumber =
    numbers.find((n) => n.index >= monthEnd && n[0].length <= 2 && n.index < year.index) ??
    [...numbers].reverse().find((n) => n.index < monthStart && n[0].length <= 2);
  if (!dayNumber) return null;
  const end = Math.max(year.index + 4, dayNumber.index + dayNumber[0].length, monthEnd);
  return day(+year[0], month, +dayNumber[0], end);
}

function isTimePart(text: string, index: number, length: number): boolean {
  return text[index - 1] === ':' || text[index + length] === ':';
}

function findZone(rest: string): number | null {
  const offset = RE_OFFSET.exec(rest);
  if (offset) {
    const minutes = Number(offset[2]) * 60 + Number(offset[3]);
    return offset[1] === '-' ? -minutes : minutes;
  }
  for (const w of rest.matchAll(RE_WORD)) {
    const zone = ZONES.get(w[0].toLowerCase());
    if (zone !== undefined) return zone;
  }
  return null;
}

function normaliseYear(year: number): number {
  return year < 100 ? 2000 + year : year;
}

function day(year: number, month: number, dayOfMonth: number, end: number): DayPart | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31 || year < 1970 || year > 2200)
    return null;
  return { year, month, day: dayOfMonth, end };
}
