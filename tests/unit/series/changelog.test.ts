import { describe, expect, it } from 'vitest';
import { coverChangelog, coverSummary, patchChangelog } from '@/lib/series/changelog';
import { loadFixture } from './fixtures';

describe('coverChangelog', () => {
  it('splits a real cover letter into its "Changes in vN" sections', async () => {
    const [cover] = await loadFixture('pw-base-different-versions.mbox');
    expect(coverChangelog(cover!.body)).toEqual([
      {
        heading: 'Changes in v3:',
        version: 3,
        lines: [
          '- removed the last patch since it causes problems with bcm_sf2/b53 in a',
          '  dual-CPU case (root cause known, proper fix underway)',
          '',
          '- removed dsa_ds_get_cpu_dp()',
        ],
      },
      {
        heading: 'Changes in v2:',
        version: 2,
        lines: [
          '- added Reviewed-by tags',
          '- assign port->cpu_dp earlier before ops->setup() has run',
        ],
      },
    ]);
  });

  it('reads the heading styles writers use and ends a section at prose', () => {
    const body = [
      'Intro.',
      '',
      'v2 -> v3:',
      ' * rebased',
      '',
      'Changes since v1:',
      '- dropped patch 3',
      '',
      'Thanks for looking.',
      'v1: https://lore.kernel.org/r/a@b',
      '---',
      'Ann Author (2):',
      '  foo',
    ].join('\n');
    expect(coverChangelog(body)).toEqual([
      { heading: 'v2 -> v3:', version: 3, lines: [' * rebased'] },
      { heading: 'Changes since v1:', version: 2, lines: ['- dropped patch 3'] },
      { heading: 'v1', version: 1, lines: ['https://lore.kernel.org/r/a@b'] },
    ]);
  });

  it('gives the prose of a cover letter up to the shortlog', async () => {
    const [cover] = await loadFixture('b4-trailers-thread-with-cover-followup.mbox');
    expect(coverSummary(cover!.body)).toEqual([
      'Test patches for pytest.',
      '',
      'Signed-off-by: Konstantin Ryabitsev <konstantin@linuxfoundation.org>',
    ]);
  });
});

describe('patchChangelog', () => {
  it('takes the notes between --- and the diff (b4 non-git-patch-with-comments)', async () => {
    const [patch] = await loadFixture('b4-trailers-followup-non-git-patch-with-comments.mbox');
    expect(patchChangelog(patch!.body)).toEqual([
      {
        heading: '',
        lines: [
          'This contains comments that are included below the message, but there is ',
          'no diffstat.',
        ],
      },
    ]);
  });

  it('has none when only a diffstat follows ---, and splits headed notes', async () => {
    const [, patch] = await loadFixture('b4-trailers-thread-with-cover-followup.mbox');
    expect(patchChangelog(patch!.body)).toEqual([]);
    const body =
      'Fix.\n\nSigned-off-by: A <a@x>\n---\nv3:\n - use foo\nv2: rebased\n\n a.c | 2 +-\n\ndiff --git a/a.c b/a.c\n';
    expect(patchChangelog(body)).toEqual([
      { heading: 'v3:', version: 3, lines: [' - use foo'] },
      { heading: 'v2', version: 2, lines: ['rebased'] },
    ]);
  });

  it('stays linear on a hostile 1 MB heading-like line', () => {
    const body = `---\nChanges ${'in '.repeat(350_000)}\n`;
    expect(patchChangelog(body)).toEqual([{ heading: '', lines: [body.split('\n')[1]!] }]);
  });
});
