import type { Author } from '../types';
import { parseAttributionDate } from './parse-attribution-date';
import { MAX_ATTRIBUTION_CHARS } from '../limits';

/*
 * Attribution lines, one regex per client family. Every regex runs on a line already
 * capped at MAX_ATTRIBUTION_CHARS, so even its worst-case backtracking is bounded.
 */

// mutt, Gmail, Thunderbird, Evolution, Apple Mail: the date and the name between `On` and `wrote:`.
// Example: `On Tue, Apr 24, 2018 at 01:54:29PM +0200, Sedat Dilek wrote:`
const RE_ON_WROTE = /^On (.+) (?:wrote|writes|said):$/;
// Example: `Am Samstag, dem 07.12.2024 um 22:50 +0900 schrieb Vincent Mailhol:`
const RE_DE = /^Am (.+?),? schrieb (.+):$/;
// Example: `Le mar. 24 avr. 2018 à 13:54, Sedat Dilek <sedat.dilek@gmail.com> a écrit :`
const RE_FR = /^Le (.+) a écrit ?:$/;
// Example: `El mar., 24 abr. 2018 a las 13:54, Sedat Dilek (<sedat@x.org>) escribió:`
const RE_ES = /^El (.+) escribió:$/;
// Example: `Il giorno mar 24 apr 2018 alle ore 13:54 Sedat Dilek <s@x.org> ha scritto:`
const RE_IT = /^Il (.+) ha scritto:$/;
// Example: `Op di 24 apr. 2018 om 13:54 schreef Sedat Dilek <s@x.org>:`
const RE_NL = /^Op (.+?) schreef (.+):$/;
// Thunderbird in Danish, Norwegian and Swedish. Example: `Den 2026-01-09 kl. 22:26, skrev Bart Van Assche:`
const RE_DA = /^Den (.+?),? skrev (.+):$/;
// Horde IMP in German (its `Quoting Name <addr>:`). Example: `Zitat von Sedat Dilek <sedat.dilek@gmail.com>:`
const RE_ZITAT = /^Zitat von (.+):$/;
// Example: `Quoting Stephen Boyd (2018-04-25 10:23:01)` (git-send-email era kernel folks).
const RE_QUOTING = /^Quoting ([^()]+?)(?: \(([^()]+)\))?:?$/;
// mutt with `set attribution="* %n <%a> [%{%Y-%m-%d %H:%M}]:"`. Example: `* Ingo Molnar <mingo@kernel.org> [2018-04-24 13:54]:`
const RE_STAR_BRACKET = /^\* (.+?) \[([^\][]+)\]:$/;
// No date: `Name <addr> wrote:`, `Name wrote:`, `* Name <addr> wrote:`, Gnus `Name <addr> writes:`.
const RE_NAME_WROTE = /^(?:\* )?(.+?) (?:wrote|writes|said|schrieb):$/;

// The end of the date in `Tue, 16 Nov 2010 23:22:58 +0000 Mark Brown` (no comma before the name):
// a time with its AM/PM and zone, or a year. Example match: `23:22:58 +0000`.
const RE_DATE_TAIL =
  /\d{1,2}:\d{2}(?::\d{2})?(?: ?[AaPp]\.?[Mm]\.?)?(?: [+-]\d{4})?(?: \([A-Za-z]{2,5}\))?(?: [A-Z]{2,5}(?= ))?|\b\d{4}\b/g;
// A time or a year means a `, ` split left part of the date in the name.
const RE_DATE_LIKE = /\d:\d\d|\b(?:19|20)\d\d\b|[+-]\d{4}\b/;
// Words that start prose, not names: `On Monday, I wrote:`, `Then someone wrote:`.
const RE_NOT_A_NAME =
  /^(?:i|we|you|he|she|they|it|this|that|the|as|then|also|someone|somebody|and|but|what|which|who|here|there)$/i;
// Words that start prose and real names alike: `On Monday, so we wrote:` but
// `On Monday, So Yeon Kim wrote:`, `An Nguyen wrote:`, `A. J. Smith wrote:`.
const RE_PROSE_OR_NAME = /^(?:a|an|so)$/i;
// A word of a personal name: `Sedat`, `K.`, `O'Brien`, `Jean-Pierre`, `Ærø`.
const RE_NAME_WORD = /^[\p{Lu}\p{Lt}][\p{L}\p{M}'.-]*$/u;
const RE_NAME_PARTICLE = /^(?:van|von|der|den|de|da|di|du|la|le|del|dos|das|bin|al|y|zu|ten|ter)$/;

/**
 * Read one attribution line (markers removed; a wrapped attribution joined into one
 * line). Returns who is quoted below it, or null when the line is not an attribution.
 */
export function parseAttribution(line: string): Author | null {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > MAX_ATTRIBUTION_CHARS || !text.endsWith(':')) return null;
  let m: RegExpExecArray | null;
  if ((m = RE_ON_WROTE.exec(text))) return fromDateAndName(m[1]!, false);
  if ((m = RE_DE.exec(text)) || (m = RE_NL.exec(text)) || (m = RE_DA.exec(text)))
    return author(m[2]!, m[1]!, false);
  // No date to anchor it: the name must look like one (`Zitat von meinem Kollegen:` is prose).
  if ((m = RE_ZITAT.exec(text))) return author(m[1]!, undefined, true);
  if ((m = RE_FR.exec(text)) || (m = RE_ES.exec(text)) || (m = RE_IT.exec(text)))
    return fromDateAndName(m[1]!, false);
  if ((m = RE_STAR_BRACKET.exec(text))) return author(m[1]!, m[2]!, false);
  if ((m = RE_NAME_WROTE.exec(text))) return author(m[1]!, undefined, true);
  return null;
}

