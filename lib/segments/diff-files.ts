import type { Segment } from '../types';
import { RE_DIFFSTAT_ROW } from '../blocks/line-patterns';

// The path of a diffstat row and what surrounds it: ` ` `mm/slab.c` ` | 3 ++-`.
const RE_ROW_PARTS = /^(\s*)(\S+)(.*)$/;

// `diff --git a/mm/slab.c b/mm/slab.c` → `mm/slab.c` (the post-image path).
const RE_DIFF_GIT = /^diff --git a\/\S{1,4096} b\/(\S{1,4096})$/;
// `+++ b/mm/slab.c` (also for plain unified diffs without a git header).
const RE_PLUS_FILE = /^\+\+\+ b\/(\S{1,4096})/;

/**
 * Where each file's diff starts in a message: path → body line (1-based), so a diffstat
 * line can link to its file's diff as lore does.
 */
export function findDiffFiles(segments: readonly Segment[]): Map<string, number> {
  const files = new Map<string, number>();
  for (const s of segments) {
    if (s.kind !== 'diff') continue;
    s.lines.forEach((line, i) => {
      const m = RE_DIFF_GIT.exec(line) ?? RE_PLUS_FILE.exec(line);
      if (m && !files.has(m[1]!)) files.set(m[1]!, s.start + i + 1);
    });
  }
  return files;
}

/** The diff line of a diffstat path; git abbreviates long paths as `.../tail`. */
export function diffLineOf(
  files: ReadonlyMap<string, number>,
  statPath: string,
): number | undefined {
  const exact = files.get(statPath);
  if (exact !== undefined || !statPath.startsWith('...')) return exact;
  const tail = statPath.slice(3);
  for (const [path, line] of files) if (path.endsWith(tail)) return line;
  return undefined;
}

/** A diffstat row (the classifier's definition) split around its path, else null. */
export function splitDiffstatRow(
  line: string,
): { lead: string; path: string; rest: string } | null {
  if (!RE_DIFFSTAT_ROW.test(line)) return null;
  const m = RE_ROW_PARTS.exec(line);
  return m ? { lead: m[1]!, path: m[2]!, rest: m[3]! } : null;
}
