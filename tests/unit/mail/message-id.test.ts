import { describe, expect, it } from 'vitest';
import {
  capReferences,
  extractMessageIds,
  normalizeMessageId,
  syntheticMessageId,
} from '../../../lib/mail/message-id';
import { MAX_MESSAGE_ID_LENGTH, MAX_REFERENCES } from '../../../lib/limits';

describe('normalizeMessageId', () => {
  it.each([
    ['<abc@example.org>', 'abc@example.org'],
    ['  <abc@example.org>  ', 'abc@example.org'],
    ['< abc@example.org >', 'abc@example.org'],
    ['<abc\r\n @example.org>', 'abc@example.org'],
    ['abc@example.org', 'abc@example.org'],
    ['<<abc@example.org>>', 'abc@example.org'],
    ['<abc@example.org> (added by postmaster)', 'abc@example.org'],
    ['abc@example.org>', 'abc@example.org'],
    ['\u00a0<m>', 'm'],
  ])('%j → %j', (raw, id) => {
    expect(normalizeMessageId(raw)).toBe(id);
  });

  // RFC 5322 §3.2.4: blanks inside a quoted local-part belong to the id; a fold's CRLF and
  // whitespace outside quotes (CFWS) do not.
  it.each([
    ['<"john smith"@hostile.example>', '"john smith"@hostile.example'],
    ['<"john  \t smith"@x>', '"john smith"@x'],
    ['<"john\r\n smith"@x>', '"john smith"@x'],
    ['<"john\r\nsmith"@x>', '"johnsmith"@x'],
    ['<" john "@x>', '" john "@x'],
    ['< "a b" @ x >', '"a b"@x'],
    ['<"a b" c d@x>', '"a b"cd@x'],
    ['<"q\\" x"@y>', '"q\\" x"@y'],
    ['<"a\u00a0b"@x>', '"a b"@x'],
    // A quote that never closes quotes nothing.
    ['<"never closed a b@x>', '"neverclosedab@x'],
    ['<"a b" "c d@x>', '"a b""cd@x'],
  ])('keeps blanks inside quotes: %j → %j', (raw, id) => {
    expect(normalizeMessageId(raw)).toBe(id);
  });

  it('keeps an id with a quoted space apart from the same id without it', () => {
    expect(normalizeMessageId('<"john smith"@x>')).not.toBe(normalizeMessageId('<"johnsmith"@x>'));
    expect(extractMessageIds('<"john smith"@x> <"johnsmith"@x>')).toEqual([
      '"john smith"@x',
      '"johnsmith"@x',
    ]);
  });

  it('is idempotent, so an id read back from a URL finds the stored one', () => {
    const raws = [
      '<"john  smith"@x>',
      '<"a\\" b"@y>',
      '<"unclosed a@x>',
      `<"${'a b '.repeat(1000)}"@x>`,
      `<${'x'.repeat(5000)}@x>`,
    ];
    for (const raw of raws) {
      const id = normalizeMessageId(raw)!;
      expect(normalizeMessageId(id), raw.slice(0, 40)).toBe(id);
    }
    // Cut inside a quoted string: within the limit, and the same when normalised again.
    expect(normalizeMessageId(raws[3]!)!.length).toBeLessThanOrEqual(MAX_MESSAGE_ID_LENGTH);
  });

  it.each(['', '   ', '<>', '< >', '>'])('%j → null', (raw) => {
    expect(normalizeMessageId(raw)).toBeNull();
  });

  it('truncates over-long ids with a hash suffix that keeps them distinct', () => {
    const a = normalizeMessageId(`<${'x'.repeat(5000)}a@example.org>`)!;
    const b = normalizeMessageId(`<${'x'.repeat(5000)}b@example.org>`)!;
    expect(a).toHaveLength(MAX_MESSAGE_ID_LENGTH);
    expect(b).toHaveLength(MAX_MESSAGE_ID_LENGTH);
    expect(a).not.toBe(b);
    expect(a.startsWith('x'.repeat(2000))).toBe(true);
    expect(a).toMatch(/-[0-9a-f]{16}$/);
  });
});

describe('syntheticMessageId', () => {
  it('is stable for the same bytes and differs for different bytes', () => {
    const a = syntheticMessageId(Buffer.from('Subject: a\n\nbody\n'));
    expect(a).toBe(syntheticMessageId(Buffer.from('Subject: a\n\nbody\n')));
    expect(a).not.toBe(syntheticMessageId(Buffer.from('Subject: a\n\nbody!\n')));
    expect(a).toMatch(/^[0-9a-f]{32}@threadlight\.invalid$/);
  });
});

describe('extractMessageIds', () => {
  it.each([
    ['<a@x> <b@y>', ['a@x', 'b@y']],
    ['<a@x>,<b@y>', ['a@x', 'b@y']],
    ['<a@x>\r\n\t<b@y>', ['a@x', 'b@y']],
    ['Your message of "Mon, 1 Jan 2001" <a@x>', ['a@x']],
    ['<a@x> (Jane Doe\'s message of "Mon")', ['a@x']],
    ['<yes>', []],
    ['<yes> <a@x>', ['a@x']],
    ['a@x b@y', ['a@x', 'b@y']],
    ['a@x, b@y', ['a@x', 'b@y']],
    ['just words', []],
    ['<a@x', []],
    ['', []],
  ])('%j → %j', (header, ids) => {
    expect(extractMessageIds(header)).toEqual(ids);
  });

  it('gives the same answer on repeated calls (no regex state leaks between calls)', () => {
    normalizeMessageId('<first@x> <second@y>');
    expect(extractMessageIds('<a@x>')).toEqual(['a@x']);
    expect(extractMessageIds('<a@x>')).toEqual(['a@x']);
  });

  it('stays linear on 1 MB of brackets', () => {
    expect(extractMessageIds('<'.repeat(1_000_000))).toEqual([]);
    expect(extractMessageIds('<a@b'.repeat(250_000))).toEqual([]);
    expect(extractMessageIds('<a@b>'.repeat(200_000))).toHaveLength(200_000);
  });
});

describe('capReferences', () => {
  it('keeps the newest MAX_REFERENCES ids', () => {
    const ids = Array.from({ length: MAX_REFERENCES + 10 }, (_, i) => `r${i}@x`);
    const capped = capReferences(ids);
    expect(capped).toHaveLength(MAX_REFERENCES);
    expect(capped[0]).toBe('r10@x');
    expect(capped.at(-1)).toBe(`r${MAX_REFERENCES + 9}@x`);
  });
});
