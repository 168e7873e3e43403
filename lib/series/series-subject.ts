import type { SubjectInfo } from '../types';
import { parseSubject } from '../mail/parse-subject';

/** A subject read as a series position: `[PATCH net-next v2 3/5] foo`. */
export interface SeriesSubject {
  base: string;
  isReply: boolean;
  /** True when a tag says this is a patch: PATCH, RFC, RESEND, or a numbering alone. */
  isPatch: boolean;
  version: number;
  /** Undefined for an unnumbered `[PATCH] foo`. */
  part?: number;
  total?: number;
  /** Tags other than version/numbering, e.g. `['RFC', 'PATCH', 'net-next']`. */
  tags: string[];
}

// Tags that mark a posting as a patch: `PATCH`, `RFC`, `RESEND`, `PATCHv2` is split earlier.
const RE_PATCH_TAG = /^(?:patch|rfc|resend)$/i;

// Tokens patchwork-style subjects glue with commas: `net,v2,1/2`.
const RE_COMMA = /,+/;

// `v2` / `V10`.
const RE_VERSION = /^v(\d{1,9})$/i;

// `3/7`.
const RE_PART = /^(\d{1,9})\/(\d{1,9})$/;

// A plain number, as in Mercurial's `[PATCH 1 of 2]`.
const RE_NUMBER = /^\d{1,9}$/;

/**
 * Read a subject for series grouping. parseSubject splits bracket groups on spaces; this
 * also understands comma-joined tokens (`[net,v2,1/2]`, as patchwork's `pwclient` and
 * some gateways write them) and Mercurial's `[PATCH 0 of 2]`.
 */
export function seriesSubject(
  subject: string,
  info: SubjectInfo = parseSubject(subject),
): SeriesSubject {
  let version = info.version;
  let part = info.part;
  let total = info.total;
  const tokens = info.tags.flatMap((t) => t.split(RE_COMMA)).filter((t) => t !== '');
  const tags: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const v = RE_VERSION.exec(t);
    const p = RE_PART.exec(t);
    if (v) version = Number(v[1]);
    else if (p) {
      part = Number(p[1]);
      total = Number(p[2]);
    } else if (
      RE_NUMBER.test(t) &&
      tokens[i + 1]?.toLowerCase() === 'of' &&
      RE_NUMBER.test(tokens[i + 2] ?? '')
    ) {
      part = Number(t);
      total = Number(tokens[i + 2]);
      i += 2;
    } else tags.push(t);
  }
  const numbered = part !== undefined && total !== undefined && total > 0;
  return {
    base: info.base,
    isReply: info.isReply,
    isPatch: tags.some((t) => RE_PATCH_TAG.test(t)) || numbered,
    version: version && version > 0 ? version : 1,
    ...(numbered ? { part, total } : {}),
    tags,
  };
}
