/**
 * Limits on highlighting work. Mail is hostile: a 1 MB single-line "log" must not
 * hold a server thread inside the TextMate tokenizer. Kept here (not lib/limits.ts)
 * because only lib/highlight/ uses them; the lead may move them.
 */

/** Lines longer than this are rendered escaped but untokenized. */
export const MAX_HIGHLIGHT_LINE_CHARS = 10_000;

/** Characters of one block that are tokenized; lines past this budget are rendered plain. */
export const MAX_HIGHLIGHT_BLOCK_CHARS = 200 * 1024;

/** Per-line tokenizer time budget (ms) handed to shiki; past it the rest of the line is plain. */
export const HIGHLIGHT_LINE_TIME_LIMIT_MS = 200;
