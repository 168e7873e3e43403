import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SPARSE = path.join(ROOT, 'samples/linux-sparse/thread-of-get-property-misuse.mbox');
const SEED = path.join(ROOT, 'tests/fixtures/seed/seed.txt');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/threadlight.mjs'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Node {
  messageId: string;
  missing?: true;
  children: Node[];
}
const tree = (n: Node, depth = 0): string[] => [
  `${'  '.repeat(depth)}${n.missing ? '(missing) ' : ''}${n.messageId}`,
  ...n.children.flatMap((c) => tree(c, depth + 1)),
];

describe('threadlight CLI', () => {
  it('thread --json gives the true reply tree of a real linux-sparse thread', () => {
    const r = cli('thread', SPARSE, '--json');
    expect(r.code).toBe(0);
    const { threads } = JSON.parse(r.out) as { threads: Node[] };
    // The tree lore's headers give (SOURCES.md of the corpus, "Known reply structure" 1).
    expect(threads.flatMap((t) => tree(t))).toEqual([
      'ec277c12-c608-6326-7723-be8cab4f524a@rasmusvillemoes.dk',
      '  20191028224914.enpqjkcvbxyeexnl@desk.local',
      '    2dcd6ac3-8a01-a11c-3532-5a8eb83ccdf5@rasmusvillemoes.dk',
      '  20191029104917.GI1944@kadam',
      '    e255d01b-ecd7-8386-e99e-b3226dac27c4@rasmusvillemoes.dk',
      '      20191029125606.GH1922@kadam',
      '    20191029114750.a7inago2vd2o4lzl@ltop.local',
      '      20191029125519.GA1705@kadam',
      '        20191029133756.qpqk5vf6txapqm35@ltop.local',
    ]);
  });

  it('import reports a rejected message with its position and keeps its neighbours', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-cli-'));
    const mbox = path.join(dir, 'mixed.mbox');
    const msg = (id: string) =>
      `From x@example.org Mon Jan  1 00:00:00 2024\nFrom: A <a@example.org>\nSubject: s\nMessage-ID: <${id}>\n\nbody ${id}\n\n`;
    // The middle entry is a From_ line with nothing after it: not a message.
    fs.writeFileSync(
      mbox,
      msg('one@x') + 'From x@example.org Mon Jan  1 00:00:00 2024\n\n' + msg('two@x'),
    );
    const r = cli('import', mbox, '--list', 'mixed', '--db', path.join(dir, 'db.sqlite'), '--json');
    expect(r.code).toBe(1);
    const summary = JSON.parse(r.out);
    expect(summary.imported).toBe(2);
    expect(summary.duplicates).toBe(0);
    expect(summary.rejected).toHaveLength(1);
    expect(summary.rejected[0]).toMatchObject({
      source: mbox,
      position: expect.stringMatching(/line 8/),
    });
    expect(summary.rejected[0].reason).toMatch(/empty/i);
    // Again: the two stored messages are duplicates now, nothing is doubled.
    const again = JSON.parse(
      cli('import', mbox, '--list', 'mixed', '--db', path.join(dir, 'db.sqlite'), '--json').out,
    );
    expect([again.imported, again.duplicates]).toEqual([0, 2]);
  });

  it('parse --json gives the seed with authors for every quote level', () => {
    const r = cli('parse', SEED, '--json');
    expect(r.code).toBe(0);
    const [m] = JSON.parse(r.out).messages;
    expect(m.from).toEqual({ name: 'Matthias Kaehlcke', address: '' });
    const byDepth = new Map<number, string>();
    for (const s of m.segments) if (s.kind !== 'attribution') byDepth.set(s.depth, s.author?.name);
    expect([...byDepth].sort()).toEqual([
      [0, 'Matthias Kaehlcke'],
      [1, 'Sedat Dilek'],
      [2, 'Matthias Kaehlcke'],
      [3, 'Sedat Dilek'],
    ]);
    const lines = m.segments.flatMap((s: { lines: string[] }) => s.lines);
    expect(lines).toContain('ffffffff811932af: 48 83 39 00 cmpq $0x0,(%rcx)');
  });

  it('an unknown command or option is a usage error', () => {
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('import', '--bogus').code).toBe(2);
  });
});
