import { describe, expect, it } from 'vitest';
import { linkifyText, type LinkPiece } from '../../../lib/linkify/linkify';

const GIT = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=';
const ELIXIR = 'https://elixir.bootlin.com/linux/';
const messageLink = (id: string) => `/lkml/${encodeURIComponent(id)}/`;

/** Only the linked pieces, as [text, href]. */
function links(text: string, ctx = {}): Array<[string, string]> {
  return linkifyText(text, { messageLink, ...ctx })
    .filter((p): p is Required<LinkPiece> => p.href !== undefined)
    .map((p) => [p.text, p.href]);
}

describe('linkifyText', () => {
  it('gives back the input when its pieces are joined', () => {
    const text = 'See https://x.org/a, commit 9af5ddf981ed and irq_work_tick+0x9d/0x110.';
    expect(
      linkifyText(text, {})
        .map((p) => p.text)
        .join(''),
    ).toBe(text);
    expect(linkifyText('', {})).toEqual([{ text: '' }]);
  });

  it.each<[string, Array<[string, string]>]>([
    // URLs: http(s) and mailto only
    [
      'https://www.kernel.org/doc/Documentation/this_cpu_ops.txt',
      [
        [
          'https://www.kernel.org/doc/Documentation/this_cpu_ops.txt',
          'https://www.kernel.org/doc/Documentation/this_cpu_ops.txt',
        ],
      ],
    ],
    [
      '(https://en.wikipedia.org/wiki/X86_calling_conventions)',
      [
        [
          'https://en.wikipedia.org/wiki/X86_calling_conventions',
          'https://en.wikipedia.org/wiki/X86_calling_conventions',
        ],
      ],
    ],
    ['see https://x.org/a).', [['https://x.org/a', 'https://x.org/a']]],
    ['see https://x.org/a, and', [['https://x.org/a', 'https://x.org/a']]],
    [
      'https://en.wikipedia.org/wiki/Foo_(bar).',
      [['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)']],
    ],
    [
      '<https://lore.kernel.org/r/abc>',
      [['https://lore.kernel.org/r/abc', 'https://lore.kernel.org/r/abc']],
    ],
    [
      'mailto:linux-kernel@vger.kernel.org',
      [['mailto:linux-kernel@vger.kernel.org', 'mailto:linux-kernel@vger.kernel.org']],
    ],
    ['javascript:alert(1)', []],
    ['data:text/html,<script>', []],
    ['ftp://example.org/x', []],
    ['https://', []],
    // commits, only where the context says commit
    ['commit 9af5ddf981ed ("kbuild: x")', [['9af5ddf981ed', `${GIT}9af5ddf981ed`]]],
    ['Fixes: 1234567890ab ("x86: foo")', [['1234567890ab', `${GIT}1234567890ab`]]],
    [
      "9af5ddf981ed BACKPORT: kbuild: disable clang's default use of",
      [['9af5ddf981ed', `${GIT}9af5ddf981ed`]],
    ],
    [
      'd4dfe384346d UPSTREAM: kbuild: fix linker feature test macros when',
      [['d4dfe384346d', `${GIT}d4dfe384346d`]],
    ],
    ['user$ for p in 69e44656ae43 222b88977a00 cdfcf1e45537', []],
    ['9af5ddf981ed is here', []],
    ['commit defaced', []],
    ['ffff96dd9e403e58 EFLAGS: 00010046', []],
    ['0000000000015b88 d lazy_list', []],
    // kernel symbols and source paths
    [
      'irq_work_tick+0x9d/0x110',
      [['irq_work_tick+0x9d/0x110', `${ELIXIR}latest/A/ident/irq_work_tick`]],
    ],
    ['? foo.isra.0+0x1/0x2 [kvm]', [['foo.isra.0+0x1/0x2', `${ELIXIR}latest/A/ident/foo`]]],
    ["'irq_work_tick+0xaf'", []],
    [
      'in arch/x86/kernel/paravirt.c.',
      [['arch/x86/kernel/paravirt.c', `${ELIXIR}latest/source/arch/x86/kernel/paravirt.c`]],
    ],
    [
      'kernel/irq_work.c:123: warning',
      [['kernel/irq_work.c:123', `${ELIXIR}latest/source/kernel/irq_work.c#L123`]],
    ],
    [
      'drivers/net/Kconfig',
      [['drivers/net/Kconfig', `${ELIXIR}latest/source/drivers/net/Kconfig`]],
    ],
    ['/usr/bin/mycompiler and test/Sema/asm.c and kernel/git', []],
    // Message-ID references
    [
      '<20180507174918.GA12345@google.com>',
      [['<20180507174918.GA12345@google.com>', '/lkml/20180507174918.GA12345%40google.com/']],
    ],
    ['In-Reply-To: <abc@example.org>', [['<abc@example.org>', '/lkml/abc%40example.org/']]],
    ['Matthias Kaehlcke <mka@xxxxxxxxxxxx> wrote:', []],
  ])('%s', (text, expected) => {
    expect(links(text)).toEqual(expected);
  });

  it('links elixir at the given kernel version and refuses a version that is a path', () => {
    expect(links('irq_work_tick+0x9d/0x110', { kernelVersion: 'v4.14' })).toEqual([
      ['irq_work_tick+0x9d/0x110', `${ELIXIR}v4.14/A/ident/irq_work_tick`],
    ]);
    expect(links('mm/slub.c', { kernelVersion: '5.10.3' })).toEqual([
      ['mm/slub.c', `${ELIXIR}v5.10.3/source/mm/slub.c`],
    ]);
    expect(links('mm/slub.c', { kernelVersion: '../../evil' })).toEqual([
      ['mm/slub.c', `${ELIXIR}latest/source/mm/slub.c`],
    ]);
  });

  it('uses a configured git web, with or without a {sha} placeholder', () => {
    expect(links('commit 9af5ddf981ed', { gitWeb: 'https://git.example/c/{sha}/view' })).toEqual([
      ['9af5ddf981ed', 'https://git.example/c/9af5ddf981ed/view'],
    ]);
    expect(
      links('commit 9af5ddf981ed', { gitWeb: 'https://github.com/torvalds/linux/commit/' }),
    ).toEqual([['9af5ddf981ed', 'https://github.com/torvalds/linux/commit/9af5ddf981ed']]);
  });

  it('never emits an unsafe href, even from a configured target', () => {
    expect(links('commit 9af5ddf981ed', { gitWeb: 'javascript:alert(' })).toEqual([]);
    expect(
      linkifyText('<20180507174918.GA12345@x.com>', { messageLink: () => '//evil.example/' }),
    ).toEqual([{ text: '<20180507174918.GA12345@x.com>' }]);
  });

  it('leaves Message-IDs as text without a messageLink', () => {
    expect(linkifyText('<20180507174918.GA12345@google.com>', {})).toEqual([
      { text: '<20180507174918.GA12345@google.com>' },
    ]);
  });

  it.each(['a', 'https://', 'commit ', '<a', 'arch/', 'a.', '0123456789abcdef', 'a+0x1/0x', ')'])(
    'scans 1 MB of %j in one pass and loses nothing',
    (unit) => {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      expect(
        linkifyText(text, { messageLink })
          .map((p) => p.text)
          .join(''),
      ).toBe(text);
    },
  );
});
