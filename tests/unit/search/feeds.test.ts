import { describe, expect, it } from 'vitest';
import { buildAtom, type AtomFeed } from '@/lib/feeds/build-atom';
import { escapeXml } from '@/lib/feeds/escape-xml';
import { feedId } from '@/lib/feeds/feed-id';
import { parseXml, type XmlElement } from './well-formed-xml';

const HOSTILE = 'a <b>&amp; "q" \'s\' ]]> \u0000nul \u001b[31mesc \u0085nel \ufffe \ud800 end 😀';
const CLEANED = 'a <b>&amp; "q" \'s\' ]]> nul [31mesc nel   end 😀';

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
const children = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);

function feed(entries: AtomFeed['entries']): AtomFeed {
  return {
    id: feedId('list', 'test'),
    title: `list ${HOSTILE}`,
    selfLink: 'http://localhost:3000/test/new.atom',
    htmlLink: 'http://localhost:3000/test/',
    fallbackUpdated: '2000-01-01T00:00:00.000Z',
    entries,
  };
}

describe('well-formedness checker', () => {
  it('refuses what a strict XML reader refuses', () => {
    expect(() => parseXml('<a>x & y</a>')).toThrow('bad entity reference');
    expect(() => parseXml('<a>\u0001</a>')).toThrow('character not allowed');
    expect(() => parseXml('<a><b></a></b>')).toThrow('mismatched');
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow('duplicate attribute');
    expect(() => parseXml('<a/><b/>')).toThrow('more than one root');
    expect(parseXml('<a x="&lt;">t&#233;</a>')).toEqual({
      name: 'a',
      attrs: { x: '<' },
      children: [],
      text: 'té',
    });
  });
});

describe('escapeXml', () => {
  it('escapes specials and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(HOSTILE)).toBe(
      'a &lt;b&gt;&amp;amp; &quot;q&quot; &apos;s&apos; ]]&gt; nul [31mesc nel   end 😀',
    );
  });
});

describe('buildAtom', () => {
  it('writes a well-formed Atom 1.0 feed from hostile mail text', () => {
    const xml = buildAtom(
      feed([
        {
          id: feedId('message', 'test', 'a@b'),
          title: HOSTILE,
          updated: '2018-05-07T18:49:18.000Z',
          author: { name: HOSTILE, email: 'alice@example.org' },
          link: 'http://localhost:3000/test/a%40b/#m-0123456789',
          content: `line 1\n${HOSTILE}`,
        },
        {
          id: feedId('message', 'test', 'c@d'),
          title: '',
          updated: null,
          author: { name: '', email: 'not an <address>' },
          link: 'http://localhost:3000/test/c%40d/',
          content: '',
        },
      ]),
    );
    const root = parseXml(xml);
    expect(root.name).toBe('feed');
    expect(root.attrs).toEqual({ xmlns: 'http://www.w3.org/2005/Atom' });
    expect(child(root, 'title')!.text).toBe(`list ${CLEANED}`);
    expect(child(root, 'id')!.text).toBe(feedId('list', 'test'));
    expect(child(root, 'id')!.text).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // The feed is as new as its newest entry.
    expect(child(root, 'updated')!.text).toBe('2018-05-07T18:49:18Z');
    expect(children(root, 'link').map((l) => l.attrs)).toEqual([
      { rel: 'self', type: 'application/atom+xml', href: 'http://localhost:3000/test/new.atom' },
      { rel: 'alternate', type: 'text/html', href: 'http://localhost:3000/test/' },
    ]);
    const [first, second] = children(root, 'entry');
    expect(first!.children.map((c) => c.name)).toEqual([
      'title',
      'id',
      'updated',
      'author',
      'link',
      'content',
    ]);
    expect(child(first!, 'title')!.text).toBe(CLEANED);
    expect(child(first!, 'author')!.children.map((c) => [c.name, c.text])).toEqual([
      ['name', CLEANED],
      ['email', 'alice@example.org'],
    ]);
    expect(child(first!, 'link')!.attrs.href).toBe(
      'http://localhost:3000/test/a%40b/#m-0123456789',
    );
    expect(child(first!, 'content')!.attrs).toEqual({ type: 'text' });
    expect(child(first!, 'content')!.text).toBe(`line 1\n${CLEANED}`);
    // Missing values get what Atom requires: a title, a date, a non-empty author, no bad email.
    expect(child(second!, 'title')!.text).toBe('(no subject)');
    expect(child(second!, 'updated')!.text).toBe('2000-01-01T00:00:00Z');
    expect(child(second!, 'author')!.children.map((c) => [c.name, c.text])).toEqual([
      ['name', 'not an <address>'],
    ]);
  });

  it('uses the fallback date for an empty feed', () => {
    const root = parseXml(buildAtom(feed([])));
    expect(child(root, 'updated')!.text).toBe('2000-01-01T00:00:00Z');
    expect(children(root, 'entry')).toEqual([]);
  });

  it('derives stable ids from what an entry is about', () => {
    expect(feedId('message', 'test', 'a@b')).toBe(feedId('message', 'test', 'a@b'));
    expect(feedId('message', 'test', 'a@b')).not.toBe(feedId('message', 'other', 'a@b'));
  });
});
