import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/types';
import {
  diffLineOf,
  findDiffFiles,
  renamedPath,
  splitDiffstatRow,
} from '@/lib/segments/diff-files';

const patch: Segment = {
  kind: 'diff',
  depth: 0,
  start: 10,
  lines: [
    ' mm/slab.c                                   | 3 ++-',
    ' .../gpu/drm/amd/display/dc/core/dc_link.c   | 2 +-',
    ' 2 files changed, 3 insertions(+), 2 deletions(-)',
    '',
    'diff --git a/mm/slab.c b/mm/slab.c',
    'index 1111111..2222222 100644',
    '--- a/mm/slab.c',
    '+++ b/mm/slab.c',
    'diff --git a/drivers/gpu/drm/amd/display/dc/core/dc_link.c b/drivers/gpu/drm/amd/display/dc/core/dc_link.c',
  ],
};

describe('findDiffFiles', () => {
  it('maps each file to the body line of its diff header', () => {
    const files = findDiffFiles([patch]);
    expect([...files]).toEqual([
      ['mm/slab.c', 15],
      ['drivers/gpu/drm/amd/display/dc/core/dc_link.c', 19],
    ]);
  });

  it('resolves abbreviated diffstat paths by their tail', () => {
    const files = findDiffFiles([patch]);
    expect(diffLineOf(files, 'mm/slab.c')).toBe(15);
    expect(diffLineOf(files, '.../gpu/drm/amd/display/dc/core/dc_link.c')).toBe(19);
    expect(diffLineOf(files, 'fs/other.c')).toBeUndefined();
  });

  it('recognises diffstat lines and not the summary or prose with a pipe', () => {
    const row = splitDiffstatRow(patch.lines[0]!)!;
    expect([row.lead, row.path]).toEqual([' ', 'mm/slab.c']);
    expect(splitDiffstatRow(patch.lines[2]!)).toBeNull();
    expect(splitDiffstatRow('use a | b to combine')).toBeNull();
  });

  it('ignores diffs that are not diff segments', () => {
    expect(findDiffFiles([{ ...patch, kind: 'prose' }]).size).toBe(0);
  });

  it('links rename rows to the diff of the new name, braces, arrows and `.../` alike', () => {
    // Rows as git prints them; the first from thread-detect-invalid-branches-v2 patch 06/28.
    const renames: Segment = {
      kind: 'diff',
      depth: 0,
      start: 3,
      lines: [
        '---',
        ' .../{asm-goto-lables.c => asm-goto-labels.c} |  0',
        ' drivers/net/{old.c => new.c}                 |  4 ++--',
        ' old-name.h => include/new-name.h             |  2 +-',
        ' lib/{ => sub}/moved.c                        |  0',
        ' 4 files changed, 3 insertions(+), 3 deletions(-)',
        '',
        'diff --git a/validation/linear/asm-goto-lables.c b/validation/linear/asm-goto-labels.c',
        'similarity index 100%',
        'diff --git a/drivers/net/old.c b/drivers/net/new.c',
        'diff --git a/old-name.h b/include/new-name.h',
        'diff --git a/lib/moved.c b/lib/sub/moved.c',
      ],
    };
    const files = findDiffFiles([renames]);
    const rows = renames.lines.slice(1, 5).map((l) => splitDiffstatRow(l)!);
    expect(rows.map((r) => r.path)).toEqual([
      '.../{asm-goto-lables.c => asm-goto-labels.c}',
      'drivers/net/{old.c => new.c}',
      'old-name.h => include/new-name.h',
      'lib/{ => sub}/moved.c',
    ]);
    // The row is rebuilt exactly from its parts: the link wraps only the path.
    rows.forEach((r, i) => expect(r.lead + r.path + r.rest).toBe(renames.lines[i + 1]));
    expect(rows.map((r) => diffLineOf(files, r.path))).toEqual([11, 13, 14, 15]);
    expect(splitDiffstatRow(' drivers/net/{old.c => new.c} | 4 ++--')!.path).toBe(
      'drivers/net/{old.c => new.c}',
    );
  });

  it('takes the new name of a rename path', () => {
    expect(renamedPath('drivers/net/{old.c => new.c}')).toBe('drivers/net/new.c');
    expect(renamedPath('{a => b}/c.c')).toBe('b/c.c');
    expect(renamedPath('lib/{sub => }/moved.c')).toBe('lib/moved.c');
    expect(renamedPath('a.c => b/c.c')).toBe('b/c.c');
    expect(renamedPath('mm/slab.c')).toBe('mm/slab.c');
  });

  it('leaves prose with an arrow and a pipe alone', () => {
    expect(splitDiffstatRow('map x => y | z')).toBeNull();
    expect(splitDiffstatRow(' x => y | and then some')).toBeNull();
    expect(splitDiffstatRow(` ${'a => '.repeat(400)}b | 1 +`)).toBeNull();
  });
});
