import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMbox, type MboxItem, type SplitMboxOptions } from '../../../lib/mbox/split-mbox';

const FIXTURES = join(__dirname, '../../fixtures/mbox');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

const LORE = 'From mboxrd@z Thu Jan  1 00:00:00 1970';
const GIT = 'From 1234567890abcdef1234567890abcdef12345678 Mon Sep 17 00:00:00 2001';

type Plain =
  | { index: number; line: number; fromLine: string; text: string }
  | { problem: true; line: number; index?: number; reason: string };

/** Split `input` fed in chunks of `chunkSize` bytes; messages become latin1 text for exact asserts. */
async function split(
  input: string | Buffer,
  chunkSize = 1 << 16,
  options: SplitMboxOptions = {},
): Promise<Plain[]> {
  const buf = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  const chunks: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunkSize) chunks.push(buf.subarray(i, i + chunkSize));
  const out: Plain[] = [];
  for await (const item of splitMbox(chunks, options)) out.push(plain(item));
  return out;
}

function plain(item: MboxItem): Plain {
  if ('problem' in item) return item;
  const { index, line, fromLine, raw } = item;
  return { index, line, fromLine, text: raw.toString('latin1') };
}

/** The text after the first blank line. */
const bodyOf = (p: Plain) => ('text' in p ? p.text.replace(/^[\s\S]*?\r?\n\r?\n/, '') : '');

describe('splitMbox: mboxrd escaping (git t5100 samples)', () => {
  it('unescapes one > from >From and >>From, and does not split on an unescaped body From', async () => {
    const items = await split(fixture('sample.mboxrd'));
    expect(items.map((m) => ('text' in m ? [m.index, m.line, m.fromLine] : m))).toEqual([
      [1, 1, 'From mboxrd Mon Sep 17 00:00:00 2001'],
      [2, 10, 'From mboxrd Mon Sep 17 00:00:00 2001'],
    ]);
    // git mailinfo's expected bodies keep the separating blank line; we strip it.
    expect(bodyOf(items[0]!)).toBe(fixture('0001mboxrd').toString('latin1').replace(/\n$/, ''));
    expect(bodyOf(items[1]!)).toBe(fixture('0002mboxrd').toString('latin1').replace(/\n$/, ''));
    expect(bodyOf(items[0]!)).toBe(
      'From the beginning, mbox should have been mboxrd\n' +
        '>From escaped\n' +
        'From not mangled but this line should have been escaped\n',
    );
  });

  it('splits a lore t.mbox export at its From mboxrd@z lines', async () => {
    const items = await split(fixture('thread-new-sparse-release.mbox'));
    expect(items.map((m) => ('text' in m ? [m.index, m.line, m.fromLine] : m))).toEqual([
      [1, 1, LORE],
      [2, 53, LORE],
      [3, 141, LORE],
      [4, 212, LORE],
      [5, 291, LORE],
    ]);
    const ids = items.map((m) => ('text' in m ? /^Message-ID: (.*)$/im.exec(m.text)?.[1] : ''));
    expect(ids).toEqual([
      '<c7963e9e4c7d5b91fc8bee9c9ae9a9c893664e0b.camel@kernel.org>',
      '<20210726155045.fo6nh4lryln5sgxl@mail>',
      '<330ba271fdc21d5453702d4403be6f35b5e9dd76.camel@kernel.org>',
      '<72eec6322944bc2fc91e053565fb27ee4aaa203f.camel@kernel.org>',
      '<20210831125848.mqkudmaz4innkst4@mail>',
    ]);
    // Only the separating blank line goes; the message's own trailing blank line stays.
    expect(items[0]).toMatchObject({
      text: expect.stringMatching(/Layton <jlayton@kernel.org>\n\n$/),
    });
  });

  it('splits b4 samples at From foo@z lines', async () => {
    const items = await split(fixture('trailers-followup-single.mbox'));
    expect(items.map((m) => ('text' in m ? m.line : m))).toEqual([1, 32, 47, 64]);
  });
});

