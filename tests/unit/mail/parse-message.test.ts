import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES, MAX_REFERENCES } from '../../../lib/limits';
import { parseMessage } from '../../../lib/mail/parse-message';
import { syntheticMessageId } from '../../../lib/mail/message-id';
import type { RawMessage } from '../../../lib/types';
import { parseBytes, parseFixture, rawFixture } from './load-fixture';

const raw = (bytes: Buffer | string): RawMessage => ({
  source: 'test',
  position: 'inline',
  raw: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
  format: 'rfc822',
});

describe('parseMessage: transfer encodings and charsets', () => {
  it('decodes a quoted-printable ISO-8859-1 body and RFC 2047 subject', async () => {
    const m = await parseFixture('mail/qp-iso-8859-1.eml');
    expect(m.subject).toBe('Essai accentué');
    expect(m.body).toBe(
      'Du texte accentué pour ça ...\n\nà la bonne heure !\n-- \nOlivier BERGER \n' +
        'http://www-public.it-sudparis.eu/~berger_o/ - OpenPGP-Id: 2048R/5819D7E8\n' +
        'Ingenieur Recherche - Dept INF\n' +
        'Institut TELECOM, SudParis (http://www.it-sudparis.eu/), Evry (France)',
    );
    expect(m.warnings).toEqual([]);
  });

  it('decodes an 8-bit ISO-8859-1 body and an encoded quoted display name', async () => {
    const m = await parseFixture('mail/8bit-iso-8859-1.eml');
    expect(m.from).toEqual({ name: 'François Boulogne', address: 'boulogne.f@gmail.com' });
    expect(m.body.split('\n').slice(0, 2)).toEqual([
      'Le 29/12/2011 11:13, Allan McRae a écrit :',
      '> On 29/12/11 19:56, François Boulogne wrote:',
    ]);
    expect(m.body.endsWith('-- \nFrançois Boulogne.\nhttps://www.sciunto.org')).toBe(true);
    expect(m.inReplyTo).toBe('4EFC3D62.4030202@archlinux.org');
    expect(m.references).toEqual(['4EFC3931.6030007@april.org', '4EFC3D62.4030202@archlinux.org']);
  });

  it('decodes a Windows-1252 body: é, €, en dash, smart quotes', async () => {
    const m = await parseFixture('mail/handmade-windows-1252.eml');
    expect(m.body).toBe('The café charges €5 \u2013 it\u2019s \u201cquoted\u201d.');
    expect(m.warnings).toEqual([]);
  });

  it('decodes a base64 body and turns its CRLFs into LFs, keeping a lone CR', async () => {
    const m = await parseFixture('mail/base64-crlf.eml');
    expect(
      m.body.startsWith(
        'On different distro, \rpytest is suffixed with different patterns.\n\n---\n configure | 2 +-\n',
      ),
    ).toBe(true);
    expect(m.body).not.toContain('\r\n');
    expect(m.body.endsWith('To unsubscribe send an email to list-leave@example.org')).toBe(true);
  });

  it('parses broken base64 and an unknown charset with warnings, never rejects', async () => {
    const m = await parseFixture('mail/hostile-broken-base64.eml');
    expect(m.body).toBe('Hello world');
    expect(m.warnings).toEqual([
      'unknown charset "x-no-such-charset"',
      'base64 body contains invalid characters (skipped)',
    ]);
  });
});

describe('parseMessage: RFC 2047 headers', () => {
  it('decodes encoded From/To/Cc names and a subject split over two charsets', async () => {
    const m = await parseFixture('mail/rfc2047-encoded-names.eml');
    expect(m.from).toEqual({ name: 'Keith Moore', address: 'moore@cs.utk.edu' });
    expect(m.to).toEqual([{ name: 'Keld Jørn Simonsen', address: 'keld@dkuug.dk' }]);
    expect(m.cc).toEqual([{ name: 'André Pirard', address: 'PIRARD@vm1.ulg.ac.be' }]);
    expect(m.subject).toBe('If you can read this you understand the example.');
    expect(m.body).toBe('');
  });

  it('drops whitespace between adjacent encoded words; `_` is a space', async () => {
    expect((await parseFixture('mail/rfc2047-adjacent-words.eml')).subject).toBe('(ab)');
    expect((await parseFixture('mail/rfc2047-underscore-space.eml')).subject).toBe('(a b)');
  });
});

