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

// A rename row of a diffstat, which the classifier's RE_DIFFSTAT_ROW leaves out for its
// spaces: ` drivers/net/{old.c => new.c} | 4 ++--`, ` old.c => new.c | 0`,
// ` .../{asm-goto-lables.c => asm-goto-labels.c} |  0` (git's own spelling, diff.c
// pprint_rename). Bounded so a hostile line cannot make it backtrack for long.
const RE_RENAME_ROW =
  /^( {1,2})(\S[^|]{0,600}? => [^|]{0,600}?)( +\| +(?:\d{1,7} ?[+-]{0,500}|Bin \d[^|]{0,100})\s*)$/;

// The `{old => new}` part of a rename path; either side may be empty (`{ => sub}/a.c`).
const RE_RENAME_BRACES = /\{([^{}]*) => ([^{}]*)\}/;

/** The post-image path of a diffstat path: `a/{b.c => c.c}` → `a/c.c`, `a.c => b.c` → `b.c`. */
export function renamedPath(statPath: string): string {
  const braces = RE_RENAME_BRACES.exec(statPath);
  if (braces) {
    const joined =
      statPath.slice(0, braces.index) + braces[2] + statPath.slice(braces.index + braces[0].length);
    // An empty side leaves a doubled or leading slash: `a/{ => sub}/b.c` → `a//b.c`.
    return joined.replace(/\/{2,}/g, '/').replace(/^\//, '');
  }
  const arrow = statPath.lastIndexOf(' => ');
  return arrow < 0 ? statPath : statPath.slice(arrow + 4);
}

/**
 * The diff line of a diffstat path; a renamed file is found under its new name, and git
 * abbreviates long paths as `.../tail`, found by suffix.
 */
export function diffLineOf(
  files: ReadonlyMap<string, number>,
  statPath: string,
): number | undefined {
  const path = renamedPath(statPath);
  const exact = files.get(path);
  if (exact !== undefined || !path.startsWith('...')) return exact;
  const tail = path.slice(3);
  for (const [file, line] of files) if (file.endsWith(tail)) return line;
  return undefined;
}

/** A diffstat row (the classifier's definition, or a rename row) split around its path, else null. */
export function splitDiffstatRow(
  line: string,
): { lead: string; path: string; rest: string } | null {
  if (!RE_DIFFSTAT_ROW.test(line)) {
    const r = RE_RENAME_ROW.exec(line);
    return r ? { lead: r[1]!, path: r[2]!, rest: r[3]! } : null;
  }
  const m = RE_ROW_PARTS.exec(line);
  return m ? { lead: m[1]!, path: m[2]!, rest: m[3]! } : null;
}
