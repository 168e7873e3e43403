import { describe, expect, it } from 'vitest';
import { snippetParts, snippetText } from '@/lib/search/snippet-parts';
import { indexFields } from '@/lib/search/index-fields';

describe('snippetParts', () => {
  it('splits FTS5 markers into hit and plain parts, never HTML', () => {
    const parts = snippetParts('…a \uE000<b>leak</b>\uE001 and \uE000more\uE001');
    expect(parts).toEqual([
      { text: '…a ', hit: false },
      { text: '<b>leak</b>', hit: true },
      { text: ' and ', hit: false },
      { text: 'more', hit: true },
    ]);
    expect(snippetText(parts)).toBe('…a <b>leak</b> and more');
    expect(snippetParts('')).toEqual([]);
  });
});

describe('indexFields', () => {
  it('puts own lines and text attachments apart from quotes, and strips marker characters', () => {
    const f = indexFields(
      {
        subject: 'a \uE000b',
        from: { name: 'Alice', address: 'a@x' },
        to: [{ name: '', address: 't@x' }],
        cc: [],
        attachments: [
          { filename: 'p.diff', contentType: 'text/x-diff', size: 3, text: '+x' },
          { filename: 'i.png', contentType: 'image/png', size: 3 },
        ],
      },
      [
        { kind: 'prose', depth: 0, lines: ['mine', 'also mine'], start: 0 },
        { kind: 'prose', depth: 1, lines: ['theirs'], start: 2 },
        { kind: 'prose', depth: 2, lines: ['older\uE001'], start: 3 },
        { kind: 'signature', depth: 0, lines: ['-- ', 'Alice'], start: 4 },
      ],
    );
    expect(f).toEqual({
      subject: 'a  b',
      sender: 'Alice a@x',
      toAddr: ' t@x',
      ccAddr: '',
      bodyOwn: 'mine\nalso mine\n-- \nAlice\n+x',
      bodyQuoted: 'theirs\nolder ',
    });
  });
});
