import { describe, expect, it } from 'vitest';
import { parseQuery } from '@/lib/search/parse-query';
import { compileQuery, type DateFilter } from '@/lib/search/compile-query';

const NOW = new Date('2024-06-15T12:34:56Z');

/** Parse and compile; the compiled FTS5 text (or the error) is what the store runs. */
function run(q: string) {
  const parsed = parseQuery(q, NOW);
  if (!parsed.ok) return { error: parsed.error };
  const compiled = compileQuery(parsed.value);
  return compiled.ok ? compiled.value : { error: compiled.error };
}

const plain = (match: string | null, dates: DateFilter[] = [], exclude: string | null = null) => ({
  match,
  exclude,
  dates,
});
const range = (from: string | null, to: string | null, negated = false): DateFilter => ({
  from,
  to,
  negated,
});

describe('parseQuery + compileQuery', () => {
  const table: [string, ReturnType<typeof run>][] = [
    ['frobnicator', plain('("frobnicator")')],
    ['s:frobnicator', plain('({subject} : "frobnicator")')],
    ['f:alice@example.org', plain('({sender} : "alice@example.org")')],
    ['t:linux-kernel', plain('({to_addr} : "linux-kernel")')],
    ['c:bob', plain('({cc_addr} : "bob")')],
    ['b:leak', plain('({body_own body_quoted} : "leak")')],
    ['bs:leak', plain('({subject body_own body_quoted} : "leak")')],
    ['nq:zorblax q:zorblax', plain('({body_own} : "zorblax") AND ({body_quoted} : "zorblax")')],
    [
      'a:alice tc:bob',
      plain('({sender to_addr cc_addr} : "alice") AND ({to_addr cc_addr} : "bob")'),
    ],
    ['"plugs the zorblax"', plain('("plugs the zorblax")')],
    ['s:"fix the frob"', plain('({subject} : "fix the frob")')],
    ['frob*', plain('("frob" *)')],
    ['"the frob"*', plain('("the frob" *)')],
    ['foo bar', plain('("foo") AND ("bar")')],
    ['foo AND bar', plain('("foo") AND ("bar")')],
    ['foo OR bar', plain('(("foo") OR ("bar"))')],
    ['a b OR c', plain('((("a") AND ("b")) OR ("c"))')],
    ['a (b OR c)', plain('("a") AND (("b") OR ("c"))')],
    ['s:(a OR b)', plain('(({subject} : "a") OR ({subject} : "b"))')],
    ['foo -bar', plain('(("foo")) NOT ("bar")')],
    ['foo NOT bar', plain('(("foo")) NOT ("bar")')],
    ['foo -(bar OR baz)', plain('(("foo")) NOT (("bar") OR ("baz"))')],
    ['NOT NOT foo', plain('("foo")')],
    ['-foo', plain(null, [], '("foo")')],
    ['(a -b) OR c', plain('(((("a")) NOT ("b")) OR ("c"))')],
    [
      'd:20180401..20180510',
      plain(null, [range('2018-04-01T00:00:00.000Z', '2018-05-11T00:00:00.000Z')]),
    ],
    ['d:2018-04-01..', plain(null, [range('2018-04-01T00:00:00.000Z', null)])],
    ['d:..20180510', plain(null, [range(null, '2018-05-11T00:00:00.000Z')])],
    ['d:2018', plain(null, [range('2018-01-01T00:00:00.000Z', '2019-01-01T00:00:00.000Z')])],
    ['d:2018-02', plain(null, [range('2018-02-01T00:00:00.000Z', '2018-03-01T00:00:00.000Z')])],
    ['d:2.weeks.ago..', plain(null, [range('2024-06-01T12:34:56.000Z', null)])],
    ['d:3.days.ago', plain(null, [range('2024-06-12T12:34:56.000Z', null)])],
    [
      'd:1.month.ago..yesterday',
      plain(null, [range('2024-05-15T12:34:56.000Z', '2024-06-15T00:00:00.000Z')]),
    ],
    ['d:yesterday..', plain(null, [range('2024-06-14T00:00:00.000Z', null)])],
    ['d:today', plain(null, [range('2024-06-15T00:00:00.000Z', '2024-06-16T00:00:00.000Z')])],
    [
      'foo -d:2018',
      plain('("foo")', [range('2018-01-01T00:00:00.000Z', '2019-01-01T00:00:00.000Z', true)]),
    ],
    // User text never becomes FTS5 syntax: quotes are doubled, operators stay inside strings.
    ['say"hi"', plain('("say") AND ("hi")')],
    ['"a ""b"', plain('("a ") AND ("b")')],
    ['col:x', plain('("col:x")')],
    ['x:y"z', plain('("x:y") AND ("z")')],
    ['NEAR/2', plain('("NEAR/2")')],
    ['and or not', plain('("and") AND ("or") AND ("not")')],
    ['"AND"', plain('("AND")')],
    ['+foo', plain('("foo")')],
    ['foo * " -', plain('("foo")')],
    ['"unclosed phrase', plain('("unclosed phrase")')],
    ['héllo wörld', plain('("héllo") AND ("wörld")')],
    ['a\u0000b', plain('("a") AND ("b")')],
    // Mistakes come back as messages.
    ['', { error: 'nothing to search for: give a word, a "phrase" or a field like s:word' }],
    ['*', { error: 'nothing to search for: give a word, a "phrase" or a field like s:word' }],
    ['(foo', { error: "unbalanced parentheses: '(' without ')'" }],
    ['foo)', { error: "unbalanced parentheses: ')' without '('" }],
    ['NEAR(a b)x(', { error: "unbalanced parentheses: '(' without ')'" }],
    ['()', { error: 'nothing to search for inside ( )' }],
    ['foo AND', { error: "'AND' needs a search term on each side" }],
    ['OR foo', { error: "'OR' needs a search term on each side" }],
    ['foo OR OR bar', { error: "'OR' needs a search term on each side" }],
    ['foo NOT', { error: "'NOT' needs a search term after it" }],
    [
      'a OR -b',
      {
        error:
          "NOT must exclude from something: write 'a NOT b' or 'a -b', not 'NOT b' alone inside OR",
      },
    ],
    [
      'a OR d:2018',
      {
        error:
          'd: ranges can only be combined with AND (e.g. s:foo d:2018..2019), not inside OR or ( )',
      },
    ],
    ['d:', { error: 'd: needs a date range, e.g. d:20180401..20180510' }],
    [
      'd:..',
      {
        error:
          'd:.. needs at least one date: use YYYYMMDD, YYYY-MM-DD, today, yesterday or N.days.ago (also weeks, months, years)',
      },
    ],
    [
      'd:20180231',
      {
        error:
          "cannot read the date '20180231' in d:20180231: use YYYYMMDD, YYYY-MM-DD, today, yesterday or N.days.ago (also weeks, months, years)",
      },
    ],
    [
      'd:2.fortnights.ago',
      {
        error:
          "cannot read the date '2.fortnights.ago' in d:2.fortnights.ago: use YYYYMMDD, YYYY-MM-DD, today, yesterday or N.days.ago (also weeks, months, years)",
      },
    ],
    [
      'd:20180510..20180401',
      { error: 'the date range d:20180510..20180401 ends before it starts' },
    ],
    ['d:(x)', { error: 'd: takes a date range like d:20180401..20180510' }],
  ];

  it.each(table)('%j', (q, expected) => {
    expect(run(q)).toEqual(expected);
  });

  it('bounds what a query can ask for', () => {
    expect(run('a '.repeat(1001))).toEqual({
      error: 'query too long: 2002 characters, at most 2000',
    });
    expect(run('a '.repeat(101))).toEqual({ error: 'too many terms: at most 100' });
    expect(run('('.repeat(17) + 'a' + ')'.repeat(17))).toEqual({
      error: 'too many nested parentheses: at most 16',
    });
    expect(run('('.repeat(16) + 'a' + ')'.repeat(16))).toEqual(plain('("a")'));
  });

  it('stays linear and never throws on a megabyte of hostile text', () => {
    for (const q of [
      '('.repeat(1 << 20),
      '"'.repeat(1 << 20),
      '-'.repeat(1 << 20),
      's:'.repeat(1 << 19),
    ]) {
      expect(run(q)).toEqual({ error: `query too long: ${q.length} characters, at most 2000` });
    }
    // Just under the length limit, lexing must not be quadratic either.
    expect(run('s:'.repeat(999))).toMatchObject({ match: expect.any(String) });
  });
});