/** `Quoting Name (date):` also comes without the colon, so it is checked on its own. */
export function parseQuotingAttribution(line: string): Author | null {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length > MAX_ATTRIBUTION_CHARS) return null;
  const m = RE_QUOTING.exec(text);
  return m ? author(m[1]!, m[2], false) : null;
}

// `Tue, Apr 24, 2018 at 01:54:29PM +0200, Sedat Dilek` → date and name.
function fromDateAndName(inner: string, strict: boolean): Author | null {
  const comma = lastCommaOutsideQuotes(inner);
  if (comma >= 0) {
    const name = inner.slice(comma + 2);
    if (!RE_DATE_LIKE.test(stripAddresses(name)))
      return author(name, inner.slice(0, comma), strict);
  }
  let end = -1;
  for (const m of inner.matchAll(RE_DATE_TAIL)) end = m.index + m[0].length;
  if (end < 0) return author(inner, undefined, strict);
  return author(inner.slice(end).replace(/^[\s,]+/, ''), inner.slice(0, end), strict);
}

function lastCommaOutsideQuotes(text: string): number {
  let inQuotes = false;
  let last = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === ',' && !inQuotes && text[i + 1] === ' ') last = i;
  }
  return last;
}

/** Build an Author from a name field and a date field as written; null if no name is in it. */
// `Name <a@b>`, `Name (<a@b>)`, `a@b [mailto:a@b]`, `<a@b>`, `"Last, First" <a@b>`, `a@b`.
export function author(
  rawName: string,
  rawDate: string | undefined,
  strict: boolean,
): Author | null {
  const address = findAddress(rawName);
  let name = stripAddresses(rawName)
    .replace(/^["'\s]+|["'\s]+$/g, '')
    .replace(/\s+/g, ' ');
  if (name === '' && address) name = address;
  if (name === '' || name.length > 100 || !/\p{L}/u.test(name)) return null;
  if (!address && !looksLikeName(name, strict)) return null;
  const result: Author = { name };
  if (address) result.address = address;
  const dateText = rawDate?.trim();
  if (dateText) result.date = parseAttributionDate(dateText) ?? dateText;
  return result;
}

function findAddress(text: string): string | undefined {
  const angle = /<([^<>\s]+(?:@| at )[^<>]*)>/.exec(text);
  if (angle) return angle[1]!.trim();
  const mailto = /\[mailto:([^\]\s]+)\]/.exec(text);
  if (mailto) return mailto[1];
  const bare = /^\S+@\S+$/.exec(text.trim());
  return bare ? bare[0] : undefined;
}

function stripAddresses(text: string): string {
  return text
    .replace(/\(?<[^<>]*>\)?/g, ' ')
    .replace(/\[mailto:[^\]]*\]/g, ' ')
    .replace(/^\s*\S+@\S+\s*$/, '')
    .trim();
}

// Without an address, a name is 1-6 words; strictly (no `On <date>` before it) every word
// must be capitalised or a particle, so `the patch wrote:` or `Then I wrote:` is prose.
function looksLikeName(name: string, strict: boolean): boolean {
  const words = name.split(' ');
  if (words.length > 6 || RE_NOT_A_NAME.test(words[0]!)) return false;
  // `So`, `A`, `An` start a name only as the first of two or more capitalised name words.
  if (RE_PROSE_OR_NAME.test(words[0]!) && !isCapitalisedName(words)) return false;
  if (!strict) return !/[.!?;]$/.test(name) && !/^[a-z]+ [a-z]+ /.test(name);
  return words.every((w) => RE_NAME_WORD.test(w) || RE_NAME_PARTICLE.test(w));
}

function isCapitalisedName(words: readonly string[]): boolean {
  return (
    words.length >= 2 &&
    words.every((w) => RE_NAME_WORD.test(w) || RE_NAME_PARTICLE.test(w)) &&
    !words.some((w) => RE_NOT_A_NAME.test(w))
  );
}