describe('splitMbox: separators', () => {
  it('takes git format-patch From <sha> lines as separators', async () => {
    const input = `${GIT}\nSubject: one\n\nbody 1\n\n${GIT}\nSubject: two\n\nbody 2\n`;
    expect(await split(input)).toEqual([
      { index: 1, line: 1, fromLine: GIT, text: 'Subject: one\n\nbody 1\n' },
      { index: 2, line: 6, fromLine: GIT, text: 'Subject: two\n\nbody 2\n' },
    ]);
  });

  it('does not split on a body From line that is not after a blank line', async () => {
    const input = `${LORE}\nSubject: a\n\nhello\n${LORE}\nstill the body\n`;
    expect(await split(input)).toEqual([
      { index: 1, line: 1, fromLine: LORE, text: `Subject: a\n\nhello\n${LORE}\nstill the body\n` },
    ]);
  });

  it('does not split on unescaped mboxo prose after a blank line', async () => {
    const input = `${LORE}\nSubject: a\n\nhi\n\nFrom my point of view this works\n`;
    expect(await split(input)).toEqual([
      {
        index: 1,
        line: 1,
        fromLine: LORE,
        text: 'Subject: a\n\nhi\n\nFrom my point of view this works\n',
      },
    ]);
  });

  it('accepts any From line on line 1 (fuzzed mboxes)', async () => {
    expect(await split('From lib\nSubject: x\n\nb\n')).toEqual([
      { index: 1, line: 1, fromLine: 'From lib', text: 'Subject: x\n\nb\n' },
    ]);
  });

  it('handles CRLF line endings', async () => {
    const crlf = fixture('sample.mboxrd').toString('latin1').replace(/\n/g, '\r\n');
    const items = await split(crlf);
    expect(items.map((m) => ('text' in m ? [m.line, m.fromLine] : m))).toEqual([
      [1, 'From mboxrd Mon Sep 17 00:00:00 2001'],
      [10, 'From mboxrd Mon Sep 17 00:00:00 2001'],
    ]);
    expect(bodyOf(items[0]!)).toBe(
      'From the beginning, mbox should have been mboxrd\r\n' +
        '>From escaped\r\n' +
        'From not mangled but this line should have been escaped\r\n',
    );
  });

  it('excludes the tail of a From_ line longer than a chunk', async () => {
    const from = `From ${'x'.repeat(3000)} Thu Jan  1 00:00:00 1970`;
    const items = await split(`${from}\nSubject: long\n\nb\n`, 100);
    expect(items).toEqual([
      { index: 1, line: 1, fromLine: from.slice(0, 1024), text: 'Subject: long\n\nb\n' },
    ]);
  });
});

