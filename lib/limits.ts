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

/**
 * Reply levels nested on a thread page. React renders each level with a few stack
 * frames, and past ~100 levels its server renderer overflows the stack and silently
 * drops the rest of the subtree (a reply chain or 256 ghost parents from a hostile
 * References header reach that). Replies deeper than this are shown one after another
 * inside the deepest level, each labelled with its real depth.
 */
export const MAX_RENDERED_NESTING = 24;

/** Upload size limit (bytes). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * What one upload may hold once decompressed: a 10 MB .mbox.gz can expand a hundredfold
 * (a 1.7 MB gzip held 200,000 short messages). Bigger archives go through the CLI.
 */
export const MAX_UPLOAD_EXPANDED_BYTES = 64 * 1024 * 1024;
export const MAX_UPLOAD_MESSAGES = 10_000;

/**
 * Largest upload request body read (bytes): the file limit plus room for the multipart
 * envelope and a pasted message. next.config.js lets proxy.ts buffer more than this
 * (proxyClientMaxBodySize), so a body it cut short can never look complete.
 */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 1024 * 1024;

/** Uploads one client may make per minute (lib/upload/rate-limit.ts). */
export const UPLOADS_PER_CLIENT_PER_MINUTE = 10;

/** Uploads per minute from all clients together: a flood from many addresses is still bounded. */
export const UPLOADS_PER_MINUTE = 30;

/** Bytes uploaded per minute by all clients together (each upload is parsed and stored). */
export const UPLOAD_BYTES_PER_MINUTE = 64 * 1024 * 1024;

/** Clients whose upload counts are remembered; the oldest windows go first past this. */
export const MAX_RATE_LIMIT_KEYS = 10_000;

// --- Quotes and attribution (lib/quotes).

/** Longest line (after quote markers) tried as an attribution: real ones are short, and
 * the cap keeps every attribution regex linear on a 1 MB `On On On ... wrote:` line. */
export const MAX_ATTRIBUTION_CHARS = 400;

/** A quoted line this long (markers included) may have been wrapped by a careless client. */
export const MIN_WRAPPED_LINE_CHARS = 60;

/** The narrowest width clients wrap at: a tail is only a tail if joining it back overflows this. */
export const WRAP_WIDTH = 72;

/** Longest unmarked line still taken for the broken-wrapped tail of a quoted line. */
export const MAX_WRAPPED_TAIL_CHARS = 40;

/** Header lines of an Outlook `-----Original Message-----` block, wrapped tails included. */
export const MAX_OUTLOOK_HEADER_LINES = 12;

// --- Highlighting (lib/highlight): a 1 MB one-line "log" must not hold a server thread in the tokenizer.

/** Lines longer than this are rendered escaped but untokenized. */
export const MAX_HIGHLIGHT_LINE_CHARS = 10_000;

/** Characters of one block that are tokenized; lines past this budget are rendered plain. */
export const MAX_HIGHLIGHT_BLOCK_CHARS = 200 * 1024;

/** Per-line tokenizer time budget (ms) handed to shiki; past it the rest of the line is plain. */
export const HIGHLIGHT_LINE_TIME_LIMIT_MS = 200;

// --- Search (lib/search, lib/store/search-index.ts): the work one query can ask for.

/** Longest query accepted, in characters. lore's longest real queries are a few hundred. */
export const MAX_QUERY_CHARS = 2000;

/** Terms, operators and parentheses in one query: each term is one FTS5 lookup. */
export const MAX_QUERY_TOKENS = 100;

/** Parenthesis nesting: the parser recurses once per level, so this bounds its stack. */
export const MAX_QUERY_NESTING = 16;

/** Results per page, whatever the URL asks for. */
export const MAX_RESULTS_PER_PAGE = 200;

/** Deepest result reachable by paging: OFFSET work grows with it. */
export const MAX_RESULT_OFFSET = 10_000;

/**
 * Matches past which a web search is "broad": it is counted only this far ("more than
 * 5,000") and ranked among its newest this many matches (by import order), so its cost
 * stops growing with the archive: at a million messages a one-word query takes about
 * 20 ms (docs/benchmarks.md). Each window row costs a bm25 score and a lookup; 10,000
 * doubled that. The CLI counts and ranks every match.
 */
export const SEARCH_WINDOW = 5_000;

/** Messages in one downloaded search-result mbox. */
export const MAX_EXPORT_RESULTS = 10_000;

/** Tokens around a hit in a snippet. */
export const SNIPPET_TOKENS = 24;

/** Characters of a result's own words (and of its quoted lines) searched for a snippet. */
export const MAX_SNIPPET_SCAN_CHARS = 100_000;

// --- Patch series: what one series page can make the server read.

