/**
 * Adversarial 1 MB strings through every per-line regex path. A regex with catastrophic
 * backtracking would not finish on these (hours, not seconds); linear ones take
 * milliseconds. No timing is asserted: the generous test timeout is the only bound, and
 * each case also checks the answer, so a path that gave up early would fail too.
 */
import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../../lib/blocks/classify-blocks';
import { MAX_MESSAGE_ID_LENGTH, MAX_QUOTE_DEPTH } from '../../../lib/limits';
import { linkifyText } from '../../../lib/linkify/linkify';
import { extractMessageIds, normalizeMessageId } from '../../../lib/mail/message-id';
import { looksLikeArchivePage, parseArchivePage } from '../../../lib/mail/parse-archive-page';
import { parseMailDate } from '../../../lib/mail/parse-date';
import { parseSubject } from '../../../lib/mail/parse-subject';
import { detectFormat } from '../../../lib/mbox/detect-format';
import {
  isAsctimeFromLine,
  isHeaderFieldLine,
  isStrictFromLine,
} from '../../../lib/mbox/from-line';
import { findAttributions } from '../../../lib/quotes/find-attributions';
import { parseAttribution, parseQuotingAttribution } from '../../../lib/quotes/parse-attribution';
import { parseAttributionDate } from '../../../lib/quotes/parse-attribution-date';
import { parseQuotes } from '../../../lib/quotes/parse-quotes';
import { segmentBody } from '../../../lib/segments/segment-body';

const MB = 1024 * 1024;

/** `unit` repeated to 1 MB (then `tail`): the shape that makes backtracking regexes explode. */
const mb = (unit: string, tail = '') => unit.repeat(Math.ceil(MB / unit.length)) + tail;

// Generous: a linear pass over 1 MB takes milliseconds even on a slow CI machine.
const TIMEOUT = 120_000;

