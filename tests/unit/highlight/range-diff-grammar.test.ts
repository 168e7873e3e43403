import { describe, expect, it } from 'vitest';
import { chooseGrammar, isRangeDiff } from '../../../lib/highlight/choose-grammar';
import { highlightBlock } from '../../../lib/highlight/highlight-block';
import { fixtureLines, scopeOf, scopesOf } from './helpers';

const RANGE_DIFF = fixtureLines('range-diff-v2.txt');

describe('range-diff grammar', () => {
  it('is chosen for a diff block that starts with a range-diff title or pair line only', () => {
    expect(chooseGrammar('diff', undefined, RANGE_DIFF)).toBe('range-diff');
    expect(chooseGrammar('diff', undefined, RANGE_DIFF.slice(1))).toBe('range-diff');
    // An interdiff is a plain unified diff under its title.
    expect(chooseGrammar('diff', undefined, fixtureLines('interdiff-v2.txt'))).toBe('diff');
    expect(chooseGrammar('diff', undefined, ['diff --git a/x b/x'])).toBe('diff');
    expect(chooseGrammar('diff', undefined)).toBe('diff');
    // A title with no pair line under it is not enough.
    expect(isRangeDiff(['Range-diff against v1:', 'diff --git a/x b/x'])).toBe(false);
    expect(isRangeDiff(['', ' 9:  1a2b3c4 <  -:  ------- mm: old'])).toBe(true);
  });

  it('colours pair lines by their operator: = dim, ! changed, < removed, > added', async () => {
    expect(await scopesOf('range-diff', RANGE_DIFF[1]!)).toEqual([
      ['1:  4209a02 ! 1:  55e547d mm: fix frobnicator', 'markup.changed.range-diff'],
    ]);
    expect(await scopeOf('range-diff', RANGE_DIFF[20]!, RANGE_DIFF[20]!)).toBe(
      'comment.line.unchanged.range-diff',
    );
    expect(await scopeOf('range-diff', RANGE_DIFF[21]!, RANGE_DIFF[21]!)).toBe(
      'markup.deleted.range-diff',
    );
    expect(await scopeOf('range-diff', RANGE_DIFF[22]!, RANGE_DIFF[22]!)).toBe(
      'markup.inserted.range-diff',
    );
  });

  it('marks the body: outer -/+ at column 4 deleted/inserted, @@ lines hunk headers', async () => {
    expect(RANGE_DIFF[2]).toBe('    @@ Metadata');
    expect(await scopesOf('range-diff', RANGE_DIFF[2]!)).toEqual([
      ['    @@ Metadata', 'meta.diff.range.unified.range-diff'],
    ]);
    expect(await scopesOf('range-diff', '    -    mm: fix frobnicator')).toEqual([
      ['-', 'punctuation.definition.deleted.range-diff'],
      ['    mm: fix frobnicator', 'markup.deleted.range-diff'],
    ]);
    expect(await scopeOf('range-diff', '    ++\tquux();', '+')).toBe(
      'punctuation.definition.inserted.range-diff',
    );
    // An inner `-` (column 5) is a line both versions of the patch delete: context here.
    expect(await scopesOf('range-diff', '     -\tbaz();')).toEqual([
      ['     -\tbaz();', 'text.range-diff'],
    ]);
  });

  it('renders the four pair kinds in four different colours', async () => {
    const html = await highlightBlock('diff', undefined, RANGE_DIFF);
    const styleOf = (i: number) => /style="([^"]*)"/.exec(html[i]!)?.[1];
    const styles = [1, 20, 21, 22].map(styleOf);
    expect(styles.every((s) => s !== undefined)).toBe(true);
    expect(new Set(styles).size).toBe(4);
    expect(html[22]).toContain('-:  ------- &gt; 3:  721f85c mm: new third patch');
  });
});