describe('parseMessage: Message-ID', () => {
  it('synthesises a stable id when the header is missing', async () => {
    const m = await parseFixture('mail/no-message-id.eml');
    expect(m.messageId).toBe(syntheticMessageId(rawFixture('mail/no-message-id.eml').raw));
    expect(m.messageIdSynthetic).toBe(true);
    expect(m.warnings).toEqual(['no Message-ID; synthesised one from the content']);
    expect(m.from).toEqual({ name: 'A U Thor', address: 'a.u.thor@example.com' });
    expect((await parseFixture('mail/no-message-id.eml')).messageId).toBe(m.messageId);
    const changed = await parseBytes(
      rawFixture('mail/no-message-id.eml').raw.toString('latin1') + 'one more line\n',
    );
    expect(changed.messageId).not.toBe(m.messageId);
  });

  it('treats an empty Message-ID header as missing', async () => {
    const m = await parseBytes('From: a@b\nMessage-ID: <>\n\nx\n');
    expect(m.messageIdSynthetic).toBe(true);
    expect(m.messageId).toMatch(/^[0-9a-f]{32}@threadlight\.invalid$/);
  });

  it('strips spaces and brackets around the id', async () => {
    expect((await parseBytes('Message-ID:   < abc@example.org >  \n\nx')).messageId).toBe(
      'abc@example.org',
    );
    expect((await parseFixture('mail/msgid-nbsp.eml')).messageId).toBe('m');
  });
});

describe('parseMessage: dates', () => {
  it('gives UTC ISO dates', async () => {
    const m = await parseFixture('mail/text-x-patch-attachment.eml');
    expect(m.date).toBe('2021-09-27T18:33:00.000Z');
    expect(m.dateRaw).toBe('Mon, 27 Sep 2021 11:33:00 -0700');
  });

  it('keeps an unparseable date as written, with a warning', async () => {
    const m = await parseFixture('mail/bad-date.eml');
    expect(m.date).toBeNull();
    // Raw header bytes 0x80 0xFF 0xFF 0xFF, not UTF-8, so read as Windows-1252.
    expect(m.dateRaw).toBe('Wed, 4 Jun 2014 17:50:\u20ac\u00ff\u00ff\u00ff');
    expect(m.warnings).toEqual([
      'header lines that are not UTF-8 were read as Windows-1252',
      // Its boundary never appears (fuzzed): the body is kept as sent instead of dropped.
      'multipart message without parts; its body is shown as sent',
      'unparseable Date header: "Wed, 4 Jun 2014 17:50:\u20ac\u00ff\u00ff\u00ff"',
      'body contains bytes that could not be decoded',
    ]);
  });

  it('leaves a missing date null without inventing one', async () => {
    const m = await parseFixture('mail/rfc2047-encoded-names.eml');
    expect(m.date).toBeNull();
    expect(m.dateRaw).toBeNull();
  });
});

