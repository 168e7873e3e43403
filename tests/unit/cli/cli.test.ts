import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SPARSE = path.join(ROOT, 'samples/linux-sparse/thread-of-get-property-misuse.mbox');
const SEED = path.join(ROOT, 'tests/fixtures/seed/seed.txt');
const SEED_EXPECTED = path.join(ROOT, 'tests/fixtures/quotes/seed.expected.tsv');
const GIT_SAMPLE = path.join(ROOT, 'tests/fixtures/mbox/sample.mbox');
const PATCH_ATTACHMENT = path.join(
  ROOT,
  'tests/fixtures/e2e/attachments/linus-patch-attachment.mbox',
);

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/threadlight.mjs'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
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

  it('thread --json writes a 10,000-message reply chain (deeper than JSON.stringify goes)', () => {
    const CHAIN = 10_000;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-cli-chain-'));
    const mbox = path.join(dir, 'chain.mbox');
    const lines: string[] = [];
    for (let i = 0; i < CHAIN; i++) {
      lines.push(
        'From c@example.org Mon Jan  1 00:00:00 2024',
        'From: C <c@example.org>',
        `Date: ${new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString().replace('GMT', '+0000')}`,
        `Subject: ${i ? 'Re: ' : ''}chain`,
        `Message-ID: <c${i}@x>`,
        ...(i ? [`In-Reply-To: <c${i - 1}@x>`] : []),
        '',
        `reply ${i}`,
        '',
      );
    }
    fs.writeFileSync(mbox, lines.join('\n'));
    const r = cli('thread', mbox, '--json');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const { threads } = JSON.parse(r.out) as { threads: Node[] };
    expect(threads).toHaveLength(1);
    // Walk the chain without recursion: one child per level, in order, down to the last.
    const ids: string[] = [];
    for (let n: Node | undefined = threads[0]; n; n = n.children[0]) {
      expect(n.children.length).toBeLessThanOrEqual(1);
      ids.push(n.messageId);
    }
    expect(ids).toEqual(Array.from({ length: CHAIN }, (_, i) => `c${i}@x`));
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

  it('parse --json gives every line of the seed its depth and author', () => {
    const r = cli('parse', SEED, '--json');
    expect(r.code).toBe(0);
    const [m] = JSON.parse(r.out).messages;
    expect(m.from).toEqual({ name: 'Matthias Kaehlcke', address: '' });
    // `depth<TAB>author<TAB>text` per body line, checked by hand (tests/fixtures/quotes/README.md).
    const expected = fs
      .readFileSync(SEED_EXPECTED, 'utf8')
      .replace(/\n$/, '')
      .split('\n')
      .map((row) => {
        const [depth, author, ...text] = row.split('\t');
        return [Number(depth), author, text.join('\t')];
      });
    const segments: { depth: number; author?: { name: string }; lines: string[] }[] = m.segments;
    const actual = segments.flatMap((s) =>
      s.lines.map((line) => [s.depth, s.author?.name ?? '-', line]),
    );
    expect(expected).toHaveLength(555);
    expect(actual).toHaveLength(expected.length);
    for (let i = 0; i < expected.length; i++)
      expect([i, ...actual[i]!]).toEqual([i, ...expected[i]!]);
    expect(actual.map((row) => row[2])).toContain('ffffffff811932af: 48 83 39 00 cmpq $0x0,(%rcx)');
  });

  it('parse --json reads all 18 messages of git t5100 sample.mbox', () => {
    const r = cli('parse', GIT_SAMPLE, '--json');
    expect(r.code).toBe(0);
    const { messages, rejected } = JSON.parse(r.out);
    expect(rejected).toEqual([]);
    expect(messages.map((m: { subject: string }) => m.subject)).toEqual([
      '[PATCH] a commit.',
      '[PATCH] another patch',
      're: [PATCH] another patch',
      '[PATCH 1/2] GIT: Try all addresses for given remote name',
      '[PATCH] Fixed two bugs in git-cvsimport-script.',
      '[PATCH] a commit.',
      '[PATCH] another patch',
      're: [PATCH] another patch',
      '', // its subject is in the body only (git mailinfo's in-body headers)
      'Re: discussion that lead to this patch',
      '[PATCH 3/3 v2] Xyzzy',
      '[Navy-patches] [PATCH] Изменён список пакетов необходимых для сборки',
      '[PATCH] a patch',
      "Why doesn't git-am does not like >8 scissors mark?",
      'check bogus body header (from)',
      'check bogus body header (date)',
      'A E I O U',
      'check multiline inbody headers',
    ]);
  });

  it('parse and thread read a file given twice once, like an import', () => {
    const once = JSON.parse(cli('parse', SPARSE, '--json').out);
    const twice = cli('parse', SPARSE, SPARSE, '--json');
    expect(twice.code).toBe(0);
    expect(JSON.parse(twice.out)).toEqual(once);
    expect(once.messages).toHaveLength(9);
    const tree = JSON.parse(cli('thread', SPARSE, '--json').out);
    expect(JSON.parse(cli('thread', SPARSE, SPARSE, '--json').out)).toEqual(tree);
    // A CRLF copy of the file is the same messages too (line endings aside).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-cli-crlf-'));
    const crlf = path.join(dir, 'crlf.mbox');
    fs.writeFileSync(crlf, fs.readFileSync(SPARSE, 'latin1').replace(/\n/g, '\r\n'), 'latin1');
    const both = JSON.parse(cli('parse', SPARSE, crlf, '--json').out);
    expect(both.messages.map((m: { messageId: string }) => m.messageId)).toEqual(
      once.messages.map((m: { messageId: string }) => m.messageId),
    );
  });

  it('parse --json gives a text attachment its text, and writes one document', () => {
    const r = cli('parse', PATCH_ATTACHMENT, '--json');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('{"messages":[\n{')).toBe(true);
    const { messages } = JSON.parse(r.out);
    expect(messages[0].attachments).toEqual([
      {
        filename: 'patch.diff',
        contentType: 'text/x-patch',
        size: 1239,
        text: expect.stringMatching(/^ fs\/vboxsf\/super\.c \| 12 \+\+-+\n/),
      },
    ]);
    // An empty file is still one JSON document.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-cli-empty-'));
    fs.writeFileSync(path.join(dir, 'empty.mbox'), '');
    const empty = cli('parse', path.join(dir, 'empty.mbox'), '--json');
    expect(JSON.parse(empty.out).messages).toEqual([]);
  });

  it('an unknown command or option is a usage error', () => {
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('import', '--bogus').code).toBe(2);
  });
});
