import type { QueryNode, QueryResult, SearchField } from './query-types';
import { parseDateRange } from './parse-date-range';
import { MAX_QUERY_CHARS, MAX_QUERY_NESTING, MAX_QUERY_TOKENS } from '../limits';

/** lore's (public-inbox) term prefixes. `d:` (dates) is handled apart. */
const FIELD_PREFIXES: Record<string, SearchField> = {
  s: 'subject',
  f: 'from',
  t: 'to',
  c: 'cc',
  tc: 'toCc',
  a: 'address',
  b: 'body',
  bs: 'subjectBody',
  nq: 'own',
  q: 'quoted',
};

// A field prefix at the lexer's position: `s:`, `bs:`, `d:` (sticky, so anchored there).
const RE_FIELD = /([a-z]{1,2}):/y;

// A letter or digit: what FTS5's unicode61 tokenizer keeps. A term without one is noise.
const RE_TOKEN_CHAR = /[\p{L}\p{N}]/u;

type Token =
  | { t: 'open'; field: SearchField | null; neg: boolean }
  | { t: 'close' }
  | { t: 'op'; op: 'AND' | 'OR' | 'NOT' }
  | {
      t: 'term';
      field: SearchField | null;
      text: string;
      phrase: boolean;
      prefix: boolean;
      neg: boolean;
    }
  | { t: 'date'; text: string; neg: boolean };

/** A user mistake, thrown inside this module only and returned as `{ ok: false }`. */
class QuerySyntaxError extends Error {}

/** Whitespace and C0/C1 controls separate terms (a NUL in a URL is not a word). */
function isSpace(c: string): boolean {
  const code = c.charCodeAt(0);
  return code <= 0x20 || (code >= 0x7f && code <= 0x9f) || c === '\u00a0' || c === '\u3000';
}

const isBreak = (c: string) => isSpace(c) || c === '(' || c === ')' || c === '"';

/** One pass over the query: every character is looked at a bounded number of times. */
function lex(q: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  const n = q.length;
  const push = (tok: Token) => {
    if (tokens.length >= MAX_QUERY_TOKENS) {
      throw new QuerySyntaxError(`too many terms: at most ${MAX_QUERY_TOKENS}`);
    }
    tokens.push(tok);
  };
  while (i < n) {
    const c = q[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === ')') {
      if (--depth < 0) throw new QuerySyntaxError("unbalanced parentheses: ')' without '('");
      push({ t: 'close' });
      i++;
      continue;
    }
    let neg = false;
    if ((c === '-' || c === '+') && i + 1 < n && !isSpace(q[i + 1]!)) {
      neg = c === '-';
      i++;
    }
    let field: SearchField | null = null;
    let isDate = false;
    RE_FIELD.lastIndex = i;
    const m = RE_FIELD.exec(q);
    if (m && (m[1] === 'd' || Object.hasOwn(FIELD_PREFIXES, m[1]!))) {
      if (m[1] === 'd') isDate = true;
      else field = FIELD_PREFIXES[m[1]!]!;
      i = RE_FIELD.lastIndex;
    }
    if (q[i] === '(') {
      if (isDate) throw new QuerySyntaxError('d: takes a date range like d:20180401..20180510');
      if (++depth > MAX_QUERY_NESTING) {
        throw new QuerySyntaxError(`too many nested parentheses: at most ${MAX_QUERY_NESTING}`);
      }
      push({ t: 'open', field, neg });
      i++;
      continue;
    }
    let text: string;
    let phrase = false;
    if (q[i] === '"') {
      // An unclosed quote runs to the end, as a reader typing it means.
      const end = q.indexOf('"', i + 1);
      const stop = end < 0 ? n : end;
      text = q.slice(i + 1, stop);
      i = Math.min(n, stop + 1);
      phrase = true;
    } else {
      const start = i;
      while (i < n && !isBreak(q[i]!)) i++;
      text = q.slice(start, i);
    }
    let prefix = false;
    if (phrase) {
      for (; q[i] === '*'; i++) prefix = true;
    } else {
      let end = text.length;
      while (end > 0 && text[end - 1] === '*') end--;
      prefix = end < text.length;
      text = text.slice(0, end);
    }
    if (isDate) {
      if (!text) throw new QuerySyntaxError('d: needs a date range, e.g. d:20180401..20180510');
      push({ t: 'date', text, neg });
    } else if (
      !phrase &&
      !neg &&
      field === null &&
      (text === 'AND' || text === 'OR' || text === 'NOT')
    ) {
      push({ t: 'op', op: text });
    } else if (RE_TOKEN_CHAR.test(text)) {
      push({ t: 'term', field, text, phrase, prefix, neg });
    }
    // Anything else (`*`, `"`, a lone `-`) has no word FTS5 could match: dropped.
  }
  if (depth > 0) throw new QuerySyntaxError("unbalanced parentheses: '(' without ')'");
  return tokens;
}

