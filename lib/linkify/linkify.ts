import {
  commitHref,
  isSafeHref,
  sourceHref,
  symbolHref,
  type LinkifyContext,
} from './link-targets';

export type { LinkifyContext } from './link-targets';

/** A run of text, linked when `href` is set. Concatenating the texts gives back the input. */
export interface LinkPiece {
  text: string;
  href?: string;
}

// Every pattern below has bounded quantifiers and starts behind a lookbehind, so one
// scan of a hostile 1 MB line costs O(length × small constant).

// `https://lore.kernel.org/r/x`, `mailto:a@b.c`. Trailing `).,` are trimmed afterwards.
const RE_URL = /(?<![\w@.+-])(?:https?:\/\/|mailto:)[^\s<>"'`]{1,2048}/;
// `commit 9af5ddf981ed`, `Fixes: 9af5ddf981ed ("…")`. A digit is required: all-letter
// hex words (`defaced`, `added`) are English.
const RE_COMMIT_AFTER_WORD =
  /(?<=\b(?:[Cc]ommit|Fixes:)\s{1,4})(?=[a-f]{0,39}\d)[0-9a-f]{7,40}(?![\w-])/;
// `9af5ddf981ed ("kbuild: disable clang's default use of -fmerge-all-constants")`
const RE_COMMIT_BEFORE_SUBJECT = /(?<![\w-])(?=[a-f]{0,39}\d)[0-9a-f]{7,40}(?= \(")/;
// A `git log --oneline` line: `9af5ddf981ed BACKPORT: kbuild: disable …`, `1234abc Revert "x"`.
// 15–39 digits are left out: 16 hex digits at a line start are far more often an address.
const RE_COMMIT_ONELINE =
  /(?<=^[ \t]{0,8})(?=[a-f]{0,13}\d)(?:[0-9a-f]{40}|[0-9a-f]{7,14})(?= {1,2}(?:[A-Za-z][\w\/.+-]{0,40}: |Revert "|Merge ))/;
// A trace frame: `irq_work_tick+0x9d/0x110`, `foo.isra.0+0x1/0x2`
const RE_SYMBOL = /(?<![\w.$])[A-Za-z_][\w.$]{0,127}\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16}(?!\w)/;
// A kernel source path: `arch/x86/kernel/paravirt.c`, `kernel/irq_work.c:123`
const RE_SOURCE_PATH =
  /(?<![\w.\/-])(?:arch|block|certs|crypto|drivers|fs|include|init|io_uring|ipc|kernel|lib|mm|net|rust|samples|scripts|security|sound|tools|usr|virt|Documentation)(?:\/[\w+-][\w.+-]{0,127}){1,16}(?::\d{1,7})?/;
// A Message-ID reference: `<20180507174918.GA12345@google.com>`
const RE_MESSAGE_ID = /<[^\s<>@"]{1,250}@[^\s<>@"]{1,250}>/;

const RE_LINK = new RegExp(
  [
    `(?<url>${RE_URL.source})`,
    `(?<commit>${RE_COMMIT_AFTER_WORD.source}|${RE_COMMIT_BEFORE_SUBJECT.source}|${RE_COMMIT_ONELINE.source})`,
    `(?<symbol>${RE_SYMBOL.source})`,
    `(?<path>${RE_SOURCE_PATH.source})`,
    `(?<msgid>${RE_MESSAGE_ID.source})`,
  ].join('|'),
  'gm',
);

// Source files elixir can show: `paravirt.c`, `entry_64.S`, `Kconfig`, `Makefile.lib`.
const RE_SOURCE_FILE =
  /\.(?:[chSsy]|rs|py|sh|pl|lds|dts|dtsi|rst|txt|json|yaml|tc)$|^(?:Kconfig|Makefile|Kbuild)\b/;
// Header context that makes any `<local@host>` a Message-ID rather than a mailbox.
const RE_MESSAGE_ID_CONTEXT = /(?:Message-I[Dd]|In-Reply-To|References|Link):\s{0,4}$/i;
// Message-IDs are mostly dates, counters and hashes; mailboxes (`<mka@xxxx>`) rarely hold 4 digits.
const RE_FOUR_DIGITS = /\d[^\d]*\d[^\d]*\d[^\d]*\d/;

interface Found {
  start: number;
  end: number;
  href: string;
}

/** Drop sentence punctuation after a URL, and a `)` or `]` that closes text around it. */
function trimUrl(url: string): string {
  let end = url.length;
  const opened = [...url].filter((c) => c === '(').length;
  let closed = [...url].filter((c) => c === ')').length;
  for (;;) {
    const last = url[end - 1];
    if (last !== undefined && '.,;:!?*'.includes(last)) end--;
    else if (last === ')' && closed > opened) {
      end--;
      closed--;
    } else if (last === ']' && !url.slice(0, end).includes('[')) end--;
    else break;
  }
  return url.slice(0, end);
}

function toLink(m: RegExpExecArray, text: string, ctx: LinkifyContext): Found | undefined {
  const start = m.index;
  const g = m.groups ?? {};
  if (g.url) {
    const url = trimUrl(g.url);
    if (/^(?:https?:\/\/|mailto:)$/.test(url)) return undefined;
    return { start, end: start + url.length, href: url };
  }
  if (g.commit) return { start, end: start + g.commit.length, href: commitHref(g.commit, ctx) };
  if (g.symbol)
    return {
      start,
      end: start + g.symbol.length,
      href: symbolHref(g.symbol.split('+')[0] ?? '', ctx),
    };
  if (g.path) {
    const [path = '', line] = g.path.split(':');
    const trimmed = path.replace(/\.+$/, '');
    const file = trimmed.slice(trimmed.lastIndexOf('/') + 1);
    if (!RE_SOURCE_FILE.test(file)) return undefined;
    const withLine = trimmed === path && line !== undefined;
    const end = start + (withLine ? g.path.length : trimmed.length);
    return { start, end, href: sourceHref(trimmed, withLine ? line : undefined, ctx) };
  }
  if (g.msgid && ctx.messageLink) {
    const id = g.msgid.slice(1, -1);
    const local = id.slice(0, id.indexOf('@'));
    const context = RE_MESSAGE_ID_CONTEXT.test(text.slice(Math.max(0, start - 16), start));
    if (!context && !RE_FOUR_DIGITS.test(local)) return undefined;
    return { start, end: start + g.msgid.length, href: ctx.messageLink(id) };
  }
  return undefined;
}

/**
 * Split text into plain and linked pieces: http(s)/mailto URLs, commit ids where the
 * context says commit, trace symbols and kernel source paths (elixir at
 * `ctx.kernelVersion`), and Message-ID references (`ctx.messageLink`). Pure, one linear
 * scan; an href that is not http(s), mailto or a root-relative path is never produced.
 */
export function linkifyText(text: string, ctx: LinkifyContext = {}): LinkPiece[] {
  const pieces: LinkPiece[] = [];
  const re = new RegExp(RE_LINK);
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const found = toLink(m, text, ctx);
    if (!found || !isSafeHref(found.href)) {
      // Not a link after all: look again one character further, inside the match.
      re.lastIndex = m.index + 1;
      continue;
    }
    if (found.start > last) pieces.push({ text: text.slice(last, found.start) });
    pieces.push({ text: text.slice(found.start, found.end), href: found.href });
    last = found.end;
    re.lastIndex = found.end;
  }
  if (last < text.length || pieces.length === 0) pieces.push({ text: text.slice(last) });
  return pieces;
}
