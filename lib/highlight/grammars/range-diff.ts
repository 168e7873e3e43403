import type { LanguageRegistration } from 'shiki/core';

// The left and right halves of a pair line: `1:  4209a02`, `-:  -------`, ` 9:  1a2b3c4`.
const SIDE = /(?:\d{1,5}|-): +(?:[0-9a-f]{4,40}|-{4,40})/.source;

/** A pair line whose operator is `op`, the whole line in `scope`. */
function pair(op: string, scope: string): { match: string; name: string } {
  return { match: `^ {0,4}${SIDE} \\${op} +${SIDE}(?: .{0,10000})?$`, name: scope };
}

/*
 * `git range-diff` output as `git format-patch --range-diff` puts it in cover letters. shiki's
 * diff grammar would colour the pair lines' `-:  -------` as deletions and miss that the
 * body is a diff of diffs indented by four spaces. Here `=` pairs (unchanged) are dim, `!`
 * changed, `<` (dropped) deleted, `>` (new) inserted; in the body, the outer `-`/`+` at
 * column 4 marks a whole line removed or added between the versions, and `@@` lines are hunk
 * headers. Scopes are the ones shiki's diff grammar uses, so the themes colour them alike.
 */
export const rangeDiff: LanguageRegistration = {
  name: 'range-diff',
  scopeName: 'text.range-diff',
  displayName: 'Range-diff',
  repository: {},
  patterns: [
    {
      // `Range-diff against v1:`, `Interdiff:`
      match: /^(?:Range-diff|Interdiff)\b.{0,200}:\s*$/.source,
      name: 'meta.diff.header.range-diff',
    },
    pair('=', 'comment.line.unchanged.range-diff'),
    pair('!', 'markup.changed.range-diff'),
    pair('<', 'markup.deleted.range-diff'),
    pair('>', 'markup.inserted.range-diff'),
    // `    @@ mm/slab.c: static void foo(void)`, `     @@ -1,3 +1,4 @@` (a hunk header as context)
    { match: /^ {4}[ -+]?@@.{0,10000}$/.source, name: 'meta.diff.range.unified.range-diff' },
    {
      match: /^ {4}(-).{0,10000}$/.source,
      name: 'markup.deleted.range-diff',
      captures: { 1: { name: 'punctuation.definition.deleted.range-diff' } },
    },
    {
      match: /^ {4}(\+).{0,10000}$/.source,
      name: 'markup.inserted.range-diff',
      captures: { 1: { name: 'punctuation.definition.inserted.range-diff' } },
    },
  ],
};
