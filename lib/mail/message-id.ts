import { createHash } from 'node:crypto';
import { MAX_MESSAGE_ID_LENGTH, MAX_REFERENCES } from '../limits';

/** Domain of synthesised ids: `.invalid` is reserved (RFC 2606), so it never clashes with real mail. */
const SYNTHETIC_DOMAIN = 'threadlight.invalid';

// One `<...>` group without nested brackets, e.g. `<20180507184918.GA1@google.com>`.
// `[^<>]*` cannot backtrack into itself, so a scan is linear even on 1 MB of `<<<<`.
const RE_BRACKETED = /<([^<>]*)>/g;

// The first such group. Kept apart from RE_BRACKETED: a shared /g regex carries
// lastIndex between calls, and matchAll starts its copy from there.
const RE_FIRST_BRACKETED = /<([^<>]*)>/;

// One whitespace or control character, e.g. either half of the fold in `<abc\r\n def@x>`.
const RE_SPACE_OR_CONTROL = /[\s\x00-\x1f\x7f]/;
const RE_SPACE_OR_CONTROL_ALL = /[\s\x00-\x1f\x7f]+/g;

// Whitespace that is text inside a quoted string (space, tab, NBSP…), not a line break
// or another control character.
const RE_BLANK = /[^\S\r\n]/;

// A bare token between separators, e.g. `abc@x` in `In-Reply-To: abc@x, def@y`.
const RE_BARE_TOKEN = /[^\s,;<>()"]+/g;

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A stable id for a message that has none: the same bytes always give the same id,
 * so re-importing a file does not duplicate its id-less messages.
 */
export function syntheticMessageId(raw: Buffer): string {
  return `${sha256Hex(raw).slice(0, 32)}@${SYNTHETIC_DOMAIN}`;
}

/**
 * Where the last `"` that never closes is (quoted pairs `\"` inside a quoted string do not
 * count), or `text.length` when every quote closes. One linear pass.
 */
function unclosedQuote(text: string): number {
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') open = open === -1 ? i : -1;
    else if (c === '\\' && open !== -1 && isPairable(text, i + 1)) i++;
  }
  return open === -1 ? text.length : open;
}

/** Whether `text[i]` can follow a `\` as a quoted pair: any visible character. */
function isPairable(text: string, i: number): boolean {
  return i < text.length && !RE_SPACE_OR_CONTROL.test(text[i]!);
}

/**
 * Drop whitespace and control characters, except inside a closed quoted string
 * (`"john smith"@x`), where a run holding a blank is one space. RFC 5322 §3.2.4: in a
 * quoted local-part the blanks are part of the id, and only the CRLF of a fold goes;
 * outside quotes whitespace is CFWS, never part of it. Keeping the space keeps
 * `"john smith"@x` apart from a genuine `"johnsmith"@x`. One pass, linear.
 */
function stripSpace(inner: string): string {
  if (!inner.includes('"')) return inner.replace(RE_SPACE_OR_CONTROL_ALL, '');
  const quotedUpTo = unclosedQuote(inner);
  let out = '';
  let quoted = false;
  let blank = false;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (RE_SPACE_OR_CONTROL.test(c)) {
      if (quoted && RE_BLANK.test(c)) blank = true;
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
    if (c === '"' && i < quotedUpTo) quoted = !quoted;
    else if (c === '\\' && quoted && isPairable(inner, i + 1)) {
      // A quoted pair (`\"`, `\\`) is one character of the string, kept as written.
      out += inner[++i]!;
    }
  }
  return out;
}

/**
 * A Message-ID header value as a bare id: `  <abc@x> (comment)` → `abc@x`.
 * Folding whitespace and control characters are dropped, except blanks inside a quoted
 * local-part (`<"john  smith"@x>` → `"john smith"@x`); ids longer than
 * MAX_MESSAGE_ID_LENGTH are cut and suffixed with a hash of the whole, so two long
 * ids sharing a prefix stay distinct. Returns null when nothing usable is left.
 * Idempotent, so it also normalises an id read back from a URL (lib/route-path-header.ts).
 */
export function normalizeMessageId(raw: string): string | null {
  const bracketed = RE_FIRST_BRACKETED.exec(raw);
  const inner = bracketed ? bracketed[1]! : raw.replace(/[<>]/g, '');
  const id = stripSpace(inner);
  // `.` and `..` cannot be a URL path segment: browsers resolve them (even as `%2E%2E`,
  // per the WHATWG URL standard), so such a message could never be linked to.
  if (id === '' || id === '.' || id === '..') return null;
  if (id.length <= MAX_MESSAGE_ID_LENGTH) return id;
  const suffix = '-' + sha256Hex(id).slice(0, 16);
  // Stripped again: a cut inside a quoted string leaves its quote unclosed, which makes
  // the blanks after it droppable, and the stored id must read back the same from a URL.
  return stripSpace(id.slice(0, MAX_MESSAGE_ID_LENGTH - suffix.length) + suffix);
}

/**
 * Every id in an In-Reply-To or References value, in order. Real headers carry junk:
 * `Your message of "Mon, 1 Jan" <a@b>`, commas, ids without brackets, and
 * git-send-email's `<yes>`. Only ids with an `@` count, so thousands of `<yes>`
 * messages are not threaded under one ghost parent.
 */
export function extractMessageIds(headerValue: string): string[] {
  const ids: string[] = [];
  for (const m of headerValue.matchAll(RE_BRACKETED)) {
    const id = normalizeMessageId(m[1]!);
    if (id !== null && id.includes('@')) ids.push(id);
  }
  if (ids.length > 0 || headerValue.includes('<')) return ids;
  // No brackets at all: some mailers write bare ids separated by spaces or commas.
  for (const m of headerValue.matchAll(RE_BARE_TOKEN)) {
    const id = normalizeMessageId(m[0]);
    if (id !== null && /^[^@]+@[^@]+$/.test(id)) ids.push(id);
  }
  return ids;
}

/** Keep the newest MAX_REFERENCES ids: threading only needs the tail of the chain. */
export function capReferences(ids: string[]): string[] {
  return ids.length > MAX_REFERENCES ? ids.slice(ids.length - MAX_REFERENCES) : ids;
}
