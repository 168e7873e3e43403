import { describe, expect, it } from 'vitest';
import { buildThreads } from '../../../lib/thread/build-threads';
import { formatTree, type NodeLabel } from '../../../lib/thread/format-tree';
import type { ThreadInput } from '../../../lib/types';
import { keyLabel, msg, shuffle } from './thread-helpers';

/** The forest as text; also checks that reversed and shuffled input give the same text. */
function tree(messages: ThreadInput[], label?: NodeLabel<ThreadInput>): string {
  const text = formatTree(buildThreads(messages), label);
  expect(formatTree(buildThreads([...messages].reverse()), label)).toBe(text);
  for (const seed of [1, 2, 3]) {
    expect(formatTree(buildThreads(shuffle(messages, seed)), label)).toBe(text);
  }
  return text;
}

describe('buildThreads: links', () => {
  it('threads a simple chain', () => {
    const a = msg('a@x', { at: 1 });
    const b = msg('b@x', { at: 2, refs: ['a@x'], subject: 'Re: Hello' });
    const c = msg('c@x', { at: 3, refs: ['a@x', 'b@x'], subject: 'Re: Hello' });
    expect(tree([a, b, c])).toBe('<a@x> Hello\n  <b@x>\n    <c@x>\n');
  });

  it('gives the same tree when replies arrive before their parents', () => {
    const c = msg('c@x', { at: 3, refs: ['a@x', 'b@x'] });
    const b = msg('b@x', { at: 2, irt: 'a@x' });
    const a = msg('a@x', { at: 1 });
    expect(formatTree(buildThreads([c, b, a]))).toBe('<a@x> Hello\n  <b@x>\n    <c@x>\n');
  });

  it('keeps a ghost root visible even with a single child', () => {
    const b = msg('b@x', { at: 2, refs: ['a@x'] });
    const c = msg('c@x', { at: 3, refs: ['a@x', 'b@x'] });
    expect(tree([b, c])).toBe('(missing) <a@x>\n  <b@x>\n    <c@x>\n');
  });

  it('keeps a ghost in the middle of a chain', () => {
    const a = msg('a@x', { at: 1 });
    const c = msg('c@x', { at: 3, refs: ['a@x', 'b@x'] });
    expect(tree([a, c])).toBe('<a@x> Hello\n  (missing) <b@x>\n    <c@x>\n');
  });

  it('prunes ghosts left without children, and their childless ghost parents', () => {
    const a = msg('a@x', { at: 1 });
    const b = msg('b@x', { at: 2, refs: ['a@x'] });
    // g1 -> g2 is linked, g2 -> b is refused (b already has a parent): both ghosts end childless.
    const c = msg('c@x', { at: 3, refs: ['g1@x', 'g2@x', 'b@x'] });
    expect(tree([a, b, c])).toBe('<a@x> Hello\n  <b@x>\n    <c@x>\n');
  });

  it('follows References alone', () => {
    const b = msg('b@x', { at: 2, refs: ['a@x'] });
    expect(tree([msg('a@x', { at: 1 }), b])).toBe('<a@x> Hello\n  <b@x>\n');
  });

  it('follows In-Reply-To alone', () => {
    const b = msg('b@x', { at: 2, irt: 'a@x' });
    expect(tree([msg('a@x', { at: 1 }), b])).toBe('<a@x> Hello\n  <b@x>\n');
  });

  it('appends In-Reply-To as the last parent when References lack it', () => {
    const a = msg('a@x', { at: 1 });
    const b = msg('b@x', { at: 2, subject: 'Other' });
    const c = msg('c@x', { at: 3, refs: ['a@x'], irt: 'b@x' });
    // c's chain is a, b: b (which named no parent) is guessed to reply to a.
    expect(tree([a, b, c])).toBe('<a@x> Hello\n  <b@x>\n    <c@x>\n');
  });

  it('prefers the last reference when In-Reply-To names an earlier one', () => {
    const a = msg('a@x', { at: 1 });
    const b = msg('b@x', { at: 2, refs: ['a@x'] });
    const c = msg('c@x', { at: 3, refs: ['a@x', 'b@x'], irt: 'a@x' });
    expect(tree([a, b, c])).toBe('<a@x> Hello\n  <b@x>\n    <c@x>\n');
  });

  it("lets a message's own References override a parent guessed from another's", () => {
    // c guesses a -> b; b itself says its parent is z.
    const a = msg('a@x', { at: 1 });
    const z = msg('z@x', { at: 2, subject: 'Zed' });
    const c = msg('c@x', { at: 3, refs: ['a@x', 'b@x'] });
    const b = msg('b@x', { at: 4, refs: ['z@x'] });
    expect(tree([a, z, c, b])).toBe('<a@x> Hello\n<z@x> Zed\n  <b@x>\n    <c@x>\n');
  });

  it('refuses the link that would close a References cycle A -> B -> A', () => {
    const a = msg('a@x', { at: 1, refs: ['b@x'] });
    const b = msg('b@x', { at: 2, refs: ['a@x'] });
    expect(tree([a, b])).toBe('<b@x> Hello\n  <a@x>\n');
  });

  it('breaks a three-message cycle and a cycle inside one References header', () => {
    const a = msg('a@x', { at: 1, refs: ['c@x'] });
    const b = msg('b@x', { at: 2, refs: ['a@x'] });
    const c = msg('c@x', { at: 3, refs: ['b@x'] });
    expect(tree([a, b, c])).toBe('<c@x> Hello\n  <a@x>\n    <b@x>\n');
    const d = msg('d@x', { at: 4, refs: ['p@x', 'q@x', 'p@x', 'q@x'] });
    expect(tree([d])).toBe('(missing) <p@x>\n  (missing) <q@x>\n    <d@x>\n');
  });

  it('ignores self-references', () => {
    const a = msg('a@x', { at: 1, refs: ['a@x'], irt: 'a@x' });
    const b = msg('b@x', { at: 2, refs: ['a@x', 'b@x'], irt: 'b@x' });
    expect(tree([a, b])).toBe('<a@x> Hello\n  <b@x>\n');
  });

  it('ignores empty ids in References and In-Reply-To', () => {
    const b = msg('b@x', { at: 2, refs: ['', 'a@x', ''], irt: '' });
    expect(tree([msg('a@x', { at: 1 }), b])).toBe('<a@x> Hello\n  <b@x>\n');
  });
});

