import { describe, expect, it } from 'vitest';
import { baseSubject } from '../../../lib/thread/base-subject';

describe('baseSubject', () => {
  it.each([
    ['Hello', { base: 'hello', isReply: false }],
    ['Re: Hello', { base: 'hello', isReply: true }],
    ['RE: re:Re : Hello', { base: 'hello', isReply: true }],
    ['Re[2]: Hello', { base: 'hello', isReply: true }],
    ['AW: Sv: Antw: VS: Hello', { base: 'hello', isReply: true }],
    ['Fwd: FW: WG: Hello', { base: 'hello', isReply: false }],
    ['Re: [PATCH v2 3/7] net:  fix\tthe  thing ', { base: 'net: fix the thing', isReply: true }],
    ['[linux-sparse] Re: [RFC] Hello', { base: 'hello', isReply: true }],
    ['Revert "foo"', { base: 'revert "foo"', isReply: false }],
    ['Re:', { base: '', isReply: true }],
    ['[unclosed tag', { base: '[unclosed tag', isReply: false }],
    ['', { base: '', isReply: false }],
  ])('%j', (subject, expected) => {
    expect(baseSubject(subject)).toEqual(expected);
  });

  it('handles a megabyte of prefixes and an unclosed bracket run (linear regexes)', () => {
    expect(baseSubject('Re: '.repeat(250_000) + 'x')).toEqual({ base: 'x', isReply: true });
    expect(baseSubject('[a] '.repeat(250_000) + 'x')).toEqual({ base: 'x', isReply: false });
    const brackets = '['.repeat(1_000_000);
    expect(baseSubject(brackets)).toEqual({ base: brackets, isReply: false });
    expect(baseSubject(' '.repeat(1_000_000) + 'Re').base).toBe('re');
  });
});
