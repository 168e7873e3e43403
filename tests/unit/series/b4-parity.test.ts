import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { assembleSeries } from '@/lib/series/assemble-series';
import { seriesJson } from '@/lib/series/series-json';
import { seriesReportMbox } from '@/lib/series/series-mbox-of';
import { FIXTURES, fixtureStore } from './fixtures';

// `From mboxrd@z …` (ours) or `From git@z …` (b4's): one mbox entry each.
const RE_ENTRY = /^From (?:mboxrd|git)@z .*\n/m;

// Where git am stops reading the commit message: the `---` line, or the diff.
const RE_MESSAGE_END = /^(?:---$|--- a\/|diff )/;

/** Each patch of an mbox as its subject and commit message (what git am commits). */
function commits(mbox: string): { subject: string; message: string[] }[] {
  return mbox
    .split(RE_ENTRY)
    .filter((e) => e.trim() !== '')
    .map((entry) => {
      const [head, ...rest] = entry.split('\n\n');
      const lines = rest.join('\n\n').split('\n');
      const end = lines.findIndex((l) => RE_MESSAGE_END.test(l));
      const message = lines.slice(0, end < 0 ? undefined : end);
      while (message.at(-1) === '') message.pop();
      return { subject: /^Subject: (.*)$/m.exec(head!)![1]!, message };
    });
}

/** b4's reference output (src/tests/samples/*-ref-*.txt) of one of its sample mboxes. */
function reference(name: string, drop: (line: string) => boolean = () => false) {
  return commits(fs.readFileSync(path.join(FIXTURES, name), 'utf8')).map((c) => ({
    ...c,
    message: c.message.filter((l) => !drop(l)),
  }));
}

async function ours(name: string, messageId: string) {
  const store = await fixtureStore([name]);
  const report = (await assembleSeries(store.seriesSource(name), messageId))!;
  await store.close();
  return { report, commits: commits(seriesReportMbox(report)) };
}

describe('series mbox against b4 am', () => {
  it('keeps one address under two names twice (with-cover, b4 --add-link --add-my-sob)', async () => {
    const { commits: got } = await ours(
      'b4-trailers-followup-with-cover.mbox',
      'cover-message@example.com',
    );
    // The options add a Link to each patch and the maintainer's sign-off; we add neither.
    const b4 = reference(
      'b4-trailers-followup-with-cover-ref-addlink.txt',
      (l) => l.startsWith('Link: https://lore.kernel.org/r/') || l.includes('Test Override'),
    );
    expect(got).toEqual(b4);
    expect(got[1]!.message.slice(-2)).toEqual([
      'Reviewed-by: Followup Reviewer1 <followup-reviewer1@example.com>',
      'Reviewed-by: Coverletter Reviewer1 <followup-reviewer1@example.com>',
    ]);
  });

  it('cleans HTML mailto junk (htmljunk)', async () => {
    const { commits: got } = await ours(
      'b4-trailers-followup-htmljunk.mbox',
      'orig-message@example.com',
    );
    expect(got).toEqual(reference('b4-trailers-followup-htmljunk-ref-defaults.txt'));
  });

  it('adds before a diff without --- line (stripped-lines), and above notes (non-git-patch-with-comments)', async () => {
    const stripped = await ours(
      'b4-trailers-followup-stripped-lines.mbox',
      'orig-message@example.com',
    );
    expect(stripped.commits).toEqual(
      reference('b4-trailers-followup-stripped-lines-ref-defaults.txt'),
    );
    const notes = await ours(
      'b4-trailers-followup-non-git-patch-with-comments.mbox',
      'orig-message@example.com',
    );
    expect(notes.commits).toEqual(
      reference('b4-trailers-followup-non-git-patch-with-comments-ref-defaults.txt'),
    );
  });

  it('adds nothing for suggested (indented) or relayed tags (already-present)', async () => {
    const { report, commits: got } = await ours(
      'b4-trailers-followup-already-present.mbox',
      'fwup-message-1@example.com',
    );
    // b4's test: only the relayed Tested-by is a mismatch; the indented suggestions are no tags.
    const fromReplies = report.parts[0]!.trailers.filter((t) => t.from === 'reply');
    expect(fromReplies.map((t) => [t.label, t.value, t.mismatched ?? false])).toEqual([
      ['Tested-by', 'Someone Else <someone-else@example.com>', true],
    ]);
    expect(seriesJson(report).parts[0]!.trailers.every((t) => t.from === 'patch')).toBe(true);
    expect(got).toEqual([
      {
        subject: '[PATCH] rust: pwm: replace core::mem::zeroed with pin_init::zeroed',
        message: [
          'Suggested-by: Benno Lossin <lossin@kernel.org>',
          'Link: https://github.com/Rust-for-Linux/linux/issues/1189',
          'Reviewed-by: Alexandre Courbot <acourbot@nvidia.com>',
          'Acked-by: Michal Wilczynski <m.wilczynski@samsung.com>',
          'Signed-off-by: Francis Laniel <laniel_francis@privacyrequired.com>',
        ],
      },
    ]);
  });
});
