import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../../lib/blocks/classify-blocks';

const blocks = (text: string) => classifyBlocks(text.split('\n'));

describe('classifyBlocks', () => {
  it('returns no blocks for no lines and one prose block for plain text', () => {
    expect(classifyBlocks([])).toEqual([]);
    expect(blocks('Hello,\n\nthanks for the patch.')).toEqual([
      { kind: 'prose', start: 0, end: 3 },
    ]);
  });

  it('keeps a shell session with its wrapped command and output, up to the blank line', () => {
    const text = [
      'Try this:',
      '',
      'user$ for p in 69e44656ae43 222b88977a00',
      '0385a18e9995 ; do git revert $p ; done',
      'root# ls -l',
      'total 8',
      '',
      'It works.',
    ].join('\n');
    expect(blocks(text)).toEqual([
      { kind: 'prose', start: 0, end: 2 },
      { kind: 'shell', start: 2, end: 6 },
      { kind: 'prose', start: 6, end: 8 },
    ]);
  });

  it('recognises [user@host dir]$ and ~/path$ prompts', () => {
    expect(blocks('[jane@box linux]$ make -j8\n  CC      init/main.o')).toEqual([
      { kind: 'shell', start: 0, end: 2 },
    ]);
    expect(blocks('~/linux$ git describe\nv6.8-rc4')).toEqual([
      { kind: 'shell', start: 0, end: 2 },
    ]);
  });

  it('keeps a dmesg log together with its hard-wrapped continuation lines', () => {
    const text = [
      'I see this:',
      '[ 0.000000] Command line: root=/dev/ram0 console=ttyS0 hung_task_panic=1',
      'earlyprintk=ttyS0,115200',
      '[    0.004000] Call Trace:',
      '[    0.004000]  <IRQ>',
      'update_process_times+0x6e/0xa0',
      '---[ end trace 8c7851007fbc6b6f ]---',
      '',
      'Any idea?',
    ].join('\n');
    expect(blocks(text)).toEqual([
      { kind: 'prose', start: 0, end: 1 },
      { kind: 'log', start: 1, end: 7 },
      { kind: 'prose', start: 7, end: 9 },
    ]);
  });

  it('recognises an oops without timestamps: RIP, registers, Code:, frames', () => {
    const text = [
      'RIP: 0010:validate_page_before_insert+0x2a/0x300',
      'Code: 55 41 57 41 56 <42> 80 3c 28 00',
      'RSP: 0018:ffffc90002a5f608 EFLAGS: 00010202',
      'RAX: 0000000000000001 RBX: 0000000000000000 RCX: ffff888022891cc0',
      'Call Trace:',
      ' <TASK>',
      ' insert_page+0x90/0x2c0',
      ' </TASK>',
    ].join('\n');
    expect(blocks(text)).toEqual([{ kind: 'log', start: 0, end: 8 }]);
  });

  it('keeps objdump -S listings with their interleaved C source as asm', () => {
    const text = [
      'RCX is set shortly before:',
      'void irq_work_tick(void)',
      '{',
      'ffffffff81193200: 55 push %rbp',
      'return xchg(&head->first, NULL);',
      'ffffffff8119324a: 48 87 19 xchg %rbx,(%rcx)',
      'ffffffff8119325d: 00 00 00',
    ].join('\n');
    expect(blocks(text)).toEqual([
      { kind: 'prose', start: 0, end: 1 },
      { kind: 'asm', start: 1, end: 7 },
    ]);
  });

  it('recognises a plain GAS listing with labels', () => {
    expect(blocks('foo:\n\tmovq\t8(%rdi), %rax\n\ttestq\t%rax, %rax\n.L4:\n\tret')).toEqual([
      { kind: 'asm', start: 0, end: 5 },
    ]);
  });

  it('takes a whole patch from the --- separator: diffstat, headers and counted hunks', () => {
    const text = [
      'Fix the leak.',
      '',
      'Signed-off-by: A <a@b.c>',
      '---',
      ' lib/foo.c | 2 +-',
      ' 1 file changed, 1 insertion(+), 1 deletion(-)',
      '',
      'diff --git a/lib/foo.c b/lib/foo.c',
      'index 1234567..89abcde 100644',
      '--- a/lib/foo.c',
      '+++ b/lib/foo.c',
      '@@ -1,3 +1,3 @@',
      ' int a;',
      '', // a context line whose space the mail client ate
      '-int b;',
      '+long b;',
    ].join('\n');
    expect(blocks(text)).toEqual([
      { kind: 'prose', start: 0, end: 3 },
      { kind: 'diff', start: 3, end: 16 },
    ]);
  });

  it('recognises scripts/diffconfig output as a diff', () => {
    expect(blocks('-ARCH_HAS_REFCOUNT y\n+FRAME_POINTER y\n KASAN n -> y')).toEqual([
      { kind: 'diff', start: 0, end: 3 },
    ]);
  });

  it('recognises a Python traceback through its wrapped frames to the exception', () => {
    const text = [
      'Traceback (most recent call last):',
      '  File "/usr/lib/lit/TestingConfig.py", line',
      '88, in load_from_path',
      "AttributeError: 'NoneType' object has no attribute 'use_lit_shell'",
      'Is this a bug?',
    ].join('\n');
    expect(blocks(text)).toEqual([
      { kind: 'traceback', start: 0, end: 4 },
      { kind: 'prose', start: 4, end: 5 },
    ]);
  });

  it('labels code blocks with their language', () => {
    expect(blocks('struct pv_irq_ops {\n\tstruct paravirt_callee_save save_fl;\n};')).toEqual([
      { kind: 'code', lang: 'c', start: 0, end: 3 },
    ]);
    expect(blocks('fn main() {\n    let mut x = 1;\n}')).toEqual([
      { kind: 'code', lang: 'rust', start: 0, end: 3 },
    ]);
    expect(blocks('def load(path):\n    return open(path).read()')).toEqual([
      { kind: 'code', lang: 'python', start: 0, end: 2 },
    ]);
    expect(blocks('config FOO\n\ttristate "Foo"\n\tdepends on BAR')).toEqual([
      { kind: 'code', lang: 'kconfig', start: 0, end: 3 },
    ]);
    expect(blocks('obj-$(CONFIG_FOO) += foo.o\nfoo-y := a.o b.o')).toEqual([
      { kind: 'code', lang: 'makefile', start: 0, end: 2 },
    ]);
    expect(blocks('&i2c1 {\n\tstatus = "okay";\n};')).toEqual([
      { kind: 'code', lang: 'dts', start: 0, end: 3 },
    ]);
    expect(blocks('#!/bin/sh\nset -e\nfor p in "$@"; do\n\tgit am "$p"\ndone')).toEqual([
      { kind: 'code', lang: 'sh', start: 0, end: 5 },
    ]);
  });

  it('recognises command output: ls -l, commit lists, patch files, System.map rows', () => {
    expect(
      blocks(
        'drwxr-xr-x 2 sdi sdi 4096 Apr 24 13:15 .\n-rw-r--r-- 1 sdi sdi 45 Apr 24 12:42 bzImage',
      ),
    ).toEqual([{ kind: 'output', start: 0, end: 2 }]);
    expect(
      blocks(
        '9af5ddf981ed BACKPORT: kbuild: disable clang default\nf24088a3842c UPSTREAM: kbuild: x',
      ),
    ).toEqual([{ kind: 'output', start: 0, end: 2 }]);
    expect(blocks('0001-foo-bar.patch\n0002-baz.patch')).toEqual([
      { kind: 'output', start: 0, end: 2 },
    ]);
    expect(blocks('0000000000015b88 d lazy_list')).toEqual([{ kind: 'output', start: 0, end: 1 }]);
  });

  it('attaches a blank line to a block only when both sides agree', () => {
    const text = 'int a;\nint b;\n\nint c;\n\nThat is all.';
    expect(blocks(text)).toEqual([
      { kind: 'code', lang: 'c', start: 0, end: 4 },
      { kind: 'prose', start: 4, end: 6 },
    ]);
  });

  it('keeps tricky prose as prose', () => {
    const text = [
      '1. The lock ordering in foo_probe() changes -- and nobody said why.',
      '2) bar->baz is read without the lock :-(',
      '- first, add a Fixes: tag',
      '+1',
      '+1 on splitting it.',
      '# Note to self: ask Greg.',
      'The cost is about 5% -- 10% ;-)',
      'if (ret) is true the function bails out early, which is fine.',
      'Yes; I know; it is ugly.',
      'make sure you run make W=1 first.',
      'Fixes: 0123456789ab ("foo: reorder init")',
    ].join('\n');
    expect(blocks(text)).toEqual([{ kind: 'prose', start: 0, end: 11 }]);
  });

  it('tiles every input exactly once, in order', () => {
    const lines = ['a', '', '$ ls', 'x', '', '[ 1.0] y', 'z', '', 'int x;', '}', ''];
    const result = classifyBlocks(lines);
    let at = 0;
    for (const b of result) {
      expect(b.start).toBe(at);
      expect(b.end).toBeGreaterThan(b.start);
      at = b.end;
    }
    expect(at).toBe(lines.length);
  });
});
