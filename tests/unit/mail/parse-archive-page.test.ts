import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeArchivePage, parseArchivePage } from '../../../lib/mail/parse-archive-page';
import { syntheticMessageId } from '../../../lib/mail/message-id';
import { parseFixture, rawFixture } from './load-fixture';

const SEED = 'seed/seed.txt';

function page(text: string) {
  const result = parseArchivePage(Buffer.from(text));
  if (!result.ok) throw new Error(result.reason);
  return result.message;
}

describe('parseArchivePage on the seed', () => {
  it('recovers subject, sender, date and a synthetic id', async () => {
    const m = await parseFixture(SEED, 'archive-page');
    expect(m.subject).toBe(
      'Re: Clang patch stacks for LTS kernels (v4.4 and v4.9) and status update',
    );
    expect(m.subjectInfo).toEqual({
      base: 'Clang patch stacks for LTS kernels (v4.4 and v4.9) and status update',
      isReply: true,
      tags: [],
    });
    expect(m.from).toEqual({ name: 'Matthias Kaehlcke', address: '' });
    expect(m.date).toBe('2018-05-07T18:49:18.000Z');
    expect(m.dateRaw).toBe('Mon May 07 2018 - 13:49:18 EST');
    expect(m.messageId).toBe(syntheticMessageId(rawFixture(SEED).raw));
    expect(m.messageIdSynthetic).toBe(true);
    expect(m.inReplyTo).toBeNull();
    expect(m.references).toEqual([]);
    expect(m.to).toEqual([]);
    expect(m.attachments).toEqual([]);
    expect(m.warnings).toEqual([]);
  });

  it('keeps the body exactly, from its first line to its last non-blank line', async () => {
    const m = await parseFixture(SEED, 'archive-page');
    const text = rawFixture(SEED).raw.toString('utf8');
    const first = 'On Sun, May 06, 2018 at 09:42:09AM +0200, Sedat Dilek wrote:';
    expect(m.body.startsWith(first + '\n> On Wed, Apr 25, 2018 at 1:06 AM,')).toBe(true);
    expect(m.body).toBe(text.slice(text.indexOf(first)).trimEnd());
  });

  it('is recognised as an archive page', () => {
    expect(looksLikeArchivePage(rawFixture(SEED).raw.toString('utf8'))).toBe(true);
  });
});

describe('parseArchivePage', () => {
  it('reads `Name <address>` and obfuscated bare addresses', () => {
    const head = 'Subject\n\nFrom: ';
    const tail = '\nDate: Mon May 07 2018 - 13:49:18 EST\n\nbody\n';
    expect(page(head + 'Matthias Kaehlcke <mka@xxxxxxxxxxxx>' + tail).from).toEqual({
      name: 'Matthias Kaehlcke',
      address: 'mka@xxxxxxxxxxxx',
    });
    expect(page(head + '"Kaehlcke, M" <mka@chromium.org>' + tail).from).toEqual({
      name: 'Kaehlcke, M',
      address: 'mka@chromium.org',
    });
    expect(page(head + 'mka@xxxxxxxxxxxx' + tail).from).toEqual({
      name: '',
      address: 'mka@xxxxxxxxxxxx',
    });
  });

  it('normalises CRLF, keeps inner blank lines and indentation, trims the end', () => {
    const m = page(
      '\r\n\r\n[PATCH 2/3] x\r\n\r\nFrom: A\r\nDate: Tue Jan 01 2019 - 00:10:00 PST\r\n\r\n\r\n  indented\r\n\r\n> q\r\n\r\n\r\n',
    );
    expect(m.subject).toBe('[PATCH 2/3] x');
    expect(m.subjectInfo).toEqual({
      base: 'x',
      isReply: false,
      tags: ['PATCH'],
      part: 2,
      total: 3,
    });
    expect(m.date).toBe('2019-01-01T08:10:00.000Z');
    expect(m.body).toBe('  indented\n\n> q');
  });

  it('uses a Message-ID line when the page has one', () => {
    const m = page('S\n\nFrom: A\nDate: Mon May 07 2018 - 13:49:18 EST\nMessage-ID: <a@b>\n\nbody');
    expect(m.messageId).toBe('a@b');
    expect(m.messageIdSynthetic).toBe(false);
  });

  it('keeps a bad date as written, with a warning', () => {
    const m = page('S\n\nFrom: A\nDate: sometime in May\n\nbody');
    expect(m.date).toBeNull();
    expect(m.dateRaw).toBe('sometime in May');
    expect(m.warnings).toEqual(['unparseable Date line: "sometime in May"']);
  });

  it('falls back to Latin-1 for pages that are not UTF-8', () => {
    const result = parseArchivePage(
      Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from('\n\nFrom: A\n\nx')]),
    );
    expect(result.ok && result.message.subject).toBe('Café');
    expect(result.ok && result.message.warnings).toEqual([
      'page is not valid UTF-8; decoded as Latin-1',
      'no Date line',
    ]);
  });

  it('rejects a blank page', () => {
    expect(parseArchivePage(Buffer.from('\n \n\t\n'))).toEqual({
      ok: false,
      reason: 'not a message: archive page is blank',
    });
  });
});

describe('looksLikeArchivePage', () => {
  it('tells archive pages from RFC 822 mail', () => {
    expect(
      looksLikeArchivePage(
        readFileSync(new URL('../../fixtures/mail/qp-iso-8859-1.eml', import.meta.url), 'latin1'),
      ),
    ).toBe(false);
    expect(looksLikeArchivePage('Subject line\n\nFrom: A\nDate: x\n')).toBe(true);
    expect(looksLikeArchivePage('From: A\nDate: x\n\nbody')).toBe(false);
    expect(looksLikeArchivePage('')).toBe(false);
  });
});
