/**
 * The hostile corpus (tests/fixtures/hostile, see its README) imported into a temp
 * database, with the URL-id messages of the e2e list and the generated inputs (10 MB
 * line, unreadable directory entries). Exact counts of imported and
 * rejected messages with their reasons; every valid neighbour is stored; bad mail is
 * stored as written (escaping is the renderer's job) and threads stay a forest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importStream, type ImportSummary } from '../../../lib/import/import-stream';
import { readSources } from '../../../lib/import/read-sources';
import type { Store } from '../../../lib/store/store';
import { BACKENDS, openFreshStore } from '../../support/backends';
import { MAX_QUOTE_DEPTH, MAX_REFERENCES } from '../../../lib/limits';
import {
  HUGE_MESSAGE_BYTES,
  LONG_LINE_BYTES,
  hostileTempDir,
  writeGeneratedHostile,
  writeHugeMessage,
} from './generated-hostile';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures');
const CORPUS_DIR = path.join(FIXTURES, 'hostile');
/** The corpus files in directory order, without the README that describes them. */
const CORPUS = fs
  .readdirSync(CORPUS_DIR)
  .filter((name) => name !== 'README.md')
  .sort()
  .map((name) => path.join(CORPUS_DIR, name));
const URL_IDS = path.join(FIXTURES, 'e2e/hostile/url-ids.mbox');
const LIST = 'hostile';
/** Messages in reply-chain-1000.mbox, each answering the one before. */
const CHAIN = 1000;