/** Postings read when looking for other versions or for unthreaded siblings. */
export const MAX_SERIES_CANDIDATES = 500;

/** Threads read for one series (one per patch when a series is sent unthreaded). */
export const MAX_SERIES_THREADS = 200;

// --- Thread page caches (memory the web server may spend to answer warm pages fast).

/** Characters of rendered message HTML kept in memory (each message at each fold level). */
export const MAX_RENDERED_HTML_CHARS = 32 * 1024 * 1024;

/** Characters of rendered thread pages (per address and query) kept in memory. */
export const MAX_RENDERED_PAGE_CHARS = 64 * 1024 * 1024;

/** Threads whose quote provenance is kept in memory. */
export const MAX_CACHED_PROVENANCE_THREADS = 256;

/** Series banners (a series assembled across threads) kept in memory. */
export const MAX_CACHED_SERIES_BANNERS = 1024;

// --- Reading mbox files and streams (lib/mbox, lib/import).

/** Messages threaded at once when a list is rethreaded (whole groups; memory per batch). */
export const RETHREAD_BATCH_MESSAGES = 20_000;

/** Bytes of a `From ` line we look at; real separators are under 200 bytes. */
export const MAX_FROM_LINE_CHARS = 1024;

/** Lines looked at; a header block longer than this is still rfc822 if it started well. */
export const MAX_DETECT_LINES = 64;

/**
 * Raw bytes handed to a preparer and not yet stored or rejected. Read-ahead is also
 * capped by message count (the preparer's concurrency); this cap keeps a stream of
 * huge messages from filling memory. One message is always let through.
 */
export const MAX_READ_AHEAD_BYTES = 64 * 1024 * 1024;

// --- Parsing one message (lib/mail).

/** Longest From value parsed; the rest is ignored. Keeps the regexes bounded. */
export const MAX_FROM_CHARS = 512;

/** Longest date text looked at; real ones are under 60 characters. Bounds regex work. */
export const MAX_DATE_CHARS = 256;

/** Deepest HTML nesting converted (mailparser uses the same bound); deeper input degrades. */
export const MAX_HTML_DEPTH = 256;

/** Largest HTML converted (characters); the rest is dropped with a warning by the caller. */
export const MAX_HTML_TO_TEXT_CHARS = 4 * 1024 * 1024;

/**
 * HTML longer than this is turned into text by a linear tag stripper rather than a full
 * HTML parser, whose time grows with the square of deeply nested input (128 KB of
 * `<div>` took 0.24 s, 1 MB over a minute).
 */
export const MAX_HTML_PARSE_CHARS = 128 * 1024;

/** Largest attachment text kept (bytes); a 50 MB log is listed, not stored whole. */
export const MAX_ATTACHMENT_TEXT_BYTES = 1024 * 1024;

// --- Rendering: quotes, provenance, changelogs.

/** Quote levels nested deeper than this render inside the deepest box, labelled with their depth. */
export const MAX_RENDERED_QUOTE_DEPTH = 8;

/**
 * Body shown on a page per message: a 50 MB message rendered whole took 111 s and 210
 * million characters of HTML. The rest is a click away in its raw view.
 */
export const MAX_RENDERED_BODY_LINES = 20_000;

/**
 * Lines of one body the block classifier looks at (code, logs, diffs...); the rest is
 * prose. It costs tens of µs a line, so a 4 MB body of short lines took over a minute.
 */
export const MAX_CLASSIFIED_BODY_LINES = 100_000;
export const MAX_RENDERED_BODY_CHARS = 2 * 1024 * 1024;

/**
 * Ancestors searched for one message's quotes, nearest first. A quote at depth d was
 * written d replies up, and real quotes stop well before this; the cap bounds the work a
 * hostile References header (hundreds of ids, all in the thread) can cause per message.
 */
export const MAX_PROVENANCE_ANCESTORS = 16;

/** Lines kept per changelog section; the rest is in the message itself. */
export const MAX_CHANGELOG_LINES = 200;

// --- `threadlight parse` (cli/quote-authors.ts): messages held to credit quotes from the thread.

/**
 * Messages `parse` reads before writing them, so a reply can be credited from a parent
 * that comes later in the file (lore exports are in arrival order). Parents outside
 * the window are not used; the bound keeps memory flat however big the input is.
 */
export const MAX_PARSE_WINDOW_MESSAGES = 2000;

/**
 * Body characters held in one `parse` window, each counted PARSE_WINDOW_CHAR_WEIGHT
 * times: a held message costs about four times its body (the body, its segments'
 * lines, and once used as a parent its normalised lines and their index).
 */
export const MAX_PARSE_WINDOW_CHARS = 64 * 1024 * 1024;
export const PARSE_WINDOW_CHAR_WEIGHT = 4;
