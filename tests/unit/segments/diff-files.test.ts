import { describe, expect, it } from 'vitest';
import type { Segment } from '@/lib/types';
import { diffLineOf, findDiffFiles, splitDiffstatRow } from '@/lib/segments/diff-files';

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
});
