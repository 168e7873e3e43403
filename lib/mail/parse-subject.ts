import type { SubjectInfo } from '../types';

// A reply prefix in any language mailers use, with an optional counter:
// `Re:`, `RE :`, `AW:` (German), `Sv:` (Nordic), `Antw:` (Dutch), `R:` (Italian), `Re[2]:`, `Re(3):`.
// Sticky (`y`) so each attempt looks at one position only: linear overall.
const RE_REPLY_PREFIX = /(?:re|aw|sv|antw|r)(?:\[\d{1,9}\]|\(\d{1,9}\))?[ \t]*:/iy;

// A forward prefix: `Fwd:`, `Fw:`, `WG:` (German "Weitergeleitet").
const RE_FORWARD_PREFIX = /(?:fwd|fw|wg)[ \t]*:/iy;

// One bracket group without nested brackets, and the colon some people add after it:
// `[PATCH net-next v2 3/5]`, `[Patch]: fix`.
const RE_BRACKET_GROUP = /\[([^[\]]*)\](?:[ \t]*:)?/y;

// Whitespace between prefixes: the gap in `Re:  [PATCH]`.
const RE_SPACES = /\s*/y;

// A version token: `v2`, `V10`.
const RE_VERSION = /^v(\d{1,9})$/i;

// A version glued to the tag, as older git-format-patch users write: `PATCHv3`, `RFCv2`.
const RE_GLUED_VERSION = /^(PATCH|RFC)v(\d{1,9})$/i;

// A series position: `3/7`, `00/10`.
const RE_PART = /^(\d{1,9})\/(\d{1,9})$/;

/** Read the tokens of one bracket group into `info`. */
function readBracket(content: string, info: SubjectInfo): void {
  for (const token of content.split(/\s+/)) {
    if (token === '') continue;
    const version = RE_VERSION.exec(token);
    const glued = RE_GLUED_VERSION.exec(token);
    const part = RE_PART.exec(token);
    if (version) info.version = Number(version[1]);
    else if (glued) {
      info.tags.push(glued[1]!);
      info.version = Number(glued[2]);
    } else if (part) {
      info.part = Number(part[1]);
      info.total = Number(part[2]);
    } else info.tags.push(token);
  }
}

/** Try a sticky regex at exactly `pos`; afterwards `re.lastIndex` is the match end. */
function matchAt(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/**
 * Split a subject into its meaning. Prefixes and bracket groups may be interleaved
 * (`Re: Re: AW: [linux-next] x`); only those before the first ordinary word are
 * taken, so `fix [foo] handling` keeps its brackets.
 */
export function parseSubject(subject: string): SubjectInfo {
  const info: SubjectInfo = { base: '', isReply: false, tags: [] };
  let pos = 0;
  for (;;) {
    pos += matchAt(RE_SPACES, subject, pos)![0].length;
    const reply = matchAt(RE_REPLY_PREFIX, subject, pos);
    if (reply) {
      info.isReply = true;
      pos = RE_REPLY_PREFIX.lastIndex;
      continue;
    }
    const forward = matchAt(RE_FORWARD_PREFIX, subject, pos);
    if (forward) {
      pos = RE_FORWARD_PREFIX.lastIndex;
      continue;
    }
    const bracket = matchAt(RE_BRACKET_GROUP, subject, pos);
    if (bracket) {
      readBracket(bracket[1]!, info);
      pos = RE_BRACKET_GROUP.lastIndex;
      continue;
    }
    break;
  }
  info.base = subject.slice(pos).replace(/\s+/g, ' ').trim();
  return info;
}
