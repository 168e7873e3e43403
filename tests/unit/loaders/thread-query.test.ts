import { describe, expect, it } from 'vitest';
import { parseThreadQuery, threadPageLink } from '@/lib/thread-query';
import { pathMessage, pathSegment } from '@/lib/route-path-header';

const q = (s: string) => parseThreadQuery(new URLSearchParams(s));

describe('parseThreadQuery', () => {
  it('reads depth, fold, hl, dup and page', () => {
    expect(q('depth=2&fold=all&hl=m-0123456789-L4-L7&dup=1&page=3')).toEqual({
      collapseFrom: 2,
      foldFrom: Infinity,
      target: { message: 'm-0123456789', from: 4, to: 7 },
      dup: 1,
      page: 3,
    });
  });

  it('falls back to all replies open and quotes folded from depth 3', () => {
    expect(q('')).toEqual({ collapseFrom: Infinity, foldFrom: 3 });
  });

  it('ignores hostile or nonsensical values instead of failing', () => {
    expect(q('depth=-1&fold=1e9&hl=<script>&dup=x&page=1.5')).toEqual({
      collapseFrom: Infinity,
      foldFrom: 3,
    });
    expect(q('page=')).toEqual({ collapseFrom: Infinity, foldFrom: 3 });
  });
});

describe('threadPageLink', () => {
  it('keeps the reader settings, sets the page and drops a highlight from another page', () => {
    const link = threadPageLink(new URLSearchParams('depth=2&hl=m-0123456789-L4&page=1'), 2);
    expect(new URLSearchParams(link.slice(1))).toEqual(new URLSearchParams('depth=2&page=2'));
  });
});

describe('pathSegment / pathMessage', () => {
  it('decodes each segment of the raw path exactly once', () => {
    expect(pathSegment('/lkml/100%2525off%40x/', 1)).toBe('100%25off@x');
    expect(pathMessage('/lkml/a%2Fb%40x/raw')).toEqual({ list: 'lkml', messageId: 'a/b@x' });
  });

  it('normalises the Message-ID segment the way import normalises the header', () => {
    const id = '"john smith"@hostile.example';
    expect(pathMessage(`/hostile/${encodeURIComponent(id)}/`)!.messageId).toBe(id);
    expect(pathMessage('/hostile/%22john%20%20smith%22%40hostile.example/raw')!.messageId).toBe(id);
    expect(pathMessage('/hostile/%3Cabc%40x%3E/')!.messageId).toBe('abc@x');
    expect(pathMessage('/hostile/%22johnsmith%22%40hostile.example/')!.messageId).toBe(
      '"johnsmith"@hostile.example',
    );
    // The list segment is a name, not an id: decoded only.
    expect(pathMessage('/a%20b/x%40y/')).toEqual({ list: 'a b', messageId: 'x@y' });
    // Nothing left of an id is no address at all.
    expect(pathMessage('/hostile/%20%3C%3E/')).toBeNull();
  });

  it('is null for a missing or malformed segment', () => {
    expect(pathSegment('/lkml/', 1)).toBeNull();
    expect(pathSegment(undefined, 0)).toBeNull();
    expect(pathMessage('/lkml/%E0%A4%A/')).toBeNull();
  });
});
