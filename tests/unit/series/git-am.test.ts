import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assembleSeries } from '@/lib/series/assemble-series';
import { seriesReportMbox } from '@/lib/series/series-mbox-of';
import { seriesSource } from '@/lib/store/read-series';
import { fixtureDb } from './fixtures';
import { preImage } from './pre-image';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    // A clean, predictable git: no user or system configuration leaks in.
    env: { ...process.env, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

describe('series mbox round trip through git am', () => {
  it('applies a real series with the collected trailers in the commit messages', async () => {
    const name = 'b4-trailers-thread-with-cover-followup.mbox';
    const db = await fixtureDb([name]);
    const report = assembleSeries(
      seriesSource(db, name),
      '20221025-test1-v1-0-e4f28f57990c@linuxfoundation.org',
    )!;
    const mbox = seriesReportMbox(report);

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

    const log = git(repo, 'log', '--reverse', '--format=%an <%ae>%n%B%x00', 'HEAD~4..HEAD')
      .split('\0')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const trailers = log.map((c) => c.split('\n').filter((l) => /^[A-Z][a-z-]+: /.test(l)));
    expect(log.map((c) => c.split('\n').slice(0, 2))).toEqual([
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
});
