/**
 * Types of the patch-series stages (lib/series). They live here rather than in
 * lib/types.ts only because this feature was built beside others editing that file;
 * they are meant to move there unchanged.
 */
import type { Address, Attachment } from '../types';

/** The fields the series stages read. `Message` (plus a key) and `StoredMessage` have them. */
export interface SeriesInput {
  messageId: string;
  subject: string;
  from: Address;
  date: string | null;
  inReplyTo: string | null;
  references: string[];
  body: string;
  attachments?: Attachment[];
}

/** Trailer tokens we know, lowercased. Anything else `Word-by:` is `other`. */
export type TrailerKind =
  | 'reviewed-by'
  | 'acked-by'
  | 'tested-by'
  | 'signed-off-by'
  | 'reported-by'
  | 'suggested-by'
  | 'co-developed-by'
  | 'fixes'
  | 'link'
  | 'closes'
  | 'cc'
  | 'other';

/** One trailer line, e.g. `Reviewed-by: Ann <ann@example.org>` or `Fixes: 1234abcd ("foo")`. */
export interface Trailer {
  kind: TrailerKind;
  /** The token as written: `Reviewed-by`, `Fixes`, `Reported-and-tested-by`. */
  label: string;
  /** Everything after the colon, trimmed, HTML mailto junk removed. */
  value: string;
  /** Person trailers: the name (may be empty). */
  name: string;
  /** Person trailers and `Cc:`: the address, lowercased (may be empty). */
  address: string;
  /** `Fixes:` only: the commit id as written (7–40 hex digits). */
  sha?: string;
  /** `Fixes:` only: the quoted commit subject, when given. */
  fixesSubject?: string;
  /** `Link:`/`Closes:` only: the URL. */
  url?: string;
  /** `Cc: stable@vger.kernel.org`: a request for backporting. */
  stable?: boolean;
}

/** A trailer as it applies to one patch: from the patch itself or from a reply. */
export interface CollectedTrailer extends Trailer {
  from: 'patch' | 'reply';
  /** For `reply`: the reply that gave it. */
  replyId?: string;
  /** For `reply`: given in reply to the cover letter, so it counts for every patch. */
  viaCover?: boolean;
  /**
   * For `reply`: the trailer names an address other than the reply's sender (someone
   * relaying a tag, or a tag quoted without `>`). Shown, never added to the mbox (b4 does
   * the same).
   */
  mismatched?: boolean;
}

/** One patch of a series. */
export interface SeriesPart<M extends SeriesInput = SeriesInput> {
  /** Position in the series (1-based); `[PATCH]` alone is part 1 of 1. */
  number: number;
  message: M;
}

/** A cover letter and its patches, as one unit. */
export interface Series<M extends SeriesInput = SeriesInput> {
  /** Message-ID of the cover letter, else of the first part present. */
  key: string;
  /** Base subject of the cover letter, else of the lowest part. */
  subject: string;
  /** `vN`; 1 when unlabelled. */
  version: number;
  /** `M` of `N/M`; 1 for a lone `[PATCH]`. */
  total: number;
  /** Bracket tags other than PATCH/RFC version and numbering: `net-next`, `RFC`. */
  tags: string[];
  author: Address;
  /** Date of the earliest message of the series. */
  date: string | null;
  cover: M | null;
  /** One per number, in order (a resent duplicate number keeps the first). */
  parts: SeriesPart<M>[];
  /** Numbers 1..total that no message was found for. */
  missing: number[];
}

/** A changelog passage: a cover's `Changes in v3:` section, or a patch's notes under `---`. */
export interface ChangelogSection {
  /** The heading line as written (`Changes in v3:`); empty for a patch's notes. */
  heading: string;
  /** The version the heading names (`v3` in `Changes in v3`, `v2` in `v1 -> v2`). */
  version?: number;
  lines: string[];
}

/** One posting of a series, for version lists. */
export interface SeriesVersion {
  version: number;
  /** The series key (cover letter or first part). */
  messageId: string;
  subject: string;
  date: string | null;
}