/** Every message that must be stored, in import order: [Message-ID, dup index, subject]. */
const STORED: [string, number, string][] = [
  ['8bit-utf8@hostile.example', 0, 'Grüße aus Köln — ✓ 😀'],
  ['8bit-latin1@hostile.example', 0, 'café crème'],
  ['8bit-invalid@hostile.example', 0, 'bad ÿþ€¿ bytes'],
  ['b64-junk@hostile.example', 0, 'broken base64'],
  ['b64-all-junk@hostile.example', 0, 'junk base64'],
  ['qp-broken@hostile.example', 0, 'broken qp'],
  ['cte-unknown@hostile.example', 0, 'unknown cte'],
  ['mp-no-boundary@hostile.example', 0, 'missing boundary'],
  ['mp-unclosed@hostile.example', 0, 'unclosed multipart'],
  ['charset-unknown@hostile.example', 0, 'unknown charset'],
  ['charset-lie-ascii@hostile.example', 0, 'lying ascii'],
  ['charset-lie-utf8@hostile.example', 0, 'lying utf-8'],
  ['charset-utf7@hostile.example', 0, 'utf-7'],
  ['charset-2047@hostile.example', 0, 'hello =?utf-8?q?unterminated'],
  ['deep-quotes@hostile.example', 0, 'deep quotes'],
  ['dup-header-1@hostile.example', 0, 'first subject'],
  ['2b1028d4ef2e0781860628bb761073be@threadlight.invalid', 0, 'empty ids'],
  ['bad-date@hostile.example', 0, 'bad date'],
  ['impossible-date@hostile.example', 0, 'impossible date'],
  ['dup@hostile.example', 0, 'original'],
  ['dup@hostile.example', 1, 'imposter'],
  ['dup-reply@hostile.example', 0, 'Re: original'],
  ['html-script@hostile.example', 0, 'html only'],
  ['html-alt@hostile.example', 0, 'empty text, hostile html'],
  ['html-base64@hostile.example', 0, 'base64 html'],
  ['junk-1@hostile.example', 0, 'junk neighbour 1'],
  ['junk-2@hostile.example', 0, 'junk neighbour 2'],
  ['many-references@hostile.example', 0, 'many-references'],
  ['4250a39e27bf663c6ffdc56401f567f2@threadlight.invalid', 0, ''],
  ['2548fdfea51dc1c8096facf7250e2b54@threadlight.invalid', 0, ''],
  ['headers-only@hostile.example', 0, 'headers only'],
  ['after-empty@hostile.example', 0, 'valid neighbour'],
  ['nested-200@hostile.example', 0, 'nested 200 deep'],
  ['nulid@hostile.example', 0, 'nul\uFFFDsubject'],
  ['after-nul@hostile.example', 0, 'after nul'],
  ...Array.from({ length: CHAIN }, (_, i): [string, number, string] => [
    `c${i}@chain`,
    0,
    i === 0 ? 'reply chain' : 'Re: reply chain',
  ]),
  ['cycle-a@hostile.example', 0, 'cycle'],
  ['cycle-b@hostile.example', 0, 'Re: cycle'],
  ['self-ref@hostile.example', 0, 'self'],
  ['tri-1@hostile.example', 0, 'tri'],
  ['tri-2@hostile.example', 0, 'Re: tri'],
  ['tri-3@hostile.example', 0, 'Re: tri'],
  ['repeat-refs@hostile.example', 0, 'Re: cycle'],
  ['trunc-1@hostile.example', 0, 'complete'],
  ['trunc-2@hostile.example', 0, 'cut short'],
  ['xss-script@hostile.example', 0, "<script>alert('subject')</script>"],
  ['x"onmouseover="alert(1)"@hostile.example', 0, '"><img src=x onerror=alert(1)>'],
  ['xss-links@hostile.example', 0, 'links that must not be links'],
  [
    'xss-css-svg@hostile.example',
    0,
    '<style>*{background:url(https://evil.example/s)}</style><svg onload=alert(1)>',
  ],
  ['xss-encoded@hostile.example', 0, "<script>alert('encoded')</script>"],
  ['xss-filenames@hostile.example', 0, 'attachments with hostile names'],
  ['javascript:alert(1)@hostile.example', 0, 'Re: script id'],
  ['xss-series-0@hostile.example', 0, "[PATCH 0/2] <script>alert('series')</script>"],
  ['xss-series-1@hostile.example', 0, '[PATCH 1/2] <b onmouseover=alert(1)>bold</b>'],
  ['xss-series-2@hostile.example', 0, '[PATCH 2/2] "><img src=x onerror=alert(2)>'],
  ['xss-series-review@hostile.example', 0, 'Re: [PATCH 2/2] "><img src=x onerror=alert(2)>'],
  // url-ids.mbox
  ['a/b/c@hostile.example', 0, 'url-id slash'],
  ['../../etc/passwd@hostile.example', 0, 'url-id dotdot'],
  ['100%off%25%2F@hostile.example', 0, 'url-id percent'],
  ['what?is=this&dup=1@hostile.example', 0, 'url-id question'],
  ['hash#frag@hostile.example', 0, 'url-id hash'],
  [`"double"'single'@hostile.example`, 0, 'url-id quotes'],
  // The space inside the quoted local-part is part of the id (RFC 5322 §3.2.4).
  ['"john smith"@hostile.example', 0, 'url-id space'],
  ['ünïcødé-✓-😀@例え.jp', 0, 'url-id unicode'],
  ['l'.repeat(1200) + '@hostile.example', 0, 'url-id long'],
  ['back\\slash@hostile.example', 0, 'url-id backslash'],
  ['"onfocus="alert(1)"autofocus="@hostile.example', 0, 'url-id attribute'],
  // `<..>` cannot be a URL path segment, so it gets a content id (with a warning).
  ['592a8883a93f948719d2c7ede8d8edf5@threadlight.invalid', 0, 'url-id dots'],
  // generated
  ['long-line-before@hostile.example', 0, 'neighbour long-line-before'],
  ['long-line@hostile.example', 0, 'long-line'],
  ['long-line-after@hostile.example', 0, 'neighbour long-line-after'],
  ['readable@hostile.example', 0, 'neighbour readable'],
];

/** Every rejection, in order: [file name, position, reason]. */
const REJECTED: [string, string, string][] = [
  ['binary-junk.bin', 'file', 'not an mbox, an RFC 822 message or an archive page'],
  ['empty.mbox', 'file', 'empty file'],
  ['junk-between.mbox', 'line 1', '7 lines before the first "From " separator line skipped'],
  ['missing-headers.mbox', 'message 4 (line 16)', 'empty message'],
  ['a-dangling-link.mbox', 'file', 'cannot read: ENOENT: no such file or directory'],
  ['c-fifo.mbox', 'file', 'not a regular file'],
];

