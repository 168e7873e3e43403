import { describe, expect, it } from 'vitest';
import { highlightBlock, highlightCacheKey } from '../../../lib/highlight/highlight-block';
import { MAX_HIGHLIGHT_BLOCK_CHARS, MAX_HIGHLIGHT_LINE_CHARS } from '../../../lib/limits';
import { fixtureLines } from './helpers';

const KEYWORD = '--shiki-light:#A0111F;--shiki-dark:#FF9492';

describe('highlightBlock', () => {
  it('returns one HTML string per input line, empty lines included', async () => {
    const lines = ['int x;', '', 'return 0;'];
    const html = await highlightBlock('code', 'c', lines);
    expect(html).toHaveLength(3);
    expect(html[1]).toBe('');
  });

  it('colours C keywords (seed: struct pv_irq_ops)', async () => {
    const html = await highlightBlock('code', 'c', fixtureLines('seed-pv-irq-ops.c'));
    expect(html[0]).toBe(`<span style="${KEYWORD}">struct</span> pv_irq_ops {`);
    // The multi-line comment keeps its state from line to line.
    expect(html[3]).toBe(
      '<span style="--shiki-light:#66707B;--shiki-dark:#BDC4CC">* NOTE: These functions callers expect the callee to preserve</span>',
    );
  });

  it('carries both themes as CSS variables and no literal colour', async () => {
    const [html] = await highlightBlock('code', 'rust', ['fn main() { let x = 1; }']);
    expect(html).toContain(`<span style="${KEYWORD}">fn</span>`);
    expect(html).not.toMatch(/[";]color:/);
  });

  it('escapes HTML from mail in highlighted and plain blocks', async () => {
    const hostile = `<script>alert("x")</script> & 'q'`;
    const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;';
    expect(await highlightBlock('prose', undefined, [hostile])).toEqual([escaped]);
    for (const [kind, lang] of [
      ['code', 'c'],
      ['log', undefined],
      ['shell', undefined],
      ['diff', undefined],
    ] as const) {
      const [html = ''] = await highlightBlock(kind, lang, [hostile]);
      expect(html.replace(/<\/?span[^>]*>/g, '')).toBe(escaped);
    }
  });

  it('renders prose, output, kconfig and unknown kinds as escaped plain text', async () => {
    expect(
      await highlightBlock('output', undefined, ['-rw-r--r-- 1 sdi sdi 4528416 bzImage']),
    ).toEqual(['-rw-r--r-- 1 sdi sdi 4528416 bzImage']);
    expect(await highlightBlock('code', 'kconfig', ['config PARAVIRT'])).toEqual([
      'config PARAVIRT',
    ]);
    expect(await highlightBlock('no-such-kind', undefined, ['a<b'])).toEqual(['a&lt;b']);
  });

  it('highlights shell prompts the seed uses (user$, root#) and greys output', async () => {
    const html = await highlightBlock('shell', undefined, fixtureLines('seed-shell.txt'));
    expect(html[0]).toMatch(/^<span style="[^"]+">user<\/span><span style="[^"]+">\$<\/span> /);
    // `-ARCH_HAS_REFCOUNT y` is diffconfig output after the prompt line: meta.output, blue.
    expect(html[6]).toBe(
      '<span style="--shiki-light:#023B95;--shiki-dark:#91CBFF">-ARCH_HAS_REFCOUNT y</span>',
    );
  });

  it('marks the exception line of the seed traceback', async () => {
    const lines = fixtureLines('seed-traceback.txt');
    const html = await highlightBlock('traceback', undefined, lines);
    const last = html[lines.length - 1] ?? '';
    expect(
      last.startsWith(
        '<span style="--shiki-light:#6E011A;--shiki-dark:#FFB1AF">AttributeError</span>',
      ),
    ).toBe(true);
  });

  it('renders an over-long line plain, escaped, without tokenizing it', async () => {
    const long = '<48> RAX: '.repeat(MAX_HIGHLIGHT_LINE_CHARS / 10 + 1);
    const html = await highlightBlock('log', undefined, ['RIP:', long, 'RIP:']);
    expect(html[1]).toBe(long.replaceAll('<', '&lt;').replaceAll('>', '&gt;'));
    expect(html[0]).toBe(html[2]);
    expect(html[0]).toContain('<span');
  });

  it('finishes on a hostile line just under the limit (every pattern half-matching)', async () => {
    const unit = 'a+0x1/0x<4 [ 0. RAX:--[ ';
    const line = unit.repeat(Math.floor((MAX_HIGHLIGHT_LINE_CHARS - 1) / unit.length));
    const [html = ''] = await highlightBlock('log', undefined, [line]);
    expect(html.replace(/<\/?span[^>]*>/g, '')).toBe(line.replaceAll('<', '&lt;'));
  });

  it('stops tokenizing past the block budget', async () => {
    const line = 'static int x;'.padEnd(1000, ' ');
    const lines = Array.from(
      { length: Math.ceil(MAX_HIGHLIGHT_BLOCK_CHARS / 1000) + 10 },
      () => line,
    );
    const html = await highlightBlock('code', 'c', lines);
    expect(html[0]).toContain('<span');
    expect(html[lines.length - 1]).toBe(line);
  });

  it('keeps a line with an embedded line break on its own line, plain', async () => {
    const html = await highlightBlock('code', 'c', ['int a;\nint b;', 'int c;']);
    expect(html).toEqual(['int a;\nint b;', `<span style="${KEYWORD}">int</span> c;`]);
  });

  it('golden: the seed oops with links at the revealed kernel version', async () => {
    const html = await highlightBlock('log', undefined, fixtureLines('seed-oops.log'), {
      kernelVersion: 'v4.14',
    });
    await expect(html.join('\n') + '\n').toMatchFileSnapshot(
      '../../fixtures/highlight/seed-oops.log.html',
    );
  });
});

describe('highlightBlock links', () => {
  it('wraps a trace symbol spanning two tokens in one <a>, spans nested inside', async () => {
    const [html] = await highlightBlock(
      'log',
      undefined,
      ['[ 0.004000] RIP: 0010:irq_work_tick+0x9d/0x110'],
      {
        kernelVersion: 'v4.14',
      },
    );
    expect(html).toContain(
      '<a href="https://elixir.bootlin.com/linux/v4.14/A/ident/irq_work_tick" rel="noopener nofollow ugc">' +
        '<span style="--shiki-light:#622CBC;--shiki-dark:#DBB7FF">irq_work_tick</span>' +
        '<span style="--shiki-light:#023B95;--shiki-dark:#91CBFF">+0x9d/0x110</span></a>',
    );
  });

  it('splits a token at link boundaries and escapes the href', async () => {
    const [html] = await highlightBlock('prose', undefined, ['see https://x.org/?a=1&b=2.'], {});
    expect(html).toBe(
      'see <a href="https://x.org/?a=1&amp;b=2" rel="noopener nofollow ugc">https://x.org/?a=1&amp;b=2</a>.',
    );
  });

  it('adds no links without a link context', async () => {
    const [html] = await highlightBlock('prose', undefined, ['see https://x.org/']);
    expect(html).toBe('see https://x.org/');
  });
});

describe('highlightCacheKey', () => {
  const lines = ['RIP: 0010:irq_work_tick+0x9d/0x110'];
  it('is a stable sha256 hex digest', () => {
    const key = highlightCacheKey('log', undefined, lines);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(highlightCacheKey('log', undefined, [...lines])).toBe(key);
  });

  it('changes with content, kind, lang, line boundaries and link settings', () => {
    const key = highlightCacheKey('log', undefined, lines);
    const others = [
      highlightCacheKey('log', undefined, ['RIP: 0010:irq_work_tick+0x9d/0x111']),
      highlightCacheKey('asm', undefined, lines),
      highlightCacheKey('code', 'c', ['a', 'b']),
      highlightCacheKey('code', 'c', ['a\nb']),
      highlightCacheKey('log', undefined, lines, { kernelVersion: 'v4.14' }),
      highlightCacheKey('log', undefined, lines, { kernelVersion: 'v5.10' }),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });
});
