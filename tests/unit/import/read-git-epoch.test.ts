import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type GitEpochItem, readGitEpoch } from '../../../lib/import/read-git-epoch';
import { isGitRepository } from '../../../lib/import/import-paths';
import { appendCommits, makeEpoch, removeTempDirs, tempDir } from './epoch-helpers';

afterAll(removeTempDirs);

const msg = (n: number) =>
  Buffer.from(`Message-ID: <${n}@example.org>\nSubject: ${n}\n\nbody ${n}\n`);

/** Items as short strings: `m <commit> <first line>`, `d <commit> ...`, `problem ...`. */
async function read(dir: string, since?: string): Promise<string[]> {
  const out: string[] = [];
  const items: AsyncIterable<GitEpochItem> = readGitEpoch(dir, since ? { since } : {});
  for await (const item of items) {
    if ('deleted' in item) out.push(`d ${item.commit} ${item.deleted.toString().split('\n')[0]}`);
    else if ('problem' in item)
      out.push(`problem ${item.problem.position}: ${item.problem.reason}`);
    else {
      expect(item).toMatchObject({
        source: dir,
        position: `commit ${item.commit}`,
        format: 'rfc822',
      });
      out.push(`m ${item.commit} ${item.raw.toString().split('\n')[0]}`);
    }
  }
  return out;
}

describe('readGitEpoch', () => {
  it('yields each commit’s m or d blob, oldest first, byte for byte', async () => {
    const dir = makeEpoch();
    const [c1, c2, c3] = appendCommits(dir, [{ add: msg(1) }, { add: msg(2) }, { remove: msg(1) }]);
    expect(await read(dir)).toEqual([
      `m ${c1} Message-ID: <1@example.org>`,
      `m ${c2} Message-ID: <2@example.org>`,
      `d ${c3} Message-ID: <1@example.org>`,
    ]);
    for await (const item of readGitEpoch(dir)) {
      if ('raw' in item) expect(item.raw.equals(msg(1))).toBe(true);
      break; // an early stop must not leave git processes behind or throw
    }
  });

  it('keeps binary blobs exact (NUL bytes, CRLF, no trailing newline)', async () => {
    const dir = makeEpoch();
    const blob = Buffer.concat([
      Buffer.from('Subject: x\r\n\r\n'),
      Buffer.from([0, 0xff, 0x0a, 0x00]),
    ]);
    appendCommits(dir, [{ add: blob }, { add: msg(2) }]);
    const raws: Buffer[] = [];
    for await (const item of readGitEpoch(dir)) if ('raw' in item) raws.push(item.raw);
    expect(raws).toEqual([blob, msg(2)]);
  });

  it('reads only the commits after `since`', async () => {
    const dir = makeEpoch();
    const [c1, c2, c3] = appendCommits(dir, [{ add: msg(1) }, { add: msg(2) }, { add: msg(3) }]);
    expect(await read(dir, c1)).toEqual([
      `m ${c2} Message-ID: <2@example.org>`,
      `m ${c3} Message-ID: <3@example.org>`,
    ]);
    expect(await read(dir, c3)).toEqual([]);
  });

  it('starts over when `since` is unknown, not an ancestor, or not an object name', async () => {
    const dir = makeEpoch();
    const [c1] = appendCommits(dir, [{ add: msg(1) }]);
    const other = makeEpoch();
    const [foreign] = appendCommits(other, [{ add: msg(9) }]);
    const all = [`m ${c1} Message-ID: <1@example.org>`];
    expect(await read(dir, foreign)).toEqual(all);
    expect(await read(dir, 'f'.repeat(40))).toEqual(all);
    expect(await read(dir, '--output=/tmp/pwned')).toEqual(all);
  });

  it('yields nothing for an empty epoch and a problem for a directory that is not a repository', async () => {
    expect(await read(makeEpoch())).toEqual([]);
    const plain = tempDir('tl-plain-');
    const items = await read(plain);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatch(
      /^problem repository: not a git repository: fatal: not a git repository/,
    );
  });
});

describe('isGitRepository', () => {
  it('knows bare clones and work trees from plain directories and files', () => {
    const bare = makeEpoch();
    appendCommits(bare, [{ add: msg(1) }]);
    const work = path.join(path.dirname(bare), 'work');
    execFileSync('git', ['clone', '-q', bare, work]);
    const plain = tempDir('tl-plain-');
    fs.writeFileSync(path.join(plain, 'HEAD'), 'not a repository\n');
    expect(
      [bare, work, plain, path.join(plain, 'HEAD'), '/nonexistent'].map(isGitRepository),
    ).toEqual([true, true, false, false, false]);
  });
});
