import { describe, expect, it } from 'vitest';
import { chooseGrammar, isArm64Listing } from '../../../lib/highlight/choose-grammar';
import { highlightBlock } from '../../../lib/highlight/highlight-block';
import { scopeOf, scopesOf } from './helpers';

// The arm64 listing of tests/fixtures/blocks/gas-intel-arm64-listings.labels.tsv.
const ARM64 = [
  '\tldr\tx0, [x0, #8]',
  '\tcbz\tx0, .L4',
  '\tldr\tw1, [x0]',
  '\tstr\tw1, [x0, #16]',
  '\tret',
];

describe('arm64 asm grammar', () => {
  it('splits stp x29, x30, [sp, #-16]! into mnemonic, registers and an immediate', async () => {
    expect(await scopesOf('arm64-asm', '\tstp\tx29, x30, [sp, #-16]!')).toEqual([
      ['stp', 'keyword.other.mnemonic.arm64-asm'],
      ['x29', 'variable.register.arm64-asm'],
      [', ', 'source.arm64-asm'],
      ['x30', 'variable.register.arm64-asm'],
      [', [', 'source.arm64-asm'],
      ['sp', 'variable.register.arm64-asm'],
      [', ', 'source.arm64-asm'],
      ['#-16', 'constant.numeric.arm64-asm'],
      [']!', 'source.arm64-asm'],
    ]);
  });

  it('marks labels, branch targets, conditions, relocations, directives and comments', async () => {
    expect(await scopesOf('arm64-asm', '.L4:')).toEqual([
      ['.L4', 'entity.name.label.arm64-asm'],
      [':', 'punctuation.separator.arm64-asm'],
    ]);
    expect(await scopesOf('arm64-asm', '\tb.ne\t.L4')).toEqual([
      ['b.ne', 'keyword.other.mnemonic.arm64-asm'],
      ['.L4', 'entity.name.function.arm64-asm'],
    ]);
    expect(await scopeOf('arm64-asm', '\tadrp\tx0, :got:foo', ':got:')).toBe(
      'keyword.operator.relocation.arm64-asm',
    );
    expect(await scopeOf('arm64-asm', '\t.p2align\t2', '.p2align')).toBe(
      'keyword.control.directive.arm64-asm',
    );
    expect(await scopeOf('arm64-asm', '\tmov\tx0, #0x0 // #0', '// #0')).toBe(
      'comment.line.arm64-asm',
    );
    expect(await scopeOf('arm64-asm', '1:\tadd\tx0, x0, #1', 'add')).toBe(
      'keyword.other.mnemonic.arm64-asm',
    );
  });

  it('chooses the arm64 grammar for an arm64 listing, the x86 one otherwise', () => {
    expect(isArm64Listing(ARM64)).toBe(true);
    expect(chooseGrammar('asm', undefined, ARM64)).toBe('arm64-asm');
    const x86 = ['foo_fast:', '\tmovq\t8(%rdi), %rax', '\ttestq\t%rax, %rax', '\tret'];
    expect(chooseGrammar('asm', undefined, x86)).toBe('asm');
    const intel = ['\tmov     rax, qword ptr [rdi + 8]', '\ttest    rax, rax', '\tret'];
    expect(chooseGrammar('asm', undefined, intel)).toBe('asm');
  });

  it('colours ldr, cbz and x0 in a plain arm64 listing', async () => {
    const html = await highlightBlock('asm', undefined, ARM64);
    const style = (line: string, text: string) =>
      new RegExp(`<span style="([^"]*)">${text.replace(/[.#[\]]/g, '\\$&')}</span>`).exec(
        line,
      )?.[1];
    const ldr = style(html[0]!, 'ldr');
    const x0 = style(html[0]!, 'x0');
    const imm = style(html[0]!, '#8');
    expect([ldr, x0, imm].every(Boolean)).toBe(true);
    expect(new Set([ldr, x0, imm]).size).toBe(3);
    expect(style(html[1]!, 'cbz')).toBe(ldr);
  });

  it('keeps an arm64 objdump listing on the objdump grammar', async () => {
    const lines = [
      'ffff8000808f1a40 <scmi_clk_probe>:',
      'ffff8000808f1a40:\ta9be7bfd \tstp\tx29, x30, [sp, #-32]!',
      'ffff8000808f1a44:\t910003fd \tmov\tx29, sp',
    ];
    expect(chooseGrammar('asm', undefined, lines)).toBe('arm64-asm');
    const html = await highlightBlock('asm', undefined, lines);
    // The address is purple (entity.name), as in every objdump line.
    expect(html[1]).toContain(
      '<span style="--shiki-light:#702C00;--shiki-dark:#FFB757">ffff8000808f1a40</span>',
    );
  });
});
