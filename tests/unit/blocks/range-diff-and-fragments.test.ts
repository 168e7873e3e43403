import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../../lib/blocks/classify-blocks';

const kinds = (lines: string[]) => classifyBlocks(lines).map((b) => [b.kind, b.start, b.end]);

describe('range-diff and interdiff', () => {
  it('keeps a range-diff a diff block of its own under the diffstat', () => {
    const lines = [
      ' slab.c | 9 +++++++--',
      ' 1 file changed, 7 insertions(+), 2 deletions(-)',
      '',
      'Range-diff against v1:',
      '1:  4209a02 ! 1:  55e547d mm: fix frobnicator',
      '    @@ Metadata',
      '    -    mm: fix frobnicator',
      '    +    mm: fix the frobnicator',
      '2:  e9bec8c = 2:  b3b9986 mm: second patch',
    ];
    expect(kinds(lines)).toEqual([
      ['diff', 0, 3],
      ['diff', 3, 9],
    ]);
  });

  it('keeps blank lines (context whose spaces a client ate) and padded pair numbers inside', () => {
    const lines = [
      ' 9:  1a2b3c4 ! 10:  5d6e7f8 mm: fix the frobnicator',
      '    @@ mm/slab.c: static void foo(void)',
      '',
      '    -\tbaz();',
      '10:  9a8b7c6 = 11:  3d4e5f6 mm: second patch',
      ' -:  ------- > 12:  7e8f9a0 mm: new third patch',
      '',
      'Thanks for the reviews of v1, this should address everything.',
    ];
    expect(kinds(lines)).toEqual([
      ['diff', 0, 6],
      ['prose', 6, 8],
    ]);
  });

  it('claims an interdiff title with the unified diff under it', () => {
    const lines = [
      'Interdiff against v1:',
      'diff --git a/slab.c b/slab.c',
      '--- a/slab.c',
      '+++ b/slab.c',
      '@@ -1,2 +1,2 @@',
      '-\tqux();',
      '+\tquux();',
    ];
    expect(kinds(lines)).toEqual([['diff', 0, 7]]);
  });

  it('leaves a title-like sentence without a range-diff under it as prose', () => {
    expect(kinds(['Range-diff against v1:', 'is missing, please resend.'])).toEqual([
      ['prose', 0, 2],
    ]);
  });
});

describe('quoted hunk fragments', () => {
  it('reads a lone quoted hunk line as diff when it is the whole excerpt', () => {
    expect(kinds(['+\t/* check the vale we got was int/uint type */'])).toEqual([['diff', 0, 1]]);
  });

  it('reads context-only excerpts (` \\t...`, ` }`) as diff', () => {
    expect(kinds([' \treturn 0;', ' }'])).toEqual([['diff', 0, 2]]);
    expect(kinds(['  {', '  \tWARN_ON(x);', '  }'])).toEqual([['diff', 0, 3]]);
  });

  it('keeps comment lines of a quoted hunk inside it', () => {
    const lines = ['+/*', '+ * Returns a constant expression while determining if its', '+ */'];
    expect(kinds(lines)).toEqual([['diff', 0, 3]]);
  });

  it('leaves bullet lists and +1 as prose', () => {
    expect(kinds(['  * fix the frobnicator', '  * drop the helper'])).toEqual([['prose', 0, 2]]);
    expect(kinds(['- fix the frobnicator', '- drop the helper'])).toEqual([['prose', 0, 2]]);
    expect(kinds(['+1'])).toEqual([['prose', 0, 1]]);
  });

  it('stays linear on hostile lines the fragment and range-diff passes see uncut', () => {
    const MB = 1024 * 1024;
    for (const line of [
      `+{${' '.repeat(MB)}x`,
      ` {${' '.repeat(MB)}x`,
      `1:${' '.repeat(MB)}x`,
      `Range-diff against v${'1'.repeat(MB)}`,
    ]) {
      expect(classifyBlocks([line, line])).toHaveLength(1);
    }
  });
});