describe('bounded work on 1 MB adversarial input', () => {
  it('parseSubject', { timeout: TIMEOUT }, () => {
    expect(parseSubject(mb('Re: ', 'topic')).base).toBe('topic');
    expect(parseSubject(mb('Re: [', 'x')).isReply).toBe(true);
    expect(parseSubject(mb('[PATCH v2 ', 'x')).base).toBe(mb('[PATCH v2 ', 'x'));
    expect(parseSubject(mb('[a] ', 'x')).base).toBe('x');
    expect(parseSubject(mb('Re[1]', '!')).base).toBe(mb('Re[1]', '!'));
    expect(parseSubject(mb(' \t', 'x')).base).toBe('x');
  });

  it('extractMessageIds and normalizeMessageId', { timeout: TIMEOUT }, () => {
    expect(extractMessageIds(mb('<'))).toEqual([]);
    expect(extractMessageIds(mb('<a@b', '>'))).toEqual(['a@b']);
    expect(extractMessageIds(mb('<a@b> '))).toHaveLength(Math.ceil(MB / 6));
    expect(extractMessageIds(mb('a@'))).toEqual([]);
    expect(extractMessageIds(mb(', '))).toEqual([]);
    expect(extractMessageIds(mb('a@b '))).toHaveLength(Math.ceil(MB / 4));
    expect(normalizeMessageId(mb(' \r\n', '<x@y>'))).toBe('x@y');
    // Quoted local-parts are scanned by hand: quotes, quoted pairs and blanks in bulk.
    expect(normalizeMessageId(mb('"'))).toHaveLength(MAX_MESSAGE_ID_LENGTH);
    expect(normalizeMessageId('"' + mb('\\"'))).toHaveLength(MAX_MESSAGE_ID_LENGTH);
    expect(normalizeMessageId(mb('" \t', '@x'))!.length).toBeLessThanOrEqual(MAX_MESSAGE_ID_LENGTH);
    // Cut inside the quoted string: the quote is left open, so its blanks go too.
    expect(normalizeMessageId('<"' + mb('a  ') + '"@x>')).toMatch(/^"a{600,}-[0-9a-f]{16}$/);
  });

  it('parseArchivePage and looksLikeArchivePage', { timeout: TIMEOUT }, () => {
    const page = (head: string, body = 'body') => {
      const r = parseArchivePage(Buffer.from(`${head}\n\n${body}\n`));
      if (!r.ok) throw new Error(r.reason);
      return r.message;
    };
    const top = 'Subject line\n\n';
    // A 1 MB subject, 1 MB From values shaped for the name/address regexes, a 1 MB date.
    expect(page(mb('Re: ', 'x') + '\n\nFrom: a\nDate: x').subject).toBe(mb('Re: ', 'x'));
    expect(page(`${top}From: ${mb('"', ' <a@b>')}`).from.name).toBe(mb('"').slice(0, 512));
    expect(page(`${top}From: ${mb('"<a')}`).from).toEqual({
      name: mb('"<a').slice(0, 512),
      address: '',
    });
    expect(page(`${top}From: ${mb('a@')}`).from.address).toBe('');
    const dated = page(`${top}From: a\nDate: ${mb('Mon May 07 2018 - ')}`);
    expect(dated.date).toBeNull();
    expect(dated.dateRaw).toHaveLength(mb('Mon May 07 2018 - ').trim().length);
    // A 1 MB header name (no colon within reach) ends the header block; the rest is body.
    expect(page(`${top}From: a\n${mb('A-')}: x`).body.startsWith('A-A-')).toBe(true);
    // 100,000 header lines, and a 1 MB run of brackets as the Message-ID.
    expect(page(top + mb('X-A: b\n').trimEnd()).from).toEqual({ name: '', address: '' });
    expect(page(`${top}Message-ID: ${mb('<')}`).messageIdSynthetic).toBe(true);
    expect(page(`${top}Message-ID: ${mb('<a', '>')}`).messageId).toBe('a');
    // 1 MB of blank lines before the body.
    expect(page(`${top}From: a`, mb('\n', 'last')).body).toBe('last');
    expect(looksLikeArchivePage(mb('\n', top + 'From: a\nDate: b'))).toBe(false);
    expect(looksLikeArchivePage(mb('x') + '\n\nFrom: a\nDate: b')).toBe(false);
    expect(looksLikeArchivePage(mb(' \n'))).toBe(false);
  });

  it('parseQuotes', { timeout: TIMEOUT }, () => {
    const [deep, spaced, tabbed, open] = parseQuotes([
      mb('>'),
      mb('> ', 'text'),
      mb('>\t ', 'x'),
      mb(' ', '>'),
    ]);
    expect(deep!.depth).toBe(MAX_QUOTE_DEPTH);
    expect(spaced).toMatchObject({ depth: MAX_QUOTE_DEPTH, text: 'text' });
    // One blank after the last marker belongs to it (RFC 3676 §4.5).
    expect(tabbed).toMatchObject({ depth: MAX_QUOTE_DEPTH, text: ' x' });
    expect(open!.depth).toBe(1);
    // 100,000 lines alternating depths: the wrapped-tail and pipe passes stay linear.
    const lines = Array.from({ length: 100_000 }, (_, i) =>
      i % 3 === 0 ? '> ' + 'a'.repeat(70) : i % 3 === 1 ? 'tail' : '| piped',
    );
    expect(parseQuotes(lines)).toHaveLength(100_000);
  });

  it('attribution lines and their dates', { timeout: TIMEOUT }, () => {
    for (const line of [
      mb('On ', 'wrote:'),
      mb('a', ' wrote:'),
      mb('Am ', ' schrieb x:'),
      mb('* ', '[x]:'),
      mb('Quoting (', ')'),
      mb('"', ' wrote:'),
      mb('<', '> wrote:'),
    ]) {
      expect(parseAttribution(line)).toBeNull();
      expect(parseQuotingAttribution(line)).toBeNull();
    }
    expect(parseAttributionDate(mb('Mon, 1 '))).toBeNull();
    expect(parseMailDate(mb('Mon, 1 Jan '))).toBeNull();
    const quoted = parseQuotes([mb('On Mon, '), 'Sedat wrote:', mb('> On ', 'wrote:'), '> x']);
    expect(findAttributions(quoted).map((a) => [a.start, a.end, a.author.name])).toEqual([
      [1, 2, 'Sedat'],
    ]);
  });

  it('classifyBlocks', { timeout: TIMEOUT }, () => {
    const lines = [
      mb('[ 1.2] '),
      mb('+'),
      mb(' ', 'x'),
      mb('0123456789abcdef: 48 '),
      mb('File "'),
      mb('$ '),
      mb('CONFIG_'),
      mb('@@ -1 +1 @@'),
      mb('a', ';'),
      mb('\t{'),
      mb('ffffffff811932af: 48 83 39 00 '),
    ];
    const blocks = classifyBlocks(lines);
    expect(blocks[0]!.start).toBe(0);
    expect(blocks.at(-1)!.end).toBe(lines.length);
    // 200,000 short lines that each look like the start of something.
    const many = Array.from({ length: 200_000 }, (_, i) => ['+', '-x', '$ ls', '[ 1.0] a'][i % 4]!);
    expect(classifyBlocks(many).at(-1)!.end).toBe(many.length);
  });

  it('linkifyText', { timeout: TIMEOUT }, () => {
    const cases = [
      mb('http://', 'x'),
      'http://' + mb('a'),
      mb('commit ', '1234567'),
      'commit ' + mb('1'),
      mb('arch/'),
      'arch' + mb('/a'),
      mb('a+0x'),
      '<' + mb('a') + '@',
      mb('<a@'),
      mb('(https://x.org/'),
      'https://x.org/' + mb(')'),
      'https://x.org/' + mb(']'),
      mb('9af5ddf981ed '),
    ];
    for (const text of cases) {
      const pieces = linkifyText(text, { messageLink: (id) => `/r/${encodeURIComponent(id)}/` });
      // Nothing lost or added, and every link http(s), mailto or root-relative.
      expect(pieces.map((p) => p.text).join('')).toBe(text);
      for (const p of pieces) if (p.href) expect(p.href).toMatch(/^(?:https?:\/\/|mailto:|\/)/);
    }
  });

  it('mbox From_ lines and format detection', { timeout: TIMEOUT }, () => {
    expect(isStrictFromLine(mb('From a ', '0'))).toBe(false);
    expect(isStrictFromLine('From ' + mb(' '))).toBe(false);
    expect(isAsctimeFromLine('From a' + mb(' Mon Sep 17 00:00:00 2001'))).toBe(false);
    expect(isAsctimeFromLine('From ' + mb(' ', 'Mon'))).toBe(false);
    expect(isAsctimeFromLine(mb('From a '))).toBe(false);
    const header = (text: string) => isHeaderFieldLine(Buffer.from(text), 0, text.length);
    expect(header(mb('a'))).toBe(false);
    expect(header(mb('a:'))).toBe(false);
    expect(header(mb('a', ': x'))).toBe(false); // the name runs past the bytes looked at
    expect(detectFormat(Buffer.from(mb('From: a\n')))).toBe('rfc822');
    expect(detectFormat(Buffer.from(mb('x')))).toBe('unknown');
  });

  it('segmentBody on a 1 MB line and on 10,000 quote levels', { timeout: TIMEOUT }, () => {
    for (const body of [mb('x'), mb('> '), mb('>'), mb('On Mon, ', 'wrote:'), mb('-- ')]) {
      const segments = segmentBody(body, { name: 'Sender' });
      expect(segments.reduce((n, s) => n + s.lines.length, 0)).toBe(1);
    }
  });
});

describe('HTML mail turned into text', () => {
  it('stays linear on a megabyte of nested or broken markup', async () => {
    const { htmlToPlain } = await import('@/lib/mail/html-to-plain');
    const MB = 1024 * 1024;
    const shapes = [
      '<div>'.repeat(MB / 5),
      '<b>'.repeat(MB / 3),
      '<script>'.repeat(MB / 8),
      `<p>${' '.repeat(MB)}x`,
      '<'.repeat(MB),
      '&#x'.repeat(MB / 3),
    ];
    for (const html of shapes) {
      const t = performance.now();
      htmlToPlain(html);
      // Seconds, not minutes: 1 MB of <div> took 67 s through the HTML parser.
      expect(performance.now() - t).toBeLessThan(5000);
    }
  });

  it('keeps text, drops scripts and styles, and decodes entities in big documents', async () => {
    const { htmlToPlain } = await import('@/lib/mail/html-to-plain');
    const filler = '<p>filler</p>'.repeat(20_000);
    const text = htmlToPlain(
      `<html><head><title>t</title><style>b{}</style></head><body>${filler}<script>alert(1)</script><p>A &lt;b&gt; &amp; &#x41;&#66;</p></body></html>`,
    );
    expect(text).toContain('A <b> & AB');
    expect(text).not.toContain('alert');
    expect(text).not.toContain('b{}');
    expect(text).not.toContain('<p>');
  });
});
