import { describe, expect, it } from 'vitest';
import { highlightBlock } from '../../../lib/highlight/highlight-block';
import { fixtureLines, scopesOf } from './helpers';

describe('objdump grammar', () => {
  it('splits a tab-separated objdump line into address, bytes, mnemonic and operands', async () => {
    expect(
      await scopesOf('objdump', 'ffffffff811932af:\t48 83 39 00          \tcmpq   $0x0,(%rcx)'),
    ).toEqual([
      ['ffffffff811932af', 'entity.name.address.objdump'],
      [':', 'punctuation.separator.objdump'],
      ['48 83 39 00', 'comment.bytes.objdump'],
      ['cmpq', 'keyword.other.mnemonic.objdump'],
      ['$0x0', 'constant.numeric.objdump'],
      [',(', 'source.objdump'],
      ['%rcx', 'variable.register.objdump'],
      [')', 'source.objdump'],
    ]);
  });

  it('reads the seed’s whitespace-collapsed lines, prefixes and jump targets', async () => {
    expect(
      await scopesOf('objdump', 'ffffffff81193283: f0 4c 0f b1 7b f8 lock cmpxchg %r15,-0x8(%rbx)'),
    ).toEqual([
      ['ffffffff81193283', 'entity.name.address.objdump'],
      [':', 'punctuation.separator.objdump'],
      ['f0 4c 0f b1 7b f8', 'comment.bytes.objdump'],
      ['lock cmpxchg', 'keyword.other.mnemonic.objdump'],
      ['%r15', 'variable.register.objdump'],
      [',', 'source.objdump'],
      ['-0x8', 'constant.numeric.objdump'],
      ['(', 'source.objdump'],
      ['%rbx', 'variable.register.objdump'],
      [')', 'source.objdump'],
    ]);
    const jump = await scopesOf(
      'objdump',
      'ffffffff8119324d: 74 3f je ffffffff81193291 <irq_work_tick+0x91>',
    );
    expect(jump.slice(3)).toEqual([
      ['je', 'keyword.other.mnemonic.objdump'],
      ['ffffffff81193291', 'constant.numeric.objdump'],
      ['<', 'punctuation.definition.tag.objdump'],
      ['irq_work_tick+0x91', 'entity.name.function.objdump'],
      ['>', 'punctuation.definition.tag.objdump'],
    ]);
  });

  it('does not eat a hex-looking mnemonic as bytes, and knows arm64 words', async () => {
    expect((await scopesOf('objdump', '  4005d6:\td8 c1\tfadd   %st(1),%st')).slice(2, 4)).toEqual([
      ['d8 c1', 'comment.bytes.objdump'],
      ['fadd', 'keyword.other.mnemonic.objdump'],
    ]);
    expect(await scopesOf('objdump', 'ffff800010081000:\td503201f \tnop')).toEqual([
      ['ffff800010081000', 'entity.name.address.objdump'],
      [':', 'punctuation.separator.objdump'],
      ['d503201f', 'comment.bytes.objdump'],
      ['nop', 'keyword.other.mnemonic.objdump'],
    ]);
  });
});

describe('objdump grammar: arm64 immediates and comments', () => {
  it('reads #-16 and #8 as immediates, not as comments', async () => {
    const stp = await scopesOf(
      'objdump',
      'ffff8000808f1a40:\ta9be7bfd \tstp\tx29, x30, [sp, #-16]!',
    );
    expect(stp.slice(3)).toEqual([
      ['stp', 'keyword.other.mnemonic.objdump'],
      ['x29', 'variable.register.objdump'],
      [', ', 'source.objdump'],
      ['x30', 'variable.register.objdump'],
      [', [', 'source.objdump'],
      ['sp', 'variable.register.objdump'],
      [', ', 'source.objdump'],
      ['#-16', 'constant.numeric.objdump'],
      [']!', 'source.objdump'],
    ]);
    const ldr = await scopesOf('objdump', 'ffff800010081000:\tf9400400 \tldr\tx0, [x0, #8]');
    expect(ldr.slice(-2)).toEqual([
      ['#8', 'constant.numeric.objdump'],
      [']', 'source.objdump'],
    ]);
  });

  it('still reads x86 `# addr <sym>` and arm64 `// #0` as comments', async () => {
    const x86 = await scopesOf(
      'objdump',
      '  5b381:\t66 81 3d 00 00 00 00 01 06 \tcmpw   $0x601,0x0(%rip)        # 5b38a <generic_validate_add_page+0x4a>',
    );
    expect(x86.at(-1)).toEqual([
      '# 5b38a <generic_validate_add_page+0x4a>',
      'comment.line.objdump',
    ]);
    const mov = await scopesOf('objdump', 'ffff8000808f1a48:\t52800000 \tmov\tw0, #0x0    \t// #0');
    expect(mov.slice(-2)).toEqual([
      ['#0x0', 'constant.numeric.objdump'],
      ['// #0', 'comment.line.objdump'],
    ]);
  });
});

describe('asm blocks with interleaved source (seed objdump -S)', () => {
  it('colours C source lines as C and instruction lines as objdump', async () => {
    const lines = fixtureLines('seed-objdump.asm');
    const html = await highlightBlock('asm', undefined, lines);
    expect(html).toHaveLength(lines.length);
    // `static` is a C storage keyword: red in github-light-high-contrast.
    expect(html[0]).toContain(
      '<span style="--shiki-light:#A0111F;--shiki-dark:#FF9492">static</span>',
    );
    // The instruction line's address is purple (entity.name), its bytes grey (comment).
    const push = lines.indexOf('ffffffff81060240: 55 push %rbp');
    // Text in the default colour carries no span: `.hl` provides it.
    expect(html[push]).toBe(
      '<span style="--shiki-light:#702C00;--shiki-dark:#FFB757">ffffffff81060240</span>: ' +
        '<span style="--shiki-light:#66707B;--shiki-dark:#BDC4CC">55</span> ' +
        '<span style="--shiki-light:#A0111F;--shiki-dark:#FF9492">push</span> ' +
        '<span style="--shiki-light:#702C00;--shiki-dark:#FFB757">%rbp</span>',
    );
  });

  it('keeps a C bracket left open by a source line from swallowing the next instruction', async () => {
    const html = await highlightBlock('asm', undefined, [
      'asm volatile("# __raw_save_flags\\n\\t"',
      'ffffffff81060255: 9c pushfq',
    ]);
    expect(html[1]).toContain(
      '<span style="--shiki-light:#A0111F;--shiki-dark:#FF9492">pushfq</span>',
    );
  });

  it('golden: the seed objdump listing', async () => {
    const html = await highlightBlock('asm', undefined, fixtureLines('seed-objdump.asm'));
    await expect(html.join('\n') + '\n').toMatchFileSnapshot(
      '../../fixtures/highlight/seed-objdump.asm.html',
    );
  });
});
