import type { QueryNode, QueryResult, SearchField } from './query-types';

/**
 * Columns of the `messages_fts` table (migration 3) each field searches. `any` searches
 * every column; bm25 weights (subject highest, quoted text lowest) do the ranking.
 */
const FIELD_COLUMNS: Record<Exclude<SearchField, 'any'>, string> = {
  subject: 'subject',
  from: 'sender',
  to: 'to_addr',
  cc: 'cc_addr',
  toCc: 'to_addr cc_addr',
  address: 'sender to_addr cc_addr',
  body: 'body_own body_quoted',
  subjectBody: 'subject body_own body_quoted',
  own: 'body_own',
  quoted: 'body_quoted',
};

/** A date predicate for SQL, with its bounds as bound parameters (never spliced in). */
export interface DateFilter {
  from: string | null;
  to: string | null;
  /** True for `-d:...`: messages outside the range. */
  negated: boolean;
}

/**
 * The query as the store runs it: an FTS5 MATCH expression over the words (or null
 * when there are none), an FTS5 expression to exclude when the query only excludes
 * (`-foo` alone, which FTS5 cannot express), and date filters.
 */
export interface CompiledQuery {
  match: string | null;
  exclude: string | null;
  dates: DateFilter[];
}

class CompileError extends Error {}

const ONLY_NOT =
  "NOT must exclude from something: write 'a NOT b' or 'a -b', not 'NOT b' alone inside OR";
const NESTED_DATE =
  'd: ranges can only be combined with AND (e.g. s:foo d:2018..2019), not inside OR or ( )';

/**
 * Every user word becomes an FTS5 string literal (`"` doubled), so no user text is ever
 * read as FTS5 syntax: `NEAR(`, `col:`, `^`, `*` inside a word are just characters.
 */
function ftsString(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

function compileTerm(node: Extract<QueryNode, { type: 'term' }>): string {
  const string = ftsString(node.text) + (node.prefix ? ' *' : '');
  return node.field === 'any' ? string : `{${FIELD_COLUMNS[node.field]}} : ${string}`;
}

/** FTS5 text of a subtree; NOT only appears as `positive NOT negative`, as FTS5 requires. */
function compileFts(node: QueryNode): string {
  switch (node.type) {
    case 'term':
      return compileTerm(node);
    case 'date':
      throw new CompileError(NESTED_DATE);
    case 'not':
      throw new CompileError(ONLY_NOT);
    case 'or':
      return node.children.map((c) => `(${compileFts(c)})`).join(' OR ');
    case 'and': {
      const positives = node.children.filter((c) => c.type !== 'not');
      const negatives = node.children.flatMap((c) => (c.type === 'not' ? [c.child] : []));
      if (positives.length === 0) throw new CompileError(ONLY_NOT);
      const base = positives.map((c) => `(${compileFts(c)})`).join(' AND ');
      return negatives.reduce((acc, c) => `(${acc}) NOT (${compileFts(c)})`, base);
    }
    default: {
      const never: never = node;
      return never;
    }
  }
}

/** A query's top-level conjuncts: dates among them become SQL predicates, apart from the words. */
export function topConjuncts(root: QueryNode): QueryNode[] {
  return root.type === 'and' ? root.children : [root];
}

/** A top-level `d:` or `-d:` conjunct. */
export function isDateConjunct(c: QueryNode): boolean {
  return c.type === 'date' || (c.type === 'not' && c.child.type === 'date');
}

/**
 * Compile a parsed query. Dates must be top-level conjuncts (they become SQL predicates
 * on messages.date); everything else becomes one FTS5 expression. Pure.
 */
export function compileQuery(root: QueryNode): QueryResult<CompiledQuery> {
  const conjuncts = topConjuncts(root);
  const positives: QueryNode[] = [];
  const negatives: QueryNode[] = [];
  const dates: DateFilter[] = [];
  for (const c of conjuncts) {
    if (c.type === 'date') dates.push({ from: c.from, to: c.to, negated: false });
    else if (c.type === 'not' && c.child.type === 'date') {
      dates.push({ from: c.child.from, to: c.child.to, negated: true });
    } else if (c.type === 'not') negatives.push(c.child);
    else positives.push(c);
  }
  try {
    const pos = positives.map((c) => `(${compileFts(c)})`).join(' AND ');
    const neg = negatives.map((c) => `(${compileFts(c)})`);
    if (positives.length > 0) {
      const match = neg.reduce((acc, n) => `(${acc}) NOT ${n}`, pos);
      return { ok: true, value: { match, exclude: null, dates } };
    }
    return {
      ok: true,
      value: { match: null, exclude: neg.length ? neg.join(' OR ') : null, dates },
    };
  } catch (err) {
    if (err instanceof CompileError) return { ok: false, error: err.message };
    throw err;
  }
}
