import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeSnippet, snippetTerms } from '@/lib/search/make-snippet';
import { parseQuery } from '@/lib/search/parse-query';
import { snippetText } from '@/lib/search/snippet-parts';

function terms(query: string) {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.error);
  return snippetTerms(parsed.value);
}

const hits = (parts: { text: string; hit: boolean }[]) =>
  parts.filter((p) => p.hit).map((p) => p.text);

describe('snippetTerms', () => {
  it('takes body words, phrases word by word, and prefixes; never NOT or header fields', () => {
    expect(terms('Zorblax "null Pointer" lock* -leak s:subj f:alice b:body')).toEqual(
      expect.arrayContaining([
        { word: 'zorblax', prefix: false },
        { word: 'null', prefix: false },
        { word: 'pointer', prefix: false },
        { word: 'lock', prefix: true },
        { word: 'body', prefix: false },
      ]),
    );
    const words = terms('Zorblax "null Pointer" lock* -leak s:subj f:alice b:body').map(
      (t) => t.word,
    );
    expect(words).not.toContain('leak');
    expect(words).not.toContain('subj');
    expect(words).not.toContain('alice');
  });

  it('folds case and accents as the index tokenizer does', () => {
    expect(terms('Crème')).toEqual([{ word: 'creme', prefix: false }]);
  });
});

describe('makeSnippet', () => {
  const long = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');

  it('shows a short text whole, with its hits marked', () => {
    const parts = makeSnippet('The zorblax leaks. ZORBLAX again.', '', terms('zorblax'), 24);
    expect(snippetText(parts)).toBe('The zorblax leaks. ZORBLAX again.');
    expect(hits(parts)).toEqual(['zorblax', 'ZORBLAX']);
  });

  it('cuts a long text around its densest hits, with ellipses', () => {
    const text = `${long} locking here and locked there ${long}`;
    const parts = makeSnippet(text, '', terms('lock*'), 10);
    const shown = snippetText(parts);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(hits(parts)).toEqual(['locking', 'locked']);
    expect(shown.split(/\s+/).filter((w) => w !== '…').length).toBeLessThanOrEqual(10 + 2);
  });

  it('matches whole words only, unless the term is a prefix', () => {
    expect(hits(makeSnippet('locking lock unlock', '', terms('lock'), 24))).toEqual(['lock']);
    expect(hits(makeSnippet('locking lock unlock', '', terms('lock*'), 24))).toEqual([
      'locking',
      'lock',
    ]);
  });

  it('prefers own words, then quoted lines, then the start of the own words', () => {
    expect(snippetText(makeSnippet('mine zorblax', 'quoted zorblax', terms('zorblax'), 24))).toBe(
      'mine zorblax',
    );
    expect(snippetText(makeSnippet('mine only', 'quoted zorblax', terms('zorblax'), 24))).toBe(
      'quoted zorblax',
    );
    expect(snippetText(makeSnippet('mine only', 'quoted', terms('zorblax'), 24))).toBe('mine only');
    expect(makeSnippet('', '', terms('zorblax'), 24)).toEqual([]);
  });

  it('gives back only text of the message, in order, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 1, max: 40 }), (own, quoted, n) => {
        const parts = makeSnippet(own, quoted, [{ word: 'a', prefix: true }], n);
        const text = snippetText(parts).replace(/^…|…$/g, '');
        expect(own.includes(text) || quoted.includes(text)).toBe(true);
      }),
    );
  });

  it('stays linear on a megabyte of hits', () => {
    const huge = 'zorblax '.repeat(130_000);
    const parts = makeSnippet(huge, huge, terms('zorblax'), 24);
    expect(hits(parts).join(' ').split(' ')).toHaveLength(24);
  });
});
