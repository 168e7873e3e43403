/**
 * The pure half of PostgreSQL search (lib/search/pg-text-search.ts): the tokenizer
 * against FTS5 itself on tricky text, and the tsvector and tsquery literals against
 * PostgreSQL's own parsers with hostile text, at PostgreSQL's limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import pg from 'pg';
import Database from 'better-sqlite3';
import {
  LAST_POSITION,
  MAX_LEXEME_BYTES,
  lexemeOf,
  quoteLexeme,
  searchDocs,
  termQueries,
  tsvectorLiteral,
  unicode61Tokens,
} from '@/lib/search/pg-text-search';
import { testPgUrl } from '@/tests/support/backends';

/** FTS5's tokens of each text, in order. */
function fts5Tokens(texts: readonly string[]): string[][] {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);`);
  const insert = db.prepare('INSERT INTO t (rowid, x) VALUES (?, ?)');
  texts.forEach((text, i) => insert.run(i + 1, text));
  const out: string[][] = texts.map(() => []);
  for (const [doc, term] of db
    .prepare('SELECT doc, term FROM v ORDER BY doc, offset')
    .raw()
    .all() as [number, string][]) {
    out[doc - 1]!.push(term);
  }
  db.close();
  return out;
}

const TRICKY = [
  'Café naïve résumé CRÈME brûlée coöperate façade Ærøskøbing Straße ŒUVRE ĳssel',
  'e\u0301te\u0301 (decomposed) a\u0308b and \u0301alone',
  '日本語のテキストです。中文搜索，한국어 텍스트 ｆｕｌｌｗｉｄｔｈ ＡＢＣ',
  'Καλημέρα κόσμε ΆΈΉ ς Σ Привет ЁЛКА ёлка',
  'kernel-dev@example.com j.doe+tag@sub.example.org <hack+er@x.org>',
  'kmalloc_array(n, size, GFP_KERNEL) __builtin_expect(x, 0) p->field_x foo::bar',
  '0xdeadbeef 0XDEADBEEF 1a2b3c4d5e6f sha256:abc123 v5.10-rc1 2.6.32',
  "don't can’t O'Brien's it‘s ʼokina",
  'tabs\tand\nnewlines\r\nand\u00a0nbsp\u2003em\u3000ideographic',
  'emoji 😀 mathbold 𝐀𝐁𝐂 astral-new 𰀀 old-cjk 𠀀 private \uE123\uF8FF',
  'ﬁ ligature ß ẞ ǅ İstanbul ı Ǆ',
  'superscript² ½ ① Ⅻ ٣ ๓',
  'quotes \'single\' "double" `back` a&b|c!d<->e :colon: *star* back\\slash',
  '\u0000nul\u0001ctl\u007fdel\u0085nel',
];

describe('unicode61Tokens against FTS5', () => {
  it('cuts tricky text as FTS5 does', () => {
    const expected = fts5Tokens(TRICKY);
    expect(TRICKY.map(unicode61Tokens)).toEqual(expected);
    expect(unicode61Tokens('kmalloc_array')).toEqual(['kmalloc', 'array']);
    // Only what decomposes to a letter and a diacritic loses it: ø and æ stay.
    expect(unicode61Tokens('Ærøskøbing façade')).toEqual(['ærøskøbing', 'facade']);
  });

  it('cuts random text as FTS5 does', () => {
    const alphabet = [...'aZé\u0301ßΆЁ日한 _-.@\'’"\\:&|!<>()*0x9²\uE000😀𝐀𰀀\u19b0\t\n'];
    const texts = fc.sample(
      fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((chars) => chars.join('')),
      { numRuns: 2000, seed: 61 },
    );
    expect(texts.map(unicode61Tokens)).toEqual(fts5Tokens(texts));
  });
});

describe('literals', () => {
  it('quotes lexemes for tsvector and tsquery input', () => {
    expect(quoteLexeme("it's")).toBe("'it''s'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
    expect(quoteLexeme("\\'")).toBe("'\\\\'''");
  });

  it('builds positions across columns with a gap, and weights', () => {
    expect(
      tsvectorLiteral([
        ['Foo bar', 'A'],
        ['foo', 'D'],
        ['', 'B'],
        ['bar baz', 'C'],
      ]),
    ).toBe("'foo':1A,4 'bar':2A,7C 'baz':8C");
    expect(
      searchDocs({ subject: '', sender: '', toAddr: '', ccAddr: '', bodyOwn: '', bodyQuoted: '' }),
    ).toEqual({ docMain: '', docAddr: '' });
  });

  it('cuts lexemes at a code point under PostgreSQL limit', () => {
    const long = 'é'.repeat(1500); // 3000 bytes
    const cut = lexemeOf(long);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(MAX_LEXEME_BYTES);
    expect(cut).toBe('é'.repeat(1023));
    expect(lexemeOf('abc')).toBe('abc');
  });

  it('compiles terms to weighted phrases and prefixes, user text only inside quotes', () => {
    const term = (text: string, field = 'any', prefix = false) =>
      termQueries({ type: 'term', field: field as 'any', text, phrase: false, prefix });
    expect(term('kmalloc_array', 'subject', true)).toEqual([
      { doc: 'doc_main', tsquery: "'kmalloc':A <-> 'array':*A" },
    ]);
    expect(term('bob', 'address')).toEqual([
      { doc: 'doc_main', tsquery: "'bob':D" },
      { doc: 'doc_addr', tsquery: "'bob':AB" },
    ]);
    expect(term("'foo':*A & !bar | (x)")).toEqual([
      { doc: 'doc_main', tsquery: "'foo' <-> 'a' <-> 'bar' <-> 'x'" },
      { doc: 'doc_addr', tsquery: "'foo' <-> 'a' <-> 'bar' <-> 'x'" },
    ]);
    expect(term('\u19b0')).toBeNull();
    expect(term('...')).toBeNull();
  });
});

const pgUrl = testPgUrl();

describe('literals in PostgreSQL', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  const HOSTILE = [
    "'",
    "''",
    '\\',
    "\\'",
    "a'b\\c",
    'a:b',
    "'foo':*A",
    'a & b | !c <-> d',
    ' spaced ',
    '(x)',
    ':*',
    'é日\uE000',
  ];

  it('reads hostile lexemes back exactly, in tsvectors and tsqueries', async () => {
    for (const lexeme of HOSTILE) {
      const { rows } = await client.query<{ back: string[]; hit: boolean; prefix: boolean }>(
        `SELECT tsvector_to_array($1::tsvector) AS back,
           array_to_tsvector(ARRAY[$3]) @@ $2::tsquery AS hit,
           array_to_tsvector(ARRAY[$3 || 'zz']) @@ $4::tsquery AS prefix`,
        [`${quoteLexeme(lexeme)}:1A`, quoteLexeme(lexeme), lexeme, `${quoteLexeme(lexeme)}:*`],
      );
      expect(rows[0], lexeme).toEqual({ back: [lexeme], hit: true, prefix: true });
    }
  });

  it('stays inside PostgreSQL limits for huge messages', async () => {
    const distinct = Array.from({ length: 200_000 }, (_, i) => `w${i.toString(36)}x`).join(' ');
    const texts: [string, string][] = [
      ['many positions', `${'same '.repeat(20_000)}end`],
      ['a megabyte of distinct words', distinct],
      ['long tokens', `${'é'.repeat(5000)} ${'a'.repeat(40_000)}`],
    ];
    for (const [what, text] of texts) {
      const { docMain } = searchDocs({
        subject: 'same subject',
        sender: 'same sender',
        toAddr: '',
        ccAddr: '',
        bodyOwn: text,
        bodyQuoted: 'same quoted',
      });
      const { rows } = await client.query<Record<string, boolean | number>>(
        `SELECT length(v) > 0 AS stored,
           v @@ 'same:A'::tsquery AS subject, v @@ 'same:D'::tsquery AS sender,
           v @@ 'same:B'::tsquery AS own, v @@ 'same:C'::tsquery AS quoted,
           (SELECT max(p) FROM unnest(v) u, unnest(u.positions) p) AS last
         FROM (SELECT $1::tsvector AS v) x`,
        [docMain],
      );
      expect(rows[0], what).toMatchObject({
        stored: true,
        subject: true,
        sender: true,
        quoted: true,
      });
      expect(rows[0]!.last as number, what).toBeLessThanOrEqual(16383);
    }
    // Words past the positions given out keep their field, one position per weight.
    const { docMain } = searchDocs({
      subject: '',
      sender: '',
      toAddr: '',
      ccAddr: '',
      bodyOwn: `${'x '.repeat(LAST_POSITION)}late`,
      bodyQuoted: 'late quote',
    });
    const { rows } = await client.query(
      `SELECT $1::tsvector @@ 'late:B'::tsquery AS own, $1::tsvector @@ 'late:C'::tsquery AS quoted,
         $1::tsvector @@ 'late:A'::tsquery AS subject, $1::tsvector @@ 'late <-> quote'::tsquery AS phrase`,
      [docMain],
    );
    expect(rows[0]).toEqual({ own: true, quoted: true, subject: false, phrase: false });
  });
});
