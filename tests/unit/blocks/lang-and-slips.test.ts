import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../../lib/blocks/classify-blocks';
import { classifyLine } from '../../../lib/blocks/classify-line';
import { detectLang } from '../../../lib/blocks/detect-lang';

const blocks = (text: string) =>
  classifyBlocks(text.split('\n')).map(({ kind, lang, start, end }) =>
    lang ? `${kind}:${lang} ${start}-${end}` : `${kind} ${start}-${end}`,
  );

describe('code languages without a keyword of their own', () => {
  it('recognises a Python script: imports, def, for, with, the print function', () => {
    const text = [
      'import os',
      'import sys',
      '',
      'def main():',
      "    for f in os.listdir('.'):",
      '        with open(f) as fh:',
      '            print(fh.read())',
      '',
      "if __name__ == '__main__':",
      '    main()',
    ].join('\n');
    expect(blocks(text)).toEqual(['code:python 0-10']);
  });

  it('recognises Makefile rules by their tab-indented recipes', () => {
    const text = [
      'all: foo',
      '',
      'foo: foo.c',
      '\tgcc -O2 -o foo foo.c',
      '',
      'clean:',
      '\trm -f foo',
    ];
    expect(blocks(text.join('\n'))).toEqual(['code:makefile 0-7']);
    expect(blocks('modules:\n\t$(MAKE) -C $(KDIR) M=$(PWD) modules')).toEqual([
      'code:makefile 0-2',
    ]);
  });

  it('recognises a shell loop without a shebang', () => {
    expect(blocks('for f in *.patch; do\n\tgit am $f\ndone')).toEqual(['code:sh 0-3']);
    expect(blocks('if [ -n "$out" ]; then\n\techo "$out"\nfi')).toEqual(['code:sh 0-3']);
  });

  it('calls a Rust snippet of let, if without parentheses and a macro Rust, not C', () => {
    const rust = ['let x = foo.len();', 'if x > 0 {', '    println!("{}", x);', '}'];
    expect(blocks(rust.join('\n'))).toEqual(['code:rust 0-4']);
    expect(
      detectLang(['match state {', '    Ok(v) => v,', '    Err(e) => return Err(e),', '};']),
    ).toBe('rust');
    // C keeps its parentheses: still C.
    expect(detectLang(['if (x > 0) {', '\tpr_info("%d\\n", x);', '}'])).toBe('c');
  });

  it('keeps prose that starts like those languages as prose', () => {
    const prose = [
      'if you want that:',
      'for each patch in the series it printed nothing.',
      'return value is fine, though.',
      'import them later if you like.',
      'Note: make needs tabs.',
      'all: fine by me',
      'while we are at it, the loop can go.',
    ];
    for (const line of prose)
      expect(blocks(`Hello,\n${line}\nThanks.`), line).toEqual(['prose 0-3']);
    // A C label is not a make rule, even above a tab-indented line.
    expect(blocks('out:\n\tkfree(p);\n\treturn ret;')).not.toContain('code:makefile 0-3');
  });
});

describe('classifier slips', () => {
  it('does not take a sentence about the prompt signs for a shell prompt', () => {
    expect(classifyLine('$ is the prompt here, and # is root.').prompt).toBe(false);
    expect(blocks('$ is the prompt here, and # is root.')).toEqual(['prose 0-1']);
    expect(classifyLine('$ make -j8').prompt).toBe(true);
    expect(classifyLine('# echo 1 > /proc/sys/kernel/panic').prompt).toBe(true);
  });

  it('does not take a sentence naming calls for C', () => {
    expect(blocks('foo() calls bar(), which calls baz();')).toEqual(['prose 0-1']);
    expect(blocks('kfree(p) frees it, then we return;')).toEqual(['prose 0-1']);
    for (const c of ['\twork->func(work);', 'if(x) return;', 'typeof(x) y;', 'x = foo(a) + 1;'])
      expect(classifyLine(c).kind, c).toBe('code');
  });

  it("takes the boot stub's Probing EDD line into the log below it", () => {
    const lines = [
      'Probing EDD (edd=off to disable)... ok',
      '[ 0.000000] Linux version 4.14.0-1-iniza-llvmlinux',
    ];
    expect(blocks(lines.join('\n'))).toEqual(['log 0-2']);
    expect(classifyLine('Decompressing Linux... Parsing ELF... done.').kind).toBe('log');
  });
});
