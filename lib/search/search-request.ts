/**
 * What both stores do with a search request before and after their own SQL (FTS5 in
 * lib/store/search-index.ts, tsvector in lib/store/pg/pg-search.ts): parse and compile
 * the query, clamp paging, and label a result's sender. One place, so the two backends
 * accept the same queries with the same errors and page alike.
 */
import { parseQuery } from './parse-query';
import { compileQuery, type CompiledQuery } from './compile-query';
import type { QueryNode } from './query-types';
import { snippetTerms, type SnippetTerm } from './make-snippet';
import { MAX_RESULT_OFFSET, MAX_RESULTS_PER_PAGE, SEARCH_WINDOW } from '../limits';

export interface CompiledSearch {
  /** The parsed query (PostgreSQL compiles its words from the tree itself). */
  root: QueryNode;
  compiled: CompiledQuery;
  /** The words snippets highlight. */
  terms: SnippetTerm[];
}

export function compileSearch(
  query: string,
  now: Date | undefined,
): ({ ok: true } & CompiledSearch) | { ok: false; error: string } {
  const parsed = parseQuery(query, now);
  if (!parsed.ok) return parsed;
  const compiled = compileQuery(parsed.value);
  if (!compiled.ok) return compiled;
  return {
    ok: true,
    root: parsed.value,
    compiled: compiled.value,
    terms: snippetTerms(parsed.value),
  };
}

const clampInt = (n: number, lo: number, hi: number) =>
  Math.min(hi, Math.max(lo, Math.floor(n) || lo));

/** Page size, offset and window of a request, clamped to the limits whatever was asked. */
export function searchPaging(options: { page: number; perPage: number; window?: number }): {
  perPage: number;
  offset: number;
  window: number;
} {
  const perPage = clampInt(options.perPage, 1, MAX_RESULTS_PER_PAGE);
  const offset = Math.min(
    (clampInt(options.page, 1, Number.MAX_SAFE_INTEGER) - 1) * perPage,
    MAX_RESULT_OFFSET,
  );
  return { perPage, offset, window: clampInt(options.window ?? SEARCH_WINDOW, 1, SEARCH_WINDOW) };
}

/** `Name <address>`, or whichever of the two is known. */
export function senderLabel(name: string, address: string): string {
  return name && address ? `${name} <${address}>` : name || address;
}
