import type { LanguageRegistration } from 'shiki/core';

/*
 * TextMate grammar for `objdump -d` instruction lines. shiki's `asm` grammar reads
 * `ffffffff811932af:	48 83 39 00	cmpq $0x0,(%rcx)` as a label plus stray numbers and
 * misses AT&T mnemonics, so instruction lines get this grammar; interleaved `-S` source
 * lines are tokenized as C by highlight-block.ts. Colours (github themes):
 * address purple (entity.name), bytes grey (comment), mnemonic red (keyword),
 * registers orange (variable), immediates (`$0x10`, arm64 `#-16`) and addresses blue
 * (constant.numeric), `<sym+0x60>` purple (entity.name.function).
 */

const operands = [
  // x86 `# 5b38a <foo+0x4a>` and arm64 `// #0` are comments; arm64 `#-16` and `#8` (no space
  // after the `#`) are immediates, left to the numeric rule below.
  { name: 'comment.line.objdump', match: /(?:#(?=\s|$)|\/\/|;).{0,1000}/.source },
  {
    match: /(<)([^<>]{1,256})(>)/.source,
    captures: {
      1: { name: 'punctuation.definition.tag.objdump' },
      2: { name: 'entity.name.function.objdump' },
      3: { name: 'punctuation.definition.tag.objdump' },
    },
  },
  // `%rcx`, `%gs`; arm64 `x29`, `w0`, `sp`, `xzr`
  {
    name: 'variable.register.objdump',
    match: /%[a-z][a-z0-9]{1,5}|\b(?:[xw](?:[12]?\d|30)|sp|[xw]zr)\b/.source,
  },
  // `$0x0`, `$16`, `#0x10`, `-0x8`, `0x15b88`, `ffffffff81193291`
  {
    name: 'constant.numeric.objdump',
    match: /[$#]?-?0x[0-9a-f]{1,16}\b|[$#]-?\d{1,20}\b|\b[0-9a-f]{6,16}\b/.source,
  },
];

export const objdump: LanguageRegistration = {
  name: 'objdump',
  scopeName: 'source.objdump',
  displayName: 'objdump',
  repository: {},
  patterns: [
    {
      // `ffffffff811932af:	48 83 39 00          	cmpq   $0x0,(%rcx)`
      // Bytes are runs of equal-width hex groups (x86 2, thumb 4, arm64 8) each followed by
      // whitespace, so a hex-looking mnemonic (`fadd` after `d8 c1`) is never eaten as bytes.
      match:
        /^(\s{0,16})([0-9a-f]{1,16})(:)(?:(\s{1,16})([0-9a-f]{8}(?:[ \t][0-9a-f]{8}){0,3}|[0-9a-f]{4}(?:[ \t][0-9a-f]{4}){0,3}|[0-9a-f]{2}(?:[ \t][0-9a-f]{2}){0,15})(?=\s|$))?(?:(\s{1,32})((?:(?:lock|rep|repz|repnz|repe|repne|notrack|bnd|data16|addr32|cs|ds)\s{1,8})?[a-z][\w.]{0,15})(?=\s|$)(.{0,1000}))?/
          .source,
      captures: {
        2: { name: 'entity.name.address.objdump' },
        3: { name: 'punctuation.separator.objdump' },
        5: { name: 'comment.bytes.objdump' },
        7: { name: 'keyword.other.mnemonic.objdump' },
        8: { patterns: operands },
      },
    },
    {
      // `ffffffff81193200 <irq_work_tick>:`
      match: /^([0-9a-f]{8,16})\s{1,4}(<)([^<>]{1,256})(>)(:)/.source,
      captures: {
        1: { name: 'entity.name.address.objdump' },
        3: { name: 'entity.name.function.objdump' },
      },
    },
    // `Disassembly of section .text:`, `vmlinux:     file format elf64-x86-64`
    { name: 'markup.heading.objdump', match: /^Disassembly of section .{0,200}/.source },
    { name: 'comment.line.objdump', match: /^\S{1,256}:\s{1,16}file format .{0,100}/.source },
  ],
};
