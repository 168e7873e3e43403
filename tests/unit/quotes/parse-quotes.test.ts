import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_DEPTH } from '../../../lib/limits';
import { parseQuotes, splitQuoteMarker } from '../../../lib/quotes/parse-quotes';

const depths = (lines: string[]) => parseQuotes(lines).map((q) => q.depth);

describe('splitQuoteMarker', () => {
  it.each([
    ['> a', 1, 'a', '> '],
    ['>a', 1, 'a', '>'],
    ['>', 1, '', '>'],
    ['> > a', 2, 'a', '> > '],
    ['>> a', 2, 'a', '>> '],
    ['> >> a', 3, 'a', '> >> '],
    ['>> > a', 3, 'a', '>> > '],
    ['>  > a', 2, 'a', '>  > '],
    ['>>>a', 3, 'a', '>>>'],
    [' > a', 1, 'a', ' > '],
    ['>  indented', 1, ' indented', '> '],
    ['a > b', 0, 'a > b', ''],
    ['', 0, '', ''],
  ])('%j → depth %i, text %j', (line, depth, text, marker) => {
    expect(splitQuoteMarker(line)).toEqual({ depth, text, marker });
  });

  it('caps depth but strips every marker', () => {
    expect(splitQuoteMarker('>'.repeat(10_000) + ' deep')).toEqual({
      depth: MAX_QUOTE_DEPTH,
      text: 'deep',
      marker: '>'.repeat(10_000) + ' ',
    });
  });
});

describe('| quoting', () => {
  it('quotes a whole | block that stands alone', () => {
    expect(depths(['Bernhard wrote:', '| one', '| two', '|', '| three', '', 'answer'])).toEqual([
      0, 1, 1, 1, 1, 0, 0,
    ]);
    expect(parseQuotes(['', '| one', '| two', '']).map((q) => q.text)).toEqual([
      '',
      'one',
      'two',
      '',
    ]);
  });

  it('leaves C, tables, git graphs and single lines alone', () => {
    expect(depths(['', '| a | b |', '| 1 | 2 |', ''])).toEqual([0, 0, 0, 0]);
    expect(depths(['', '| * abc', '| * def', ''])).toEqual([0, 0, 0, 0]);
    expect(depths(['', '| just one line', ''])).toEqual([0, 0, 0]);
    expect(depths(['x = a | b;', '| c;'])).toEqual([0, 0]);
    expect(depths(['text', '| one', '| two', ''])).toEqual([0, 0, 0, 0]);
  });
});

describe('broken-wrapped tails', () => {
  const long = '> These patches are in v4.14.36 and can be dropped from the branch now';

  it('joins a short continuation between quoted lines', () => {
    expect(depths([long, 'that stable has them.', '> More.'])).toEqual([1, 1, 1]);
    expect(depths(['> > ' + long.slice(2), 'cross compiling with Clang', '> > next'])).toEqual([
      2, 2, 2,
    ]);
  });

  it('joins a lowercase continuation at the end of a quoted paragraph', () => {
    expect(depths([long, 'that stable has them.', ''])).toEqual([1, 1, 0]);
  });

  it('keeps real inline answers at depth 0', () => {
    expect(depths([long, 'Yes.', '> More.'])).toEqual([1, 0, 1]);
    expect(depths([long, 'The value is fine.', '> More.'])).toEqual([1, 0, 1]);
    expect(depths([long, 'Why?', '> More.'])).toEqual([1, 0, 1]);
    expect(depths([long, 'Reviewed-by: A B <a@b.c>', '> More.'])).toEqual([1, 0, 1]);
    expect(depths([long, 'Agreed', ''])).toEqual([1, 0, 0]);
    // After a blank the line starts a new paragraph: only lowercase tails are joined.
    expect(depths([long, 'Sounds good', ''])).toEqual([1, 0, 0]);
  });

  it('needs a line long enough to have been wrapped', () => {
    expect(depths(['> A short quoted line.', 'more text', '> More.'])).toEqual([1, 0, 1]);
    // 62 columns + ' tail' fits in 72: no client would have wrapped there.
    expect(depths(['> ' + 'x'.repeat(60), 'tail', '> More.'])).toEqual([1, 0, 1]);
  });

  it('needs the next line at the same depth or blank', () => {
    expect(depths([long, 'that stable has them.', 'and more prose'])).toEqual([1, 0, 0]);
    expect(depths([long, 'that stable has them.', '> > deeper'])).toEqual([1, 0, 2]);
  });

  it('keeps the tail text as written and marks no marker', () => {
    expect(parseQuotes([long, 'that stable has them.', '> x'])[1]).toEqual({
      depth: 1,
      text: 'that stable has them.',
      marker: '',
    });
  });
});
