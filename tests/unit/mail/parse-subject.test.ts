import { describe, expect, it } from 'vitest';
import { parseSubject } from '../../../lib/mail/parse-subject';
import type { SubjectInfo } from '../../../lib/types';

const plain = (base: string, extra: Partial<SubjectInfo> = {}): SubjectInfo => ({
  base,
  isReply: false,
  tags: [],
  ...extra,
});

describe('parseSubject', () => {
  const cases: Array<[string, SubjectInfo]> = [
    ['foo bar', plain('foo bar')],
    ['Re: foo', plain('foo', { isReply: true })],
    ['RE: RE: re:foo', plain('foo', { isReply: true })],
    ['Fwd: foo', plain('foo')],
    ['Fw: Re: foo', plain('foo', { isReply: true })],
    ['AW: WG: Sv: Antw: R: foo', plain('foo', { isReply: true })],
    ['Re[2]: foo', plain('foo', { isReply: true })],
    ['Re : foo', plain('foo', { isReply: true })],
    [
      'Re: [PATCH v2 3/7] mm: fix it',
      plain('mm: fix it', { isReply: true, tags: ['PATCH'], version: 2, part: 3, total: 7 }),
    ],
    [
      '[PATCH net-next v2 3/5] bar',
      plain('bar', { tags: ['PATCH', 'net-next'], version: 2, part: 3, total: 5 }),
    ],
    ['[RFC PATCH 0/3] cover', plain('cover', { tags: ['RFC', 'PATCH'], part: 0, total: 3 })],
    ['Re: Re: AW: [linux-next] x', plain('x', { isReply: true, tags: ['linux-next'] })],
    ['[PATCHv3 01/10] y', plain('y', { tags: ['PATCH'], version: 3, part: 1, total: 10 })],
    ['[notmuch] [PATCH 1/2] lib', plain('lib', { tags: ['notmuch', 'PATCH'], part: 1, total: 2 })],
    ['[PATCH] Re: [RFC] z', plain('z', { isReply: true, tags: ['PATCH', 'RFC'] })],
    ['[Patch]: Fix ld', plain('Fix ld', { tags: ['Patch'] })],
    ['x86: handle [foo] right', plain('x86: handle [foo] right')],
    ['Regarding: something', plain('Regarding: something')],
    ['Rust: bindings', plain('Rust: bindings')],
    ['  Re:   lots   of\t space  ', plain('lots of space', { isReply: true })],
    ['[PATCH unclosed', plain('[PATCH unclosed')],
    ['Re:', plain('', { isReply: true })],
    ['', plain('')],
    [
      'Re: Clang patch stacks for LTS kernels (v4.4 and v4.9) and status update',
      plain('Clang patch stacks for LTS kernels (v4.4 and v4.9) and status update', {
        isReply: true,
      }),
    ],
  ];
  it.each(cases)('%j', (subject, expected) => {
    expect(parseSubject(subject)).toEqual(expected);
  });

  it('stays linear on 1 MB of adversarial prefixes', () => {
    // Each of these would make a backtracking regex quadratic or worse.
    for (const junk of ['Re:'.repeat(300_000), '['.repeat(1_000_000), 'Re '.repeat(300_000)]) {
      const info = parseSubject(junk + 'end');
      expect(info.base.endsWith('end')).toBe(true);
    }
    expect(parseSubject('[a]'.repeat(300_000) + ' end').tags).toHaveLength(300_000);
  });
});