describe('parseMessage: In-Reply-To and References', () => {
  it('ignores git-send-email `<yes>` junk', async () => {
    const m = await parseFixture('mail/in-reply-to-yes.eml');
    expect(m.inReplyTo).toBeNull();
    expect(m.references).toEqual([]);
    expect(m.warnings).toEqual(['In-Reply-To has no usable Message-ID']);
  });

  it('takes the last id of In-Reply-To, skipping text around it', async () => {
    const m = await parseBytes(
      'From: a@b\nIn-Reply-To: <first@x> (Jane\'s message of "Mon, 1 Jan 2001")\n <second@x>\n\nx',
    );
    expect(m.inReplyTo).toBe('second@x');
    expect(m.references).toEqual(['second@x']);
  });

  it('reads folded References, oldest first', async () => {
    const m = await parseFixture('mail/text-x-patch-attachment.eml');
    expect(m.inReplyTo).toBe('CAK8P3a3YFh4QTC6dk6onsaKcqCM3Nmb2JhMXK5QdZpHtffjyLg@mail.gmail.com');
    expect(m.references).toEqual([
      '20210927094123.576521-1-arnd@kernel.org',
      '40217483-1b8d-28ec-bbfc-8f979773b166@redhat.com',
      '20210927130253.GH2083@kadam',
      'CAK8P3a3YFh4QTC6dk6onsaKcqCM3Nmb2JhMXK5QdZpHtffjyLg@mail.gmail.com',
    ]);
  });

  it(`caps References at MAX_REFERENCES (${MAX_REFERENCES}), keeping the newest`, async () => {
    const total = MAX_REFERENCES + 44;
    const ids = Array.from({ length: total }, (_, i) => `<ref${i}@example.org>`);
    const m = await parseBytes(`From: a@b\nMessage-ID: <m@x>\nReferences: ${ids.join('\n ')}\n\nx`);
    expect(m.references).toHaveLength(MAX_REFERENCES);
    expect(m.references[0]).toBe('ref44@example.org');
    expect(m.references.at(-1)).toBe(`ref${total - 1}@example.org`);
    expect(m.warnings).toEqual([`References cut from ${total} to the newest ${MAX_REFERENCES}`]);
  });
});

describe('parseMessage: bodies and attachments', () => {
  it('turns HTML-only mail into text without tags, scripts, styles or URLs', async () => {
    const m = await parseFixture('mail/hostile-html-script.eml');
    expect(m.body).toBe('Hello list & friends\n\na link\n\nint main(void)\n{\n    return 0;\n}');
    expect(m.body).not.toMatch(/[<>]|SCRIPT|color:red|evil\.example|tracker/);
  });

  it('keeps text outside <body> and never shows attribute values', async () => {
    const m = await parseFixture('mail/html-attribute-text.eml');
    expect(m.body).toBe('hunter2');
  });

  it('prefers text/plain over the HTML alternative', async () => {
    const m = await parseBytes(
      'From: a@b\nContent-Type: multipart/alternative; boundary=XX\n\n--XX\nContent-Type: text/plain\n\nplain words\n--XX\nContent-Type: text/html\n\n<p>html words</p>\n--XX--\n',
    );
    expect(m.body).toBe('plain words');
  });

  it('lists attachments and keeps the text of a text/x-patch attachment', async () => {
    const m = await parseFixture('mail/text-x-patch-attachment.eml');
    expect(m.attachments).toHaveLength(1);
    const [patch] = m.attachments;
    expect(patch).toMatchObject({
      filename: 'patch.diff',
      contentType: 'text/x-patch',
      size: 1239,
    });
    expect(patch!.text!.split('\n').slice(0, 4)).toEqual([
      ' fs/vboxsf/super.c | 12 ++----------',
      ' 1 file changed, 2 insertions(+), 10 deletions(-)',
      '',
      'diff --git a/fs/vboxsf/super.c b/fs/vboxsf/super.c',
    ]);
    expect(
      m.body.startsWith('On Mon, Sep 27, 2021 at 6:22 AM Arnd Bergmann <arnd@kernel.org> wrote:\n'),
    ).toBe(true);
    expect(m.cc).toHaveLength(11);
  });

  it('keeps text only for textual attachments, capped at 1 MB', async () => {
    const big = 'A'.repeat(1024 * 1024 + 10);
    const m = await parseBytes(
      'From: a@b\nMessage-ID: <m@x>\nContent-Type: multipart/mixed; boundary=XX\n\n' +
        '--XX\nContent-Type: text/plain\n\nsee attached\n' +
        '--XX\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=fix.patch\n\n--- a\n+++ b\n' +
        '--XX\nContent-Type: image/png\nContent-Disposition: attachment; filename=x.png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n' +
        `--XX\nContent-Type: text/plain\nContent-Disposition: attachment; filename=huge.log\n\n${big}\n--XX--\n`,
    );
    expect(m.body).toBe('see attached');
    expect(m.attachments.map((a) => [a.filename, a.size, a.text?.length])).toEqual([
      ['fix.patch', 11, 11],
      ['x.png', 8, undefined],
      ['huge.log', 1024 * 1024 + 10, 1024 * 1024],
    ]);
    expect(m.attachments[0]!.text).toBe('--- a\n+++ b');
    expect(m.warnings).toEqual(['attachment "huge.log" text cut to 1048576 bytes']);
  });

  it('flattens address groups and warns about a missing From', async () => {
    const m = await parseBytes('To: undisclosed: a@x, "B" <b@y>;\nSubject: s\n\nbody  \n\n\n');
    expect(m.to).toEqual([
      { name: '', address: 'a@x' },
      { name: 'B', address: 'b@y' },
    ]);
    expect(m.from).toEqual({ name: '', address: '' });
    expect(m.body).toBe('body');
    expect(m.warnings).toContain('no From address');
  });
});