describe('splitMbox: From_ lines with no blank line before them', () => {
  it('splits git t5100 sample.mbox into its 18 messages, as git mailsplit does', async () => {
    const items = await split(fixture('sample.mbox'));
    // The Subject header of each message (message 9 has its subject only in the body).
    const subject = (m: Plain) =>
      'text' in m ? (/^Subject: (.*)$/m.exec(m.text.split('\n\n')[0]!)?.[1] ?? '') : m.reason;
    expect(items.map((m) => ('text' in m ? m.line : m))).toEqual([
      4, 28, 68, 99, 218, 324, 395, 402, 413, 436, 471, 507, 559, 564, 653, 669, 686, 702,
    ]);
    expect(items.map(subject)).toEqual([
      '[PATCH] a commit.',
      '[PATCH] another patch',
      're: [PATCH] another patch',
      '[PATCH 1/2] GIT: Try all addresses for given remote name',
      '[PATCH] Fixed two bugs in git-cvsimport-script.',
      '[PATCH] a commit.',
      '[PATCH] another patch',
      're: [PATCH] another patch',
      '',
      'Re: discussion that lead to this patch',
      '[PATCH 3/3 v2] Xyzzy',
      '[Navy-patches] [PATCH]', // folded: the rest is on the next line
      '[PATCH] a patch',
      "Why doesn't git-am does not like >8 scissors mark?",
      'check bogus body header (from)',
      'check bogus body header (date)',
      'A E I O U',
      'check multiline inbody headers',
    ]);
    // The message before each unblanked separator ends with its own last line.
    const text = (i: number) => {
      const m = items[i]!;
      return 'text' in m ? m.text : '';
    };
    expect(text(8)).toMatch(/variable 'GIT_EXTERNAL_DIFF' is set, the\n$/);
    expect(text(11)).toMatch(/\n1\.5\.6\.5\n$/);
    expect(text(13)).toMatch(/\n1\.6\.4\.1\n$/);
    expect(text(16)).toMatch(/\n\+New content\n$/);
  });

  it('takes a strict From_ line after a body line when a header field follows', async () => {
    const input = `${LORE}\nSubject: a\n\n1.5.6.5\n${GIT}\nFrom: B <b@x>\n\nB\n`;
    expect(await split(input)).toEqual([
      { index: 1, line: 1, fromLine: LORE, text: 'Subject: a\n\n1.5.6.5\n' },
      { index: 2, line: 5, fromLine: GIT, text: 'From: B <b@x>\n\nB\n' },
    ]);
    // The same with CRLF, and with the decision split across chunks of every size.
    const crlf = input.replace(/\n/g, '\r\n');
    expect((await split(crlf)).map((m) => ('text' in m ? m.line : m))).toEqual([1, 5]);
    for (let size = 1; size <= input.length; size++) {
      expect(await split(input, size)).toEqual(await split(input));
    }
  });

  it('keeps an unblanked From_ line as body text when no header field follows', async () => {
    const cases = [
      `${GIT}\n+New content`, // a diff line
      `${GIT}\n`, // a blank line
      `${GIT}\nhttp://example.org/`, // a colon, but no header
      `${GIT}\n${GIT}`, // another From_ line
      `${GIT}`, // the end of the file
      'From someone Mon Sep 17 00:00:00 2001 and then some\nFrom: B <b@x>', // not asctime
      'From someone Monday Sep 17 00:00:00 2001\nFrom: B <b@x>',
      'From someone Mon Sep 17 00:00 2001\nFrom: B <b@x>',
    ];
    for (const tail of cases) {
      const input = `${LORE}\nSubject: a\n\nbody\n${tail}`;
      expect(await split(input), tail).toEqual([
        { index: 1, line: 1, fromLine: LORE, text: `Subject: a\n\nbody\n${tail}` },
      ]);
    }
  });

  it('ends an oversize message at an unblanked separator', async () => {
    const big = `${'y'.repeat(99)}\n`.repeat(5);
    const input = `${LORE}\nSubject: big\n\n${big}${GIT}\nSubject: c\n\nC\n`;
    expect(await split(input, 64, { maxMessageBytes: 200 })).toEqual([
      { problem: true, line: 1, index: 1, reason: 'message is larger than 200 bytes; skipped' },
      { index: 2, line: 9, fromLine: GIT, text: 'Subject: c\n\nC\n' },
    ]);
  });
});