describe('buildThreads: duplicate Message-IDs', () => {
  it('gives the id to the earliest and keeps a later root duplicate as its own root', () => {
    const first = msg('a@x', { key: 'k1', at: 1, subject: 'First' });
    const dup = msg('a@x', { key: 'k2', at: 5, subject: 'Imposter', refs: ['elsewhere@x'] });
    const reply = msg('b@x', { at: 2, refs: ['a@x'] });
    expect(tree([dup, reply, first], keyLabel)).toBe(
      '<a@x> First #k1\n  <b@x> #b@x\n<a@x> Imposter #k2\n',
    );
  });

  it('decides ownership by date, not input order, and places duplicates beside the owner', () => {
    const p = msg('p@x', { at: 0, subject: 'Parent' });
    const late = msg('a@x', { key: 'k1', at: 9, refs: ['p@x'] });
    const early = msg('a@x', { key: 'k2', at: 1, refs: ['p@x'] });
    const reply = msg('b@x', { at: 3, irt: 'a@x' });
    expect(tree([late, reply, early, p], keyLabel)).toBe(
      '<p@x> Parent #p@x\n  <a@x> #k2\n    <b@x> #b@x\n  <a@x> #k1\n',
    );
  });

  it('orders same-date duplicates by key', () => {
    const one = msg('a@x', { key: 'k1', at: 1 });
    const two = msg('a@x', { key: 'k2', at: 1 });
    expect(tree([two, one], keyLabel)).toBe('<a@x> Hello #k1\n<a@x> Hello #k2\n');
  });
});

