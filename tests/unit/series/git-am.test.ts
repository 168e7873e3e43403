import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assembleSeries } from '@/lib/series/assemble-series';
import { seriesReportMbox } from '@/lib/series/series-mbox-of';
import { fixtureListStore, fixtureStore } from './fixtures';
import { preImage } from './pre-image';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    // A clean, predictable git: no user or system configuration leaks in.
    env: { ...process.env, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

/** A repository holding the series' pre-image, with the mbox applied by `git am`. */
function applyMbox(mbox: string): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-git-am-'));
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'config', 'user.name', 'Threadlight Test');
  git(repo, 'config', 'user.email', 'test@threadlight.invalid');
  for (const [file, content] of preImage(mbox)) {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), content);
  }
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'pre-image');
  fs.writeFileSync(path.join(repo, 'series.mbox'), mbox);
  git(repo, 'am', '-q', 'series.mbox');
  return repo;
}

/** The last n commits, oldest first: author line, then the message. */
function commits(repo: string, n: number): string[][] {
  return git(repo, 'log', '--reverse', '--format=%an <%ae>%n%B%x00', `HEAD~${n}..HEAD`)
    .split('\0')
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((c) => c.split('\n'));
}

describe('series mbox round trip through git am', () => {
  it('applies a real series with the collected trailers in the commit messages', async () => {
    const name = 'b4-trailers-thread-with-cover-followup.mbox';
    const store = await fixtureStore([name]);
    const report = (await assembleSeries(
      store.seriesSource(name),
      '20221025-test1-v1-0-e4f28f57990c@linuxfoundation.org',
    ))!;
    await store.close();
    const mbox = seriesReportMbox(report);

    const repo = applyMbox(mbox);

    const log = commits(repo, 4);
    const trailers = log.map((c) => c.filter((l) => /^[A-Z][a-z-]+: /.test(l)));
    expect(log.map((c) => c.slice(0, 2))).toEqual([
      ['Konstantin Ryabitsev <konstantin@linuxfoundation.org>', 'Remove line 2 from file2'],
      ['Konstantin Ryabitsev <konstantin@linuxfoundation.org>', 'Add more lines to file 1'],
      ['Konstantin Ryabitsev <konstantin@linuxfoundation.org>', 'Add some paragraphs to lipsum'],
      ['Konstantin Ryabitsev <konstantin@linuxfoundation.org>', 'Minor typo changes imitation'],
    ]);
    const sob = 'Signed-off-by: Konstantin Ryabitsev <konstantin@linuxfoundation.org>';
    const cover = 'Reviewed-by: Cover Upper <cover.upper@example.org>';
    expect(trailers).toEqual([
      [sob, cover],
      [sob, cover],
      [sob, cover],
      [
        sob,
        'Tested-by: Follow Upper <follow.upper@example.org>',
        'Link: https://example.org',
        'Closes: https://example.org/bug/1234',
        cover,
      ],
    ]);
    // The tree is the series' end state: patch 4's change is in.
    expect(fs.readFileSync(path.join(repo, 'lipsum.txt'), 'utf8')).toContain(
      'Floatus bibendum metus eu bibendum porttitor.',
    );
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('applies each version of a real multi-version series (overflows_type v5 and v2)', async () => {
    const store = await fixtureListStore('ls', ['sparse-thread-overflows-type.mbox']);
    const kees = 'Kees Cook <keescook@chromium.org>';
    const subject = 'overflow: Introduce overflows_type() and castable_to_type()';
    // Each version's own tag block: v5 added Jani and Mauro to the Cc list.
    const own = (extraCc: readonly string[]) => [
      'Cc: Luc Van Oostenryck <luc.vanoostenryck@gmail.com>',
      'Cc: Nathan Chancellor <nathan@kernel.org>',
      'Cc: Nick Desaulniers <ndesaulniers@google.com>',
      'Cc: Tom Rix <trix@redhat.com>',
      'Cc: Daniel Latypov <dlatypov@google.com>',
      'Cc: Vitor Massaru Iha <vitor@massaru.org>',
      'Cc: "Gustavo A. R. Silva" <gustavoars@kernel.org>',
      ...extraCc,
      'Cc: linux-hardening@vger.kernel.org',
      'Cc: llvm@lists.linux.dev',
      'Co-developed-by: Gwan-gyeong Mun <gwan-gyeong.mun@intel.com>',
      'Signed-off-by: Gwan-gyeong Mun <gwan-gyeong.mun@intel.com>',
      `Signed-off-by: ${kees}`,
    ];
    for (const [id, version, extraCc] of [
      [
        '20221024201125.1416422-1-gwan-gyeong.mun@intel.com',
        5,
        [
          'Cc: Jani Nikula <jani.nikula@intel.com>',
          'Cc: Mauro Carvalho Chehab <mchehab@kernel.org>',
        ],
      ],
      ['20220926191109.1803094-1-keescook@chromium.org', 2, []],
    ] as const) {
      const report = (await assembleSeries(store.seriesSource('ls'), id))!;
      expect([report.series.version, report.parts.map((p) => p.number)]).toEqual([version, [1]]);
      // The replies to either version give no tags: the mbox must not invent any.
      expect(report.parts[0]!.trailers.filter((t) => t.from === 'reply')).toEqual([]);
      const repo = applyMbox(seriesReportMbox(report));
      const [commit] = commits(repo, 1);
      // v5 was sent by Gwan-gyeong Mun with Kees's in-body From: git am keeps Kees as author.
      expect(commit!.slice(0, 2)).toEqual([kees, subject]);
      expect(commit!.filter((l) => /^[A-Z][\w-]+: /.test(l))).toEqual(own(extraCc));
      // The patch went in: the one file the fixture's (trimmed) diff touches.
      expect(
        git(repo, 'show', '--stat', '--format=', 'HEAD')
          .trim()
          .split('\n')
          .map((l) => l.trim()),
      ).toEqual(['include/linux/compiler.h | 1 +', '1 file changed, 1 insertion(+)']);
      fs.rmSync(repo, { recursive: true, force: true });
    }
    await store.close();
  });
});
