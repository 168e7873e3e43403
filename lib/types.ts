/**
 * Threadlight's data model, in one place. Every stage of the pipeline
 * (read → parse → thread → segment → store → render) speaks these types.
 */

/** A mailbox as written in From/To/Cc. `address` may be empty (archive pages hide it). */
export interface Address {
  name: string;
  address: string;
}

/** One unparsed message as a reader found it in a file, directory or archive. */
export interface RawMessage {
  /** File path (or `path#commit` for git archives) the message came from. */
  source: string;
  /** Human-readable position within the source, e.g. `message 3 (line 120)`. */
  position: string;
  /** The message bytes exactly as stored (mbox `>From ` unescaping already applied). */
  raw: Buffer;
  /** `rfc822` for real mail; `archive-page` for lkml.iu.edu-style text renderings like the seed. */
  format: 'rfc822' | 'archive-page';
}

/** A problem found in a source that is not a message (unreadable file, junk...). */
export interface ReadProblem {
  source: string;
  position: string;
  reason: string;
}

/** An attachment listed on a message. Text attachments (patches, logs) keep their text. */
export interface Attachment {
  filename: string;
  contentType: string;
  size: number;
  /** Decoded text for text/* attachments (patches, logs, configs), else undefined. */
  text?: string;
}

/** Subject split into its meaning: `[PATCH v2 3/7] foo` → tags PATCH, version 2, part 3 of 7, base `foo`. */
export interface SubjectInfo {
  /** Subject with every `Re:`/`Fwd:`/`AW:` and `[...]` prefix removed, whitespace collapsed. */
  base: string;
  /** True when any reply prefix (`Re:`, `AW:`, `Sv:`...) was present. */
  isReply: boolean;
  /** Bracketed tags, e.g. `['PATCH', 'net-next']` or `['RFC', 'PATCH']`. */
  tags: string[];
  version?: number;
  part?: number;
  total?: number;
}

/** A parsed message. Everything here came from mail and is hostile: escape on output. */
export interface Message {
  /** Message-ID without angle brackets. Synthesised from a content hash when missing. */
  messageId: string;
  /** True when messageId was derived from the content because the header was missing or empty. */
  messageIdSynthetic: boolean;
  /** Decoded subject as sent. */
  subject: string;
  subjectInfo: SubjectInfo;
  from: Address;
  to: Address[];
  cc: Address[];
  /** UTC ISO-8601 date, or null when the Date header was missing or unparseable. */
  date: string | null;
  /** The Date header exactly as sent (kept when it could not be parsed). */
  dateRaw: string | null;
  /** Parent Message-ID (last id in In-Reply-To), or null. */
  inReplyTo: string | null;
  /** References, oldest first, without angle brackets. */
  references: string[];
  /** The text body: text/plain preferred, HTML converted to plain text, never HTML. */
  body: string;
  attachments: Attachment[];
  /** Non-fatal problems met while parsing (bad date, broken charset...). */
  warnings: string[];
}

/** Who wrote a passage, as established by the message sender or an attribution line. */
export interface Author {
  name: string;
  address?: string;
  /** Date as written in the attribution, normalised to ISO when it can be parsed. */
  date?: string;
}

/** Languages the `code` segment kind knows. */
export type CodeLang = 'c' | 'rust' | 'python' | 'sh' | 'makefile' | 'kconfig' | 'dts' | 'text';

interface SegmentBase {
  /** Quote depth: 0 = the sender's own words, 1 = `> ` quoted, ... */
  depth: number;
  /** Lines without quote markers, in order. Joining all segments' lines gives back the body. */
  lines: string[];
  /** Index (0-based) of the segment's first line in the message body: the anchor position. */
  start: number;
  /** Who wrote this passage, when known. */
  author?: Author;
}

/**
 * A run of body lines of one quote depth and one kind. Components switch on `kind`
 * with an exhaustive `never` check, so a new kind cannot be forgotten.
 */
export type Segment = SegmentBase &
  (
    | { kind: 'prose' }
    | {
        kind: 'attribution';
        /** The person the line names (`Sedat Dilek wrote:`). */ attributes?: Author;
      }
    | { kind: 'snip' }
    | { kind: 'signature' }
    | { kind: 'shell' }
    | { kind: 'log' }
    | { kind: 'asm' }
    | { kind: 'code'; lang: CodeLang }
    | { kind: 'diff' }
    | { kind: 'traceback' }
    | { kind: 'output' }
  );

export type SegmentKind = Segment['kind'];

/** One node of a thread tree. Placeholders stand for parents that were referenced but never seen. */
export type ThreadNode<M extends ThreadInput = ThreadInput> =
  | { missing: false; messageId: string; message: M; children: ThreadNode<M>[] }
  | { missing: true; messageId: string; children: ThreadNode<M>[] };

/** The fields threading needs; any record with them can be threaded. */
export interface ThreadInput {
  /** Unique key of this record (duplicate Message-IDs have different keys). */
  key: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  date: string | null;
}