describe('buildThreads: subject fallback', () => {
  it('attaches a reference-less reply under the root with the same base subject', () => {
    const a = msg('a@x', { at: 1, subject: '[PATCH v2] Fix  the thing' });
    const b = msg('b@x', { at: 2, subject: 'Re: [PATCH v2] fix the thing' });
    expect(tree([a, b])).toBe('<a@x> [PATCH v2] Fix  the thing\n  <b@x>\n');
  });

  it('never merges non-replies that share a subject', () => {
    const a = msg('a@x', { at: 1, subject: 'Weekly report' });
    const b = msg('b@x', { at: 2, subject: 'Weekly report' });
    const f = msg('f@x', { at: 3, subject: 'Fwd: Weekly report' });
    expect(tree([a, b, f])).toBe(
      '<a@x> Weekly report\n<b@x> Weekly report\n<f@x> Fwd: Weekly report\n',
    );
  });

  it('leaves replies that have references where their references put them', () => {
    const a = msg('a@x', { at: 1, subject: 'Topic' });
    const b = msg('b@x', { at: 2, subject: 'Re: Topic', refs: ['gone@x'] });
    expect(tree([a, b])).toBe('<a@x> Topic\n(missing) <gone@x>\n  <b@x>\n');
  });

  it('prefers a non-reply root even when a reply arrived first', () => {
    const early = msg('r@x', { at: 1, subject: 'Re: Topic' });
    const start = msg('s@x', { at: 2, subject: 'Topic' });
    const late = msg('t@x', { at: 3, subject: 'AW: Topic' });
    expect(tree([early, start, late])).toBe('<s@x> Topic\n  <r@x>\n  <t@x>\n');
  });

  it('gathers replies under the earliest one when no thread start exists', () => {
    const one = msg('r1@x', { at: 1, subject: 'Re: Lost' });
    const two = msg('r2@x', { at: 2, subject: 'RE: lost' });
    expect(tree([one, two])).toBe('<r1@x> Re: Lost\n  <r2@x>\n');
  });

  it('does not group empty subjects', () => {
    const a = msg('a@x', { at: 1, subject: '' });
    const b = msg('b@x', { at: 2, subject: 'Re:' });
    expect(tree([a, b])).toBe('<a@x>\n<b@x> Re:\n');
  });

  it('accepts a caller-supplied subject normaliser', () => {
    const a = msg('a@x', { at: 1, subject: 'Topic' });
    const b = msg('b@x', { at: 2, subject: 'Antwort: Topic' });
    const forest = buildThreads([a, b], {
      baseSubject: (s) => ({
        base: s.replace(/^Antwort: /, ''),
        isReply: s.startsWith('Antwort: '),
      }),
    });
    expect(formatTree(forest)).toBe('<a@x> Topic\n  <b@x>\n');
    expect(formatTree(buildThreads([a, b]))).toBe('<a@x> Topic\n<b@x> Antwort: Topic\n');
  });
});

describe('buildThreads: order', () => {
  it('orders siblings by date, undated last, ties by key', () => {
    const a = msg('a@x', { at: 1 });
    const kids = [
      msg('c@x', { at: 3, irt: 'a@x' }),
      msg('b@x', { at: 2, irt: 'a@x' }),
      msg('e@x', { irt: 'a@x' }),
      msg('d@x', { irt: 'a@x' }),
      msg('t2@x', { at: 2, irt: 'a@x', key: 'a-key' }),
    ];
    expect(tree([a, ...kids])).toBe('<a@x> Hello\n  <t2@x>\n  <b@x>\n  <c@x>\n  <d@x>\n  <e@x>\n');
  });

  it('orders roots by date, and a ghost root where its earliest child would be', () => {
    const undated = msg('u@x', { subject: 'Undated' });
    const late = msg('l@x', { at: 9, subject: 'Late' });
    const orphan = msg('o@x', { at: 5, irt: 'ghost@x' });
    const early = msg('e@x', { at: 1, subject: 'Early' });
    const bad = msg('bad@x', { subject: 'Bad date' });
    expect(tree([undated, late, orphan, early, { ...bad, date: 'not a date' }])).toBe(
      '<e@x> Early\n(missing) <ghost@x>\n  <o@x>\n<l@x> Late\n<bad@x> Bad date\n<u@x> Undated\n',
    );
  });

  it('returns an empty forest for no messages', () => {
    expect(buildThreads([])).toEqual([]);
  });

  it('hands back the very message records it was given', () => {
    const a = { ...msg('a@x', { at: 1 }), extra: 42 };
    const [root] = buildThreads([a]);
    expect(root).toEqual({ missing: false, messageId: 'a@x', message: a, children: [] });
    expect(root?.missing === false && root.message).toBe(a);
  });
});