const negate = (node: QueryNode): QueryNode =>
  node.type === 'not' ? node.child : { type: 'not', child: node };

/** Recursive descent: OR of ANDs of (NOT) atoms. Recursion depth ≤ parenthesis nesting. */
class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: readonly Token[],
    private readonly now: Date,
  ) {}

  parse(): QueryNode {
    const node = this.or(null);
    if (this.pos < this.tokens.length)
      throw new QuerySyntaxError("unbalanced parentheses: ')' without '('");
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private or(field: SearchField | null): QueryNode {
    const children = [this.and(field)];
    while (this.isOp('OR')) {
      this.pos++;
      this.expectOperand('OR');
      children.push(this.and(field));
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private and(field: SearchField | null): QueryNode {
    const children = [this.unary(field)];
    for (;;) {
      const tok = this.peek();
      if (!tok || tok.t === 'close' || this.isOp('OR')) break;
      if (this.isOp('AND')) {
        this.pos++;
        this.expectOperand('AND');
      }
      children.push(this.unary(field));
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private unary(field: SearchField | null): QueryNode {
    let neg = false;
    while (this.isOp('NOT')) {
      this.pos++;
      neg = !neg;
    }
    const node = this.atom(field, neg);
    return neg ? negate(node) : node;
  }

  private atom(field: SearchField | null, afterNot: boolean): QueryNode {
    const tok = this.peek();
    if (!tok) {
      throw new QuerySyntaxError(
        afterNot ? "'NOT' needs a search term after it" : 'nothing to search for',
      );
    }
    if (tok.t === 'op') throw new QuerySyntaxError(`'${tok.op}' needs a search term on each side`);
    if (tok.t === 'close') throw new QuerySyntaxError('nothing to search for inside ( )');
    this.pos++;
    let node: QueryNode;
    if (tok.t === 'open') {
      node = this.or(tok.field ?? field);
      this.pos++; // the ')' lex() guaranteed
    } else if (tok.t === 'date') {
      const range = parseDateRange(tok.text, this.now);
      if (!range.ok) throw new QuerySyntaxError(range.error);
      node = { type: 'date', ...range.value };
    } else {
      const { text, phrase, prefix } = tok;
      node = { type: 'term', field: tok.field ?? field ?? 'any', text, phrase, prefix };
    }
    return tok.neg ? negate(node) : node;
  }

  private expectOperand(op: 'AND' | 'OR'): void {
    const tok = this.peek();
    if (!tok || tok.t === 'close' || (tok.t === 'op' && tok.op !== 'NOT')) {
      throw new QuerySyntaxError(`'${op}' needs a search term on each side`);
    }
  }

  private isOp(op: 'AND' | 'OR' | 'NOT'): boolean {
    const tok = this.peek();
    return tok?.t === 'op' && tok.op === op;
  }
}

/**
 * Parse a lore-style query (`s:frobnicator f:alice d:2.weeks.ago.. -"NEAR me" (a OR b*)`)
 * into an AST. Pure and linear in the query's length; every mistake is returned as a
 * message for the reader, never thrown. `now` anchors relative dates.
 */
export function parseQuery(query: string, now: Date = new Date()): QueryResult<QueryNode> {
  if (query.length > MAX_QUERY_CHARS) {
    return {
      ok: false,
      error: `query too long: ${query.length} characters, at most ${MAX_QUERY_CHARS}`,
    };
  }
  try {
    const tokens = lex(query);
    if (tokens.length === 0) {
      return {
        ok: false,
        error: 'nothing to search for: give a word, a "phrase" or a field like s:word',
      };
    }
    return { ok: true, value: new Parser(tokens, now).parse() };
  } catch (err) {
    if (err instanceof QuerySyntaxError) return { ok: false, error: err.message };
    throw err;
  }
}
