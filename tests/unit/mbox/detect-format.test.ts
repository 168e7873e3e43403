import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../lib/mbox/detect-format';

const FIXTURES = join(__dirname, '../../fixtures');
const head = (path: string) => readFileSync(join(FIXTURES, path)).subarray(0, 8192);
const detect = (text: string) => detectFormat(Buffer.from(text, 'latin1'));

describe('detectFormat', () => {
  it('recognises mbox files by their first From_ line', () => {
    expect(detectFormat(head('mbox/sample.mboxrd'))).toBe('mbox');
    expect(detectFormat(head('mbox/thread-new-sparse-release.mbox'))).toBe('mbox');
    expect(detectFormat(head('mbox/trailers-followup-single.mbox'))).toBe('mbox');
  });

  it('recognises an mbox behind leading junk only by a real From_ line', () => {
    expect(detect('$ cat inbox\n\nFrom mboxrd@z Thu Jan  1 00:00:00 1970\nSubject: x\n')).toBe(
      'mbox',
    );
    expect(detect('I said:\n\nFrom my point of view, no.\n')).toBe('unknown');
  });

  it('recognises the seed archive page, also with CRLF and leading blank lines', () => {
    const seed = readFileSync(join(FIXTURES, 'seed/seed.txt'), 'latin1');
    expect(detectFormat(head('seed/seed.txt'))).toBe('archive-page');
    expect(detect(seed.replace(/\n/g, '\r\n'))).toBe('archive-page');
    expect(detect(`\n\n${seed}`)).toBe('archive-page');
    expect(detect('From: Someone\nDate: Mon May 07 2018 - 13:49:18 EST\n\nbody\n')).toBe(
      'archive-page',
    );
  });

  it('recognises maildir files and .eml text as rfc822', () => {
    expect(detectFormat(head('mbox/maildir/cur/1382298793.002669:2,'))).toBe('rfc822');
    expect(detect('Subject: hi\r\nFrom: a@b\r\n\r\nbody\r\n')).toBe('rfc822');
    expect(detect('Received: from x\n\tby y;\n\tMon, 1 Jan 2001\nSubject: folded\n\nb\n')).toBe(
      'rfc822',
    );
    // A real header block with From: and an RFC 5322 date is not an archive page.
    expect(detect('From: A <a@b>\nDate: Mon, 7 May 2018 13:49:18 -0500\n\nbody\n')).toBe('rfc822');
  });

  it('says unknown for prose, JSON, binary and empty input', () => {
    expect(detect('Hello world,\nthis is just text.\nNothing: else\n')).toBe('unknown');
    expect(detect('{"a": 1}\n')).toBe('unknown');
    expect(detectFormat(Buffer.from([0x00, 0x01, 0xff, 0x0a, 0x80]))).toBe('unknown');
    expect(detectFormat(Buffer.alloc(0))).toBe('unknown');
  });

  it('only looks at the head of a 1 MB adversarial line', () => {
    expect(detect(`X-${'a'.repeat(1 << 20)}`)).toBe('unknown');
    expect(detect(`From: x\nDate: ${'1 '.repeat(1 << 19)}`)).toBe('rfc822');
  });
});
