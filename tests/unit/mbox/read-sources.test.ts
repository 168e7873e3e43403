import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBuffer, readSources, type ReadItem } from '../../../lib/import/read-sources';

const FIXTURES = join(__dirname, '../../fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path));

/** Items as `[source, position, format]` or `[source, position, 'problem: reason']`. */
async function list(items: AsyncIterable<ReadItem>, root = ''): Promise<string[][]> {
  const out: string[][] = [];
  for await (const item of items) {
    const strip = (s: string) => (root ? s.replace(root, '<root>') : s);
    if ('problem' in item) {
      const { source, position, reason } = item.problem;
      out.push([strip(source), position, `problem: ${reason}`]);
    } else {
      out.push([strip(item.source), item.position, item.format]);
    }
  }
  return out;
}

const SPARSE = [
  ['message 1 (line 1)', 'rfc822'],
  ['message 2 (line 53)', 'rfc822'],
  ['message 3 (line 141)', 'rfc822'],
  ['message 4 (line 212)', 'rfc822'],
  ['message 5 (line 291)', 'rfc822'],
];

describe('readBuffer', () => {
  it('splits an mbox held in memory, naming each message by index and line', async () => {
    const items = await list(readBuffer(fixture('mbox/thread-new-sparse-release.mbox'), 'up'));
    expect(items).toEqual(SPARSE.map((p) => ['up', ...p]));
  });

  it('gunzips a .gz upload whatever its name', async () => {
    const gz = gzipSync(fixture('mbox/thread-new-sparse-release.mbox'));
    expect(await list(readBuffer(gz, 'upload'))).toEqual(SPARSE.map((p) => ['upload', ...p]));
  });

  it('keeps the messages of a truncated .gz and reports the read error', async () => {
    const gz = gzipSync(fixture('mbox/thread-new-sparse-release.mbox'));
    const items = await list(readBuffer(gz.subarray(0, 4000), 'cut.gz'));
    expect(items.at(-1)).toEqual(['cut.gz', 'file', 'problem: read error: unexpected end of file']);
    expect(items.slice(0, 2)).toEqual(SPARSE.slice(0, 2).map((p) => ['cut.gz', ...p]));
  });

  it('takes the seed archive page whole, bytes unchanged', async () => {
    const seed = fixture('seed/seed.txt');
    const items: ReadItem[] = [];
    for await (const item of readBuffer(seed, 'paste')) items.push(item);
    expect(items).toEqual([
      { source: 'paste', position: 'file', raw: seed, format: 'archive-page' },
    ]);
  });

  it('reports text that is not mail, and empty input', async () => {
    expect(await list(readBuffer(Buffer.from('just some words\n'), 'paste'))).toEqual([
      ['paste', 'file', 'problem: not an mbox, an RFC 822 message or an archive page'],
    ]);
    expect(await list(readBuffer(Buffer.alloc(0), 'paste'))).toEqual([
      ['paste', 'file', 'problem: empty file'],
    ]);
  });
});

describe('readSources', () => {
  let root = '';

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'threadlight-read-'));
    cpSync(join(FIXTURES, 'mbox/maildir'), join(root, 'box'), { recursive: true });
    mkdirSync(join(root, 'box/tmp'));
    writeFileSync(join(root, 'box/tmp/123.partial'), 'Subject: half-deliver');
    writeFileSync(join(root, 'a.mbox'), fixture('mbox/sample.mboxrd'));
    writeFileSync(join(root, '.hidden.mbox'), fixture('mbox/sample.mboxrd'));
    writeFileSync(join(root, 't.mbox.gz'), gzipSync(fixture('mbox/trailers-followup-single.mbox')));
    mkdirSync(join(root, 'sub'));
    writeFileSync(join(root, 'sub/seed.txt'), fixture('seed/seed.txt'));
    writeFileSync(join(root, 'sub/empty.eml'), '');
    symlinkSync(join(root, 'nowhere'), join(root, 'dangling'));
    symlinkSync(root, join(root, 'sub/loop'));
    execFileSync('mkfifo', [join(root, 'fifo')]);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks a tree in sorted order, reports what it cannot read and carries on', async () => {
    const items = await list(readSources([root, join(root, 'missing.mbox')]), root);
    expect(items).toEqual([
      ['<root>/a.mbox', 'message 1 (line 1)', 'rfc822'],
      ['<root>/a.mbox', 'message 2 (line 10)', 'rfc822'],
      ['<root>/box/cur/1382298793.002669:2,', 'file', 'rfc822'],
      ['<root>/box/new/1382298793.002671:2,', 'file', 'rfc822'],
      ['<root>/dangling', 'file', 'problem: cannot read: ENOENT: no such file or directory'],
      ['<root>/fifo', 'file', 'problem: not a regular file'],
      ['<root>/sub/empty.eml', 'file', 'problem: empty file'],
      ['<root>/sub/seed.txt', 'file', 'archive-page'],
      ['<root>/t.mbox.gz', 'message 1 (line 1)', 'rfc822'],
      ['<root>/t.mbox.gz', 'message 2 (line 32)', 'rfc822'],
      ['<root>/t.mbox.gz', 'message 3 (line 47)', 'rfc822'],
      ['<root>/t.mbox.gz', 'message 4 (line 64)', 'rfc822'],
      ['<root>/missing.mbox', 'file', 'problem: cannot read: ENOENT: no such file or directory'],
    ]);
  });

  it('reads a maildir file exactly as stored', async () => {
    const path = join(root, 'box/cur/1382298793.002669:2,');
    const items: ReadItem[] = [];
    for await (const item of readSources([path])) items.push(item);
    expect(items).toEqual([
      { source: path, position: 'file', raw: readFileSync(path), format: 'rfc822' },
    ]);
  });

  it('unescapes >From lines in messages read from a file', async () => {
    const items: ReadItem[] = [];
    for await (const item of readSources([join(root, 'a.mbox')])) items.push(item);
    const raw = items[0] && 'raw' in items[0] ? items[0].raw.toString() : '';
    expect(raw.split('\n').slice(4)).toEqual([
      'From the beginning, mbox should have been mboxrd',
      '>From escaped',
      'From not mangled but this line should have been escaped',
      '',
    ]);
  });
});