describe('splitMbox: broken input', () => {
  it('yields nothing for an empty or blank file', async () => {
    expect(await split('')).toEqual([]);
    expect(await split('\n\n  \n')).toEqual([]);
  });

  it('keeps a last message without a trailing newline', async () => {
    expect(await split(`${LORE}\nSubject: x\n\nno newline`)).toEqual([
      { index: 1, line: 1, fromLine: LORE, text: 'Subject: x\n\nno newline' },
    ]);
  });

  it('keeps a truncated last message', async () => {
    const input = `${LORE}\nSubject: a\n\nA\n\n${LORE}\nSubject: cut\nContent-Type: text/pl`;
    expect((await split(input)).at(-1)).toEqual({
      index: 2,
      line: 6,
      fromLine: LORE,
      text: 'Subject: cut\nContent-Type: text/pl',
    });
  });

  it('reports leading junk with its line number, then splits normally', async () => {
    const input = `\nuser$ cat mbox\n\n${LORE}\nSubject: a\n\nA\n`;
    expect(await split(input)).toEqual([
      {
        problem: true,
        line: 2,
        reason: '3 lines before the first "From " separator line skipped',
      },
      { index: 1, line: 4, fromLine: LORE, text: 'Subject: a\n\nA\n' },
    ]);
  });

  it('reports a file with no From_ line at all', async () => {
    expect(await split('hello\nworld\n')).toEqual([
      { problem: true, line: 1, reason: 'no "From " separator line found; 2 lines skipped' },
    ]);
  });

  it('reports an empty message and keeps its neighbours', async () => {
    const input = `${LORE}\n\n${LORE}\nSubject: b\n\nB\n`;
    expect(await split(input)).toEqual([
      { problem: true, line: 1, index: 1, reason: 'empty message' },
      { index: 2, line: 3, fromLine: LORE, text: 'Subject: b\n\nB\n' },
    ]);
  });

  it('keeps NUL bytes between messages as part of the message before them', async () => {
    const input = `${LORE}\nSubject: a\n\nA\n\n\0\0\0\n\n${LORE}\nSubject: b\n\nB\n`;
    expect(await split(input)).toEqual([
      { index: 1, line: 1, fromLine: LORE, text: 'Subject: a\n\nA\n\n\0\0\0\n' },
      { index: 2, line: 8, fromLine: LORE, text: 'Subject: b\n\nB\n' },
    ]);
  });

  it('survives 2 MB of binary junk without newlines inside a message', async () => {
    const junk = Buffer.from(randomBytes(2 << 20).map((b) => (b === 10 ? 0 : b)));
    const input = Buffer.concat([
      Buffer.from(`${LORE}\nSubject: a\n\n`),
      junk,
      Buffer.from(`\n\n${LORE}\nSubject: b\n\nB\n`),
    ]);
    const items = await split(input, 4096);
    expect(items.map((m) => ('text' in m ? [m.index, m.line, m.text.length] : m))).toEqual([
      [1, 1, 'Subject: a\n\n'.length + junk.length + 1],
      [2, 6, 'Subject: b\n\nB\n'.length],
    ]);
  });

  it('reports an oversize message by index and line and keeps its neighbours', async () => {
    const big = `${'y'.repeat(99)}\n`.repeat(20);
    const input = `${LORE}\nSubject: a\n\nA\n\n${LORE}\nSubject: big\n\n${big}\n${LORE}\nSubject: c\n\nC\n`;
    const items = await split(input, 64, { maxMessageBytes: 200 });
    expect(items).toEqual([
      { index: 1, line: 1, fromLine: LORE, text: 'Subject: a\n\nA\n' },
      { problem: true, line: 6, index: 2, reason: 'message is larger than 200 bytes; skipped' },
      { index: 3, line: 30, fromLine: LORE, text: 'Subject: c\n\nC\n' },
    ]);
  });

  it('reports an oversize message made of one endless line', async () => {
    const input = `${LORE}\nSubject: big\n\n${'z'.repeat(10_000)}\n\n${LORE}\nSubject: c\n\nC\n`;
    const items = await split(input, 1000, { maxMessageBytes: 500 });
    expect(items).toEqual([
      { problem: true, line: 1, index: 1, reason: 'message is larger than 500 bytes; skipped' },
      { index: 2, line: 6, fromLine: LORE, text: 'Subject: c\n\nC\n' },
    ]);
  });

  it('handles adversarial 1 MB lines of > and spaces', async () => {
    const input = `${LORE}\nSubject: a\n\n${'>'.repeat(1 << 20)}\n\nFrom ${' '.repeat(1 << 20)}\n`;
    const items = await split(input);
    expect(items.map((m) => ('text' in m ? m.text.length : m))).toEqual([
      'Subject: a\n\n'.length + (1 << 20) + 1 + 1 + 5 + (1 << 20) + 1,
    ]);
  });
});

describe('splitMbox: chunk boundaries', () => {
  const LINES = [
    ...[LORE, GIT, 'From x', '>From a', '>>From b', 'Subject: s', '', 'text', '\r', '\0'],
    // Lines longer than the carried partial line, so they are classified mid-line.
    ...['L'.repeat(1500), `${' '.repeat(1100)}x`, `${'>'.repeat(1100)}From z`],
    `From ${'q'.repeat(1100)} Mon Sep 17 00:00:00 2001`,
    `>${'From '.repeat(300)}`,
    // An unblanked separator decides on the next line, wherever the chunk ends.
    'From nobody Mon Sep 17 00:00:00 2001',
    'From: A <a@x>',
    '+New content',
  ];

  it('gives the same result whatever the chunk sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...LINES), { maxLength: 40 }),
        fc.integer({ min: 1, max: 50 }),
        fc.boolean(),
        async (lines, chunkSize, crlf) => {
          const input = lines.join(crlf ? '\r\n' : '\n');
          expect(await split(input, chunkSize)).toEqual(await split(input));
        },
      ),
      { numRuns: 300 },
    );
  });
});
