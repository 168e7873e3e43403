/**
 * A tiny subject normaliser for the threading fallback. lib/mail has the full
 * SubjectInfo parser; threading only needs "same base?" and "is it a reply?", and
 * must not depend on the parse stage, so callers may pass their own instead.
 */

/** What the subject fallback needs to know about a subject. */
export interface BaseSubject {
  /** Lower-cased subject without `Re:`/`Fwd:`/`AW:`/`[...]` prefixes, whitespace collapsed. */
  base: string;
  /** True when a reply marker (`Re:`, `AW:`, `Sv:`, `Antw:`, `VS:`) was stripped; `Fwd:` is not one. */
  isReply: boolean;
}

// One reply/forward marker at the sticky position, e.g. ` Re: `, `RE[2]:`, `AW:`, `Fwd:`, `WG:`.
// Sticky and anchored at one position, no nested quantifiers: linear over the whole subject.
const RE_PREFIX = /\s*(re|aw|sv|antw|vs|fwd?|wg)(?:\[\d{1,9}\]|\(\d{1,9}\))?\s*:/iy;

// One bracketed tag at the sticky position, e.g. ` [PATCH v2 3/7]` or `[linux-sparse]`.
const RE_TAG = /\s*\[[^\]]*\]/y;

// A run of whitespace, e.g. `  \t ` (collapsed to one space).
const RE_SPACES = /\s+/g;

const FORWARD_MARKERS = new Set(['fw', 'fwd', 'wg']);

/** `Re: [PATCH v2] Foo  bar` → `{ base: 'foo bar', isReply: true }`. Never throws. */
export function baseSubject(subject: string): BaseSubject {
  let pos = 0;
  let isReply = false;
  // Each pass consumes at least one character, and the regexes are sticky, so the
  // scan is linear even for a megabyte of `Re: Re: Re: ...`.
  for (;;) {
    RE_PREFIX.lastIndex = pos;
    const prefix = RE_PREFIX.exec(subject);
    if (prefix) {
      if (!FORWARD_MARKERS.has((prefix[1] ?? '').toLowerCase())) isReply = true;
      pos = RE_PREFIX.lastIndex;
      continue;
    }
    RE_TAG.lastIndex = pos;
    if (RE_TAG.exec(subject)) {
      pos = RE_TAG.lastIndex;
      continue;
    }
    break;
  }
  const base = subject.slice(pos).replace(RE_SPACES, ' ').trim().toLowerCase();
  return { base, isReply };
}
