/**
 * Changelogs of a series: what changed between versions. Patches carry theirs under
 * the `---` line (git am drops it), cover letters in sections such as
 *
 *   Changes in v3:            v2 -> v3:             Changes since v1:
 *   - fix the foo             * rebased              - …
 */
import type { ChangelogSection } from './series-types';
import { isDiffstatLine, patchLayout } from './patch-layout';
import { MAX_CHANGELOG_LINES } from '../limits';

// A heading on its own line: `Changes in v3:`, `Changelog:`, `Since v1:`, `v2 -> v3:`, `V2:`.
// `[^:\n]{0,80}` is bounded: linear.
const RE_HEADING =
  /^[ \t]{0,3}(?:(?:changes|changelog|change log|revisions?)\b[^:\n]{0,80}|since v\d{1,4}|v\d{1,4}(?:[ \t]*(?:->|→|=>|\.\.|to|vs\.?)[ \t]*v\d{1,4})?)[ \t]*:?[ \t]*$/i;

// A one-line entry that is its own heading: `v2: rebased on net-next`.
const RE_INLINE =
  /^[ \t]{0,3}(v\d{1,4}(?:[ \t]*(?:->|→|=>|\.\.|to)[ \t]*v\d{1,4})?)[ \t]*:[ \t]+(\S.*)$/i;

// Each `vN` in a heading; the last one names the version the changes lead to.
const RE_VERSION = /v(\d{1,4})/gi;

// `since v2`, `from v2`: the changes lead to the next version.
const RE_SINCE = /\b(?:since|from)\b/i;

// Lines that end a cover letter's prose: the shortlog `Ann Author (3):`, `base-commit:`.
const RE_COVER_END = /^(?:\S.{0,200} \(\d{1,5}\):$|base-commit: |change-id: |prerequisite-)/;

// A list item or continuation: `- foo`, `* foo`, `  wrapped`, `1. foo`, `o foo`.
const RE_ITEM = /^(?:[ \t]+\S|[-*+•o] |\d{1,3}[.)] )/;

const RE_SIGNATURE = /^--[ \t]?$/;

// A `---` rule: git's separator, or one a writer put between sections.
const RE_RULE = /^---[ \t]*$/;

function headingVersion(heading: string): number | undefined {
  const all = [...heading.matchAll(RE_VERSION)];
  const last = all.at(-1);
  if (!last) return undefined;
  const n = Number(last[1]);
  return all.length === 1 && RE_SINCE.test(heading) ? n + 1 : n;
}

function section(heading: string, lines: string[] = []): ChangelogSection {
  const version = headingVersion(heading);
  return { heading: heading.trim(), ...(version !== undefined ? { version } : {}), lines };
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.trim() === '') a++;
  while (b > a && lines[b - 1]!.trim() === '') b--;
  return lines.slice(a, b).slice(0, MAX_CHANGELOG_LINES);
}

/** Sections found in `lines`; a section ends at a blank line followed by ordinary prose. */
function sections(lines: readonly string[]): ChangelogSection[] {
  const out: ChangelogSection[] = [];
  let current: ChangelogSection | null = null;
  const close = () => {
    if (current) out.push({ ...current, lines: trimBlank(current.lines) });
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (RE_SIGNATURE.test(line) || RE_COVER_END.test(line)) break;
    const inline = RE_INLINE.exec(line);
    if (RE_RULE.test(line)) close();
    else if (RE_HEADING.test(line)) {
      close();
      current = section(line);
    } else if (inline) {
      close();
      current = section(inline[1]!, [inline[2]!]);
    } else if (current) {
      const c: ChangelogSection = current;
      const prevBlank = i > 0 && lines[i - 1]!.trim() === '';
      if (line.trim() !== '' && prevBlank && !RE_ITEM.test(line) && c.lines.some((l) => l.trim()))
        close();
      else c.lines.push(line);
    }
  }
  close();
  return out.filter((s) => s.lines.length > 0);
}

/**
 * A patch's notes: the text between `---` and the diffstat or diff. Headed sections
 * (`v2: …`) are split out; notes without a heading come back as one unheaded section.
 */
export function patchChangelog(body: string): ChangelogSection[] {
  const layout = patchLayout(body);
  if (layout.separator < 0) return [];
  const notes = layout.lines
    .slice(layout.separator + 1, layout.notesEnd)
    .filter((l) => !isDiffstatLine(l));
  const headed = sections(notes);
  if (headed.length > 0) return headed;
  const lines = trimBlank(notes);
  return lines.length > 0 ? [{ heading: '', lines }] : [];
}

/**
 * Every version the headings name: `Changes since v2` names 2, `v2 -> v3` names 2 and 3,
 * `v4: https://…` names 4. What a posting's changelog says about its earlier versions.
 */
export function namedVersions(sections: readonly ChangelogSection[]): Set<number> {
  const out = new Set<number>();
  for (const s of sections) for (const m of s.heading.matchAll(RE_VERSION)) out.add(Number(m[1]));
  return out;
}

/** The `Changes in vN` sections of a cover letter, in the order written. */
export function coverChangelog(body: string): ChangelogSection[] {
  return sections(body.split('\n'));
}

/** The cover letter's prose: its text up to the shortlog, diffstat or `---`. */
export function coverSummary(body: string): string[] {
  const lines = body.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (RE_RULE.test(line) || RE_COVER_END.test(line) || isDiffstatLine(line)) break;
    out.push(line);
  }
  return trimBlank(out);
}