const rejections = (s: ImportSummary) =>
  s.rejected.map((r) => [path.basename(r.source), r.position, r.reason]);

/** The message ids of a list in import order (the store's export order). */
async function idsInOrder(store: Store, list: string): Promise<string[]> {
  const rows = await store.getListExportChunk((await store.getListId(list))!, 0, 1_000_000);
  return rows.map((r) => r.messageId);
}

let generated: string;
beforeAll(() => {
  generated = hostileTempDir();
  writeGeneratedHostile(path.join(generated, 'input'));
});
afterAll(() => {
  if (generated) fs.rmSync(generated, { recursive: true, force: true });
});

describe.each(BACKENDS)('hostile mail (%s)', (backend) => {
  let db: Store;
  let summary: ImportSummary;
  /** The stored message (it must be there). */
  const message = async (id: string, dup = 0) => (await db.getMessage(LIST, id, dup))!;
  /** The ids of the thread holding the message, in thread order. */
  const threadOf = async (id: string) =>
    (await db.getThreadMessages(LIST, id))!.messages.map((m) => m.messageId);

  beforeAll(async () => {
    db = await openFreshStore(backend);
    summary = await importStream(
      db,
      LIST,
      readSources([...CORPUS, URL_IDS, path.join(generated, 'input')]),
    );
  }, 120_000);

  afterAll(() => db?.close());

  describe('importing the hostile corpus', () => {
    it('stores every valid message and reports every rejected one with its reason', async () => {
      expect(rejections(summary)).toEqual(REJECTED);
      expect(summary.imported).toBe(STORED.length);
      // duplicate-ids.mbox holds one message twice, byte for byte.
      expect(summary.duplicates).toBe(1);
      expect(await db.countMessages()).toBe(STORED.length);
      expect(await idsInOrder(db, LIST)).toEqual(STORED.map(([id]) => id));
      const rows = await Promise.all(
        STORED.map(async ([id, dup]) => {
          const m = await message(id, dup);
          return [m.messageId, m.dupIndex, m.subject];
        }),
      );
      expect(rows).toEqual(STORED);
    });

    it('stores markup as written: escaping is the renderer’s job', async () => {
      const m = await message('xss-script@hostile.example');
      expect(m.from.name).toBe('<script>alert(1)</script>');
      expect(m.body).toBe(
        "<script>alert('body')</script>\n<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
      );
      expect(
        (await message('xss-filenames@hostile.example')).attachments.map((a) => a.filename),
      ).toEqual(['<img src=x onerror=alert(1)>.txt', '<script>alert(1)</script>.html', 'x.svg']);
    });

    it('converts HTML-only mail to text without scripts, styles or image sources', async () => {
      expect((await message('html-script@hostile.example')).body).toBe(
        'Hello html world\n\nclick me',
      );
      expect((await message('html-alt@hostile.example')).body).toBe('alternative text');
      expect((await message('html-base64@hostile.example')).body).toBe('decoded paragraph');
    });

    it('reads 8-bit headers: UTF-8 as UTF-8, anything else as Windows-1252, with a warning', async () => {
      expect((await message('8bit-utf8@hostile.example')).from.name).toBe('Jürgen Größ');
      const latin1 = await message('8bit-latin1@hostile.example');
      expect(latin1.from.name).toBe('François Müller');
      expect(latin1.warnings).toEqual([
        'header lines that are not UTF-8 were read as Windows-1252',
      ]);
    });

    it('keeps what broken MIME still holds, and says what was wrong', async () => {
      const noBoundary = await message('mp-no-boundary@hostile.example');
      expect(noBoundary.body).toBe('text where parts should be');
      expect(noBoundary.warnings).toEqual([
        'multipart message without parts; its body is shown as sent',
      ]);
      expect((await message('nested-200@hostile.example')).body).toBe('deep leaf text');
      expect((await message('b64-junk@hostile.example')).body).toBe('hello world');
      expect((await message('b64-junk@hostile.example')).warnings).toEqual([
        'base64 body contains invalid characters (skipped)',
      ]);
      expect((await message('trunc-2@hostile.example')).body).toBe('visible part');
      expect((await message('nulid@hostile.example')).body).toBe('body\uFFFD\uFFFDwith nuls');
      expect((await message('bad-date@hostile.example')).dateRaw).toBe('not a date at all');
      expect((await message('bad-date@hostile.example')).date).toBeNull();
    });

    it('keeps duplicate Message-IDs apart', async () => {
      expect((await message('dup@hostile.example', 0)).body).toBe('the original text');
      expect((await message('dup@hostile.example', 1)).body).toBe('imposter text');
    });

    it('bounds deep quotes, long lines and long References', async () => {
      const deep = await message('deep-quotes@hostile.example');
      expect(deep.segments.map((s) => [s.depth, s.lines])).toEqual([
        [0, ['own words']],
        [MAX_QUOTE_DEPTH, ['deepest', 'spaced deepest']],
        [0, ['', 'own words again']],
      ]);
      expect((await message('long-line@hostile.example')).body).toBe('x'.repeat(LONG_LINE_BYTES));
      const refs = await message('many-references@hostile.example');
      expect(refs.references).toHaveLength(MAX_REFERENCES);
      expect(refs.references.at(-1)).toBe('r9999@h');
      expect(refs.warnings).toEqual([`References cut from 10000 to the newest ${MAX_REFERENCES}`]);
    });

    it('threads every message exactly once, through cycles and self-references', async () => {
      // The store's own check: no visible message without a thread, every count right.
      const check = await db.check();
      expect(check.problems).toEqual([]);
      expect(check.counts.messages).toBe(STORED.length);
      expect(await threadOf('cycle-b@hostile.example')).toEqual(
        await threadOf('cycle-a@hostile.example'),
      );
      expect(await threadOf('repeat-refs@hostile.example')).toEqual(
        await threadOf('cycle-a@hostile.example'),
      );
      expect(await threadOf('tri-2@hostile.example')).toEqual(
        await threadOf('tri-1@hostile.example'),
      );
      expect(await threadOf('tri-3@hostile.example')).toEqual(
        await threadOf('tri-1@hostile.example'),
      );
      const sizes = await Promise.all(
        ['cycle-a@hostile.example', 'self-ref@hostile.example', 'tri-1@hostile.example'].map(
          async (id) => [id, (await threadOf(id)).length],
        ),
      );
      expect(sizes).toEqual([
        ['cycle-a@hostile.example', 3],
        ['self-ref@hostile.example', 1],
        ['tri-1@hostile.example', 3],
      ]);
      // The 1,000-deep chain is one thread; the patch series and its review another.
      const chain = await threadOf('c0@chain');
      expect(chain).toContain(`c${CHAIN - 1}@chain`);
      expect(chain).toHaveLength(CHAIN);
      expect(await threadOf('xss-series-0@hostile.example')).toContain(
        'xss-series-review@hostile.example',
      );
    });

    it('imports nothing twice when run again', async () => {
      const again = await importStream(
        db,
        LIST,
        readSources([...CORPUS, URL_IDS, path.join(generated, 'input')]),
      );
      expect(again.imported).toBe(0);
      expect(again.duplicates).toBe(STORED.length + 1);
      expect(rejections(again)).toEqual(REJECTED);
    });
  });

  describe('a 50 MB message', () => {
    it('is stored whole, between its neighbours', async () => {
      const file = writeHugeMessage(generated);
      const hugeDb = await openFreshStore(backend);
      try {
        const result = await importStream(hugeDb, LIST, readSources([file]));
        expect(result).toEqual({ imported: 3, duplicates: 0, rejected: [] });
        const exported = await hugeDb.getListExportChunk((await hugeDb.getListId(LIST))!, 0, 10);
        const rows = exported.map((r) => [r.messageId, r.raw.length]);
        expect(rows).toEqual([
          ['huge-message-before@hostile.example', expect.any(Number)],
          ['huge-message@hostile.example', HUGE_MESSAGE_BYTES],
          ['huge-message-after@hostile.example', expect.any(Number)],
        ]);
      } finally {
        await hugeDb.close();
      }
    }, 300_000);
  });
});
