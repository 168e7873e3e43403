/**
 * The search query AST. Kept here rather than in lib/types.ts because only the search
 * pipeline (parse-query → compile-query → store) speaks it.
 */

/** What a term is matched against: lore's prefixes (`s:`, `f:`, `b:`...) by meaning. */
export type SearchField =
  | 'any'
  | 'subject'
  | 'from'
  | 'to'
  | 'cc'
  | 'toCc'
  | 'address'
  | 'body'
  | 'subjectBody'
  | 'own'
  | 'quoted';

export type QueryNode =
  /** A word or phrase; `prefix` matches any word starting with the (last) word. */
  | { type: 'term'; field: SearchField; text: string; phrase: boolean; prefix: boolean }
  /** Messages dated in [from, to): UTC ISO bounds, null for an open end. */
  | { type: 'date'; from: string | null; to: string | null }
  | { type: 'and'; children: QueryNode[] }
  | { type: 'or'; children: QueryNode[] }
  | { type: 'not'; child: QueryNode };

/** Parsers and compilers report user mistakes as values, with a message fit to show. */
export type QueryResult<T> = { ok: true; value: T } | { ok: false; error: string };
