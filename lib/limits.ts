/**
 * Named limits. Every number that bounds work done on hostile input lives here,
 * so a reviewer can see at a glance what an attacker can make us do.
 */

/** Largest single message accepted (bytes). Larger ones are rejected with a clear reason. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

/** Quote depth beyond which markers are no longer counted (10,000 `>` become depth 64). */
export const MAX_QUOTE_DEPTH = 64;

/** References kept per message (the newest ones; JWZ only needs the chain's tail). */
export const MAX_REFERENCES = 256;

/** Length of a Message-ID kept; longer ones are truncated and hashed to stay unique. */
export const MAX_MESSAGE_ID_LENGTH = 2048;

/** Lines of one body line considered by per-line classifiers (longer lines are sliced). */
export const MAX_LINE_CLASSIFY_CHARS = 4096;

/** Messages rendered on one thread page; larger threads paginate. */
export const MAX_THREAD_PAGE_MESSAGES = 500;

/** Upload size limit (bytes). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
