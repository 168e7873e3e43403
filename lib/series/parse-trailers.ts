import type { Trailer, TrailerKind } from './series-types';
import { patchLayout } from './patch-layout';
import { embeddedPatchMark } from './embedded-patch';

/** Tokens we name; any other `Something-by:` is kept as `other`. Keys are lowercase. */
const KINDS: Record<string, TrailerKind> = {
  'reviewed-by': 'reviewed-by',
  'acked-by': 'acked-by',
  'tested-by': 'tested-by',
  'signed-off-by': 'signed-off-by',
  'reported-by': 'reported-by',
  'suggested-by': 'suggested-by',
  'co-developed-by': 'co-developed-by',
  fixes: 'fixes',
  link: 'link',
  closes: 'closes',
  cc: 'cc',
};

// A trailer line at column 0: `Reviewed-by: Ann <ann@example.org>`, `Fixes: 1234abcd ("x")`.
// Indented lines are never trailers (b4 agrees): a reviewer *suggesting* tags indents them.
const RE_TRAILER = /^([A-Za-z][A-Za-z0-9-]{0,62}):[ \t]*(\S.*)$/;

// Outlook/HTML-gateway junk inside an address: `<ann@example.org<mailto:ann@example.org>>`.
const RE_MAILTO_JUNK = /<mailto:[^<>]*>/gi;

// The address in `Name <addr@host>`.
const RE_ANGLE_ADDRESS = /<([^<>\s]+@[^<>\s]+)>/;

// A bare address: `ann@example.org`, optionally followed by a comment (`# v5.10+`).
const RE_BARE_ADDRESS = /^([^<>\s]+@[^<>\s]+)/;

// `Fixes: 1234567890ab ("subsys: fix the thing")`; the subject is optional.
const RE_FIXES = /^([0-9a-f]{7,40})\b(?:[ \t]*\("(.*)"\))?/i;

// The URL of `Link:`/`Closes:`: `https://lore.kernel.org/r/…`.
const RE_URL = /https?:\/\/[^\s<>"]+/;

// A person's name wrapped in quotes: `"Doe, Jane"`.
const RE_QUOTED = /^"(.*)"$/;

// The signature separator (RFC 3676 §4.3 `-- `, and the common `--` without its space).
const RE_SIGNATURE = /^--[ \t]?$/;

// Where Outlook-style replies paste the whole original unquoted.
const RE_ORIGINAL_MESSAGE = /^-{2,}[ \t]*Original Message[ \t]*-{2,}/i;

/** Parse one line as a trailer we care about, or null. */
export function parseTrailerLine(line: string): Trailer | null {
  const m = RE_TRAILER.exec(line.length > 2000 ? line.slice(0, 2000) : line);
  if (!m) return null;
  const label = m[1]!;
  const lower = label.toLowerCase();
  const kind: TrailerKind | undefined =
    KINDS[lower] ?? (lower.endsWith('-by') ? 'other' : undefined);
  if (!kind) return null;
  const value = m[2]!.replace(RE_MAILTO_JUNK, '').trim();
  const trailer: Trailer = { kind, label, value, name: '', address: '' };
  if (kind === 'fixes') {
    const f = RE_FIXES.exec(value);
    if (!f) return null;
    trailer.sha = f[1]!;
    if (f[2] !== undefined) trailer.fixesSubject = f[2];
  } else if (kind === 'link' || kind === 'closes') {
    const url = RE_URL.exec(value);
    if (url) trailer.url = url[0];
    else if (kind === 'link') return null;
  } else {
    const angle = RE_ANGLE_ADDRESS.exec(value);
    const bare = angle ? null : RE_BARE_ADDRESS.exec(value);
    const address = angle?.[1] ?? bare?.[1] ?? '';
    if (kind === 'cc' && address === '') return null;
    trailer.address = address;
    const name = angle ? value.slice(0, value.indexOf('<')).trim() : address ? '' : value;
    trailer.name = name.replace(RE_QUOTED, '$1');
    if (kind === 'cc' && address.toLowerCase() === 'stable@vger.kernel.org') trailer.stable = true;
  }
  return trailer;
}

/** The trailers of a patch's commit message (everything before its `---` line or diff). */
export function parsePatchTrailers(body: string): Trailer[] {
  const layout = patchLayout(body);
  const out: Trailer[] = [];
  for (let i = 0; i < layout.messageEnd; i++) {
    const t = parseTrailerLine(layout.lines[i]!);
    if (t) out.push(t);
  }
  return out;
}

// Chain-of-custody tags only the submitter adds; a reply carrying one (Outlook pasting the
// original unquoted, a maintainer's "applied" note) must not be read as a new tag.
const NOT_FROM_REPLIES: ReadonlySet<TrailerKind> = new Set([
  'signed-off-by',
  'co-developed-by',
  'cc',
]);

/**
 * Trailers a reply gives: its own (unquoted) lines only, up to the signature. Quoted
 * lines (`> Reviewed-by: …`) belong to someone else and are skipped.
 *
 * A reply may carry a patch of its own (a reviewer's fix-up below a scissors line, or
 * `git format-patch` output pasted in): reading stops where it starts, and when only its
 * `---` line or diff shows where (no header before), the trailer paragraph just above
 * is that patch's own and is dropped too. Its `Link:` and `Reported-by:` are not review.
 */
export function parseReplyTrailers(body: string): Trailer[] {
  const lines = body.split('\n');
  const out: Trailer[] = [];
  // Where in `out` the last paragraph's trailers start (blank lines after it keep it last).
  let paragraphStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (RE_SIGNATURE.test(line) || RE_ORIGINAL_MESSAGE.test(line)) break;
    const mark = embeddedPatchMark(lines, i);
    if (mark === 'body') out.length = paragraphStart;
    if (mark !== null) break;
    if (line.trim() === '') continue;
    if (i === 0 || lines[i - 1]!.trim() === '') paragraphStart = out.length;
    if (line.startsWith('>')) continue;
    const t = parseTrailerLine(line);
    if (t && !NOT_FROM_REPLIES.has(t.kind)) out.push(t);
  }
  return out;
}

/**
 * Identity of a trailer for de-duplication: the same tag with the same value counts once,
 * case aside (b4's `LoreTrailer.__eq__`). One address under two names is two trailers,
 * as b4 keeps them: `Reviewed-by: Ann <a@x>` and `Reviewed-by: Ann (corp) <a@x>`.
 */
export function trailerKey(t: Trailer): string {
  const who =
    t.kind === 'fixes'
      ? (t.sha ?? '').slice(0, 12)
      : t.address
        ? `${t.name} <${t.address}>`
        : t.value.replace(/\s+/g, ' ');
  return `${t.kind}\u0000${t.label.toLowerCase()}\u0000${who.toLowerCase()}`;
}

// RFC 5322 specials: a display name holding one must be quoted (`"Doe, Jane" <j@x>`).
const RE_NAME_SPECIALS = /[()<>[\]:;@\\,."]/;

/** A display name as an address header or trailer writes it: quoted when it has specials. */
export function displayName(name: string): string {
  return RE_NAME_SPECIALS.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : name;
}

/**
 * `Reviewed-by: Name <addr>` as it goes into a commit message. A person's name with
 * specials is quoted, as b4 (Python's formataddr) writes it: `"Ann (corp)" <ann@x>`.
 */
export function formatTrailer(t: Trailer): string {
  if (t.name && t.address && t.value.endsWith('>')) {
    return `${t.label}: ${displayName(t.name)} <${t.address}>`;
  }
  return `${t.label}: ${t.value}`;
}
