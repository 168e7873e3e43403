import type { LanguageRegistration } from 'shiki/core';

/*
 * TextMate grammar for plain arm64 (AArch64) GAS listings, as compilers emit them and
 * godbolt shows them. shiki's `asm` grammar knows x86 only: `ldr`, `cbz`, `x0` and `#8`
 * come out uncoloured. Colours (github themes) as in the objdump grammar: mnemonic red
 * (keyword), registers orange (variable), `#imm` and numbers blue (constant.numeric),
 * labels and symbols purple (entity.name), directives and relocation operators as
 * keywords, comments grey.
 * Every quantifier is bounded so a hostile line costs linear time (see lib/limits.ts).
 */

const operands = [
  // `// x0 = ctx`, `/* spill */`; `@` starts a comment in arm32 listings pasted alongside
  { name: 'comment.line.arm64-asm', match: /\/\/.{0,1000}|@ .{0,1000}/.source },
  { name: 'comment.block.arm64-asm', match: /\/\*.{0,1000}?\*\//.source },
  // `x0`, `w30`, `sp`, `wsp`, `xzr`, `lr`, `fp`, `v0.16b`, `q1`, `d8`, `s0`, `h2`, `b3`
  {
    name: 'variable.register.arm64-asm',
    match:
      /\b(?:[xw](?:[12]?\d|30)|w?sp|[xw]zr|lr|fp|pc|v(?:[12]?\d|3[01])(?:\.\d{0,2}[bhsdq])?|[qdshb](?:[12]?\d|3[01]))\b/
        .source,
  },
  // System registers: `sctlr_el1`, `tpidr_el0`, `daif`, `nzcv`
  {
    name: 'variable.language.sysreg.arm64-asm',
    match: /\b(?:[a-z][a-z0-9_]{1,30}_el[0-3]|daif|nzcv|fpcr|fpsr|currentel|spsel)\b/.source,
  },
  // Shifts and extends: `lsl #12`, `uxtw #2`, `sxtw`
  {
    name: 'keyword.operator.shift.arm64-asm',
    match: /\b(?:lsl|lsr|asr|ror|[us]xt[bhwx]|msl)\b/.source,
  },
  // Relocation operators: `:lo12:`, `:got:`, `:got_lo12:`, `:tprel_hi12:`
  { name: 'keyword.operator.relocation.arm64-asm', match: /:[a-z_0-9]{2,20}:/.source },
  // `#-16`, `#0x10`, `#8`, `#:lo12:`; bare `0x…` and decimal offsets
  {
    name: 'constant.numeric.arm64-asm',
    match:
      /#-?(?:0x[0-9a-fA-F]{1,16}|\d{1,20}(?:\.\d{1,20})?)\b|\b0x[0-9a-fA-F]{1,16}\b|(?<![\w.])-?\d{1,20}\b/
        .source,
  },
  // Branch targets and symbols: `.L4`, `.LBB0_2`, `foo_fast`, `printk`
  { name: 'entity.name.function.arm64-asm', match: /\.?[A-Za-z_$][\w.$]{0,200}/.source },
];

// The statement after the indentation or a label: a directive or an instruction.
const statement = [
  {
    // `.globl foo`, `.p2align 2`, `.cfi_startproc`, `.section .text`
    match: /(?:^|(?<=:))\s{0,40}(\.[a-z_][\w.]{0,40})(?=\s|$)(.{0,1000})/.source,
    captures: {
      1: { name: 'keyword.control.directive.arm64-asm' },
      2: { patterns: operands },
    },
  },
  {
    // `stp x29, x30, [sp, #-16]!`, `b.ne .L4`, `ldr x0, [x0, #8]`, `ret`
    match: /(?:^|(?<=:))\s{0,40}([a-z][a-z0-9]{0,15}(?:\.[a-z0-9]{1,4})?)(?=\s|$)(.{0,1000})/
      .source,
    captures: {
      1: { name: 'keyword.other.mnemonic.arm64-asm' },
      2: { patterns: operands },
    },
  },
];

export const arm64Asm: LanguageRegistration = {
  name: 'arm64-asm',
  scopeName: 'source.arm64-asm',
  displayName: 'arm64 assembly',
  repository: {},
  patterns: [
    { name: 'comment.line.arm64-asm', match: /^\s{0,40}(?:\/\/|@|#\s).{0,1000}/.source },
    {
      // `foo_fast:`, `.L4:`, `1:` (a local label), maybe followed by a statement
      match: /^(\s{0,40})([\w.$]{1,200})(:)(.{0,1000})$/.source,
      captures: {
        2: { name: 'entity.name.label.arm64-asm' },
        3: { name: 'punctuation.separator.arm64-asm' },
        4: { patterns: statement },
      },
    },
    // A statement on its own line, indented or pasted without indentation
    { match: /^(.{1,1000})$/.source, captures: { 1: { patterns: statement } } },
  ],
};
