import { describe, expect, it } from 'vitest';
import { defaultLabel, flattenThread, formatTree } from '../../../lib/thread/format-tree';
import type { ThreadInput, ThreadNode } from '../../../lib/types';
import { msg } from './thread-helpers';

const leaf = (m: ThreadInput, children: ThreadNode[] = []): ThreadNode => ({
  missing: false,
  messageId: m.messageId,
  message: m,
  children,
});
const ghost = (messageId: string, children: ThreadNode[]): ThreadNode => ({
  missing: true,
  messageId,
  children,
});

const forest: ThreadNode[] = [
  leaf(msg('root@x', { subject: 'Subject' }), [
    leaf(msg('child@x', { subject: 'Re: Subject' }), [ghost('ghost@x', [leaf(msg('deep@x'))])]),
    leaf(msg('second@x')),
  ]),
  ghost('lost@x', [leaf(msg('orphan@x'))]),
];

describe('formatTree', () => {
  it('indents two spaces per level, subjects on roots, ghosts marked', () => {
    expect(formatTree(forest)).toBe(
      [
        '<root@x> Subject',
        '  <child@x>',
        '    (missing) <ghost@x>',
        '      <deep@x>',
        '  <second@x>',
        '(missing) <lost@x>',
        '  <orphan@x>',
        '',
      ].join('\n'),
    );
  });

  it('uses a custom label with the depth', () => {
    expect(formatTree(forest.slice(1), (n, d) => `${d}:${n.messageId}`)).toBe(
      '0:lost@x\n  1:orphan@x\n',
    );
  });

  it('cannot be made to forge tree lines by a subject with control characters', () => {
    const node = leaf(msg('a@x', { subject: 'one\n<forged@x>\r\ttwo' }));
    expect(formatTree([node])).toBe('<a@x> one <forged@x>  two\n');
    expect(defaultLabel(node, 1)).toBe('<a@x>');
  });

  it('formats an empty forest as the empty string', () => {
    expect(formatTree([])).toBe('');
  });
});

describe('flattenThread', () => {
  it('lists nodes in pre-order with their depth', () => {
    expect(flattenThread(forest).map((f) => `${f.depth} ${f.node.messageId}`)).toEqual([
      '0 root@x',
      '1 child@x',
      '2 ghost@x',
      '3 deep@x',
      '1 second@x',
      '0 lost@x',
      '1 orphan@x',
    ]);
  });

  it('walks a 10,000-deep tree without recursion', () => {
    let node = leaf(msg('bottom@x'));
    for (let i = 0; i < 10_000; i++) node = ghost(`g${i}@x`, [node]);
    const flat = flattenThread([node]);
    expect(flat).toHaveLength(10_001);
    expect(flat[10_000]).toEqual({
      node: expect.objectContaining({ messageId: 'bottom@x' }),
      depth: 10_000,
    });
  });
});