describe('parseMessage: what is not a message', () => {
  it.each([
    ['', 'empty input (0 bytes)'],
    ['\n\n  \n', 'not a message: no header fields and no body'],
    ['just some words', 'not a message: no header fields and no body'],
  ])('%j is rejected', async (input, reason) => {
    expect(await parseMessage(raw(input))).toEqual({ ok: false, reason });
  });

  it('rejects input over MAX_MESSAGE_BYTES', async () => {
    const result = await parseMessage(raw(Buffer.alloc(MAX_MESSAGE_BYTES + 1, 0x61)));
    expect(result).toEqual({
      ok: false,
      reason: `message is ${MAX_MESSAGE_BYTES + 1} bytes, over the limit of ${MAX_MESSAGE_BYTES}`,
    });
  });

  it('accepts headers without a body', async () => {
    const m = await parseBytes('Subject: only a subject\n');
    expect(m.subject).toBe('only a subject');
    expect(m.body).toBe('');
  });

  it('sends archive pages to the archive-page parser', async () => {
    const result = await parseMessage(rawFixture('seed/seed.txt', 'archive-page'));
    expect(result.ok && result.message.from.name).toBe('Matthias Kaehlcke');
  });
});

describe('parseMessage: hostile headers', () => {
  // mailparser refuses more than 1 MB of headers per MIME node, so each header gets
  // 250 KB: still far beyond what a quadratic regex could get through.
  it('parses 250 KB of bracket junk in each of In-Reply-To, References and Subject', async () => {
    const junk = '<'.repeat(250_000);
    const m = await parseBytes(
      `From: a@b\nMessage-ID: <m@x>\nSubject: ${'Re: ['.repeat(50_000)}x\n` +
        `In-Reply-To: ${junk}\nReferences: ${junk}<a@b>\n\nbody\n`,
    );
    expect(m.inReplyTo).toBeNull();
    expect(m.references).toEqual(['a@b']);
    expect(m.subjectInfo.isReply).toBe(true);
    expect(m.subjectInfo.base.endsWith('x')).toBe(true);
    expect(m.body).toBe('body');
  });

  it("rejects more than 1 MB of headers with mailparser's reason", async () => {
    const result = await parseMessage(raw(`Subject: ${'x'.repeat(1_100_000)}\n\nbody\n`));
    expect(result).toEqual({
      ok: false,
      reason: 'MIME structure could not be parsed: Max header size for a MIME node exceeded',
    });
  });
});
