/**
 * Limits on the work one search request can ask for. They live beside the search code
 * (lib/limits.ts belongs to another engineer); the lead may move them there.
 */

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

/** Messages in one downloaded search-result mbox. */
export const MAX_EXPORT_RESULTS = 10_000;

/** Tokens around a hit in a snippet. */
export const SNIPPET_TOKENS = 24;
