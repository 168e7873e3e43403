import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../../lib/blocks/classify-blocks';
import { segmentBody } from '../../../lib/segments/segment-body';

const blocks = (text: string) => classifyBlocks(text.split('\n'));

/** `kind depth line-count` per segment, as `threadlight parse --json` would report them. */
const segments = (body: string) =>
  segmentBody(body).map((s) => `${s.kind} ${s.depth} ${s.lines.length}`);

describe('compiler diagnostics are output', () => {
  it('keeps gcc diagnostics with caret rows in one output block', () => {
    const text = [
      'The compiler complains:',
      '',
      "foo.c: In function 'bar':",
      "foo.c:12:5: error: 'x' undeclared (first use in this function)",
      '   12 |     x = 1;',
      '      |     ^',
      'foo.c:12:5: note: each undeclared identifier is reported only once',
      '1 error generated.',
    ].join('\n');
    expect(blocks(text)).toEqual([
      { kind: 'prose', start: 0, end: 2 },
      { kind: 'output', start: 2, end: 8 },
    ]);
  });

  it('classifies a `>> ` marked robot line at quote depth 2 as output', () => {
    const body = [
      '   include/linux/overflow.h:34:27: note: in expansion of macro "type_max"',
      '>> include/linux/overflow.h:33:40: error: invalid operands to binary <<',
      '      33 | #define __type_half_max(type) ((type)1 << (8*sizeof(type) - 1))',
      '         |                                        ^~',
    ].join('\n');
    expect(segments(body)).toEqual(['output 0 1', 'output 2 1', 'output 0 2']);
  });

  it('leaves prose that merely looks like one alone', () => {
    const text = [
      '| Reported-by: kernel test robot <lkp@intel.com>',
      'Note: see the warning: it is real.',
      '> foo(bar baz);',
      '          ^',
      'A comma is missing there.',
    ].join('\n');
    expect(blocks(text)).toEqual([{ kind: 'prose', start: 0, end: 5 }]);
  });
});

describe('asm listings are bounded by their instructions', () => {
  it('keeps the sentence above a plain listing prose', () => {
    expect(blocks('The compiler now emits:\n\tmovq %rax, %rbx\n\tret')).toEqual([
      { kind: 'prose', start: 0, end: 1 },
      { kind: 'asm', start: 1, end: 3 },
    ]);
  });
});

describe('Gmail U+00A0 indentation', () => {
  it('reads a quoted hunk indented with U+00A0 as one diff', () => {
    const nb = '\u00a0';
    const body = [
      '>> --- a/arch/arm/vfp/vfpmodule.c',
      '>> +++ b/arch/arm/vfp/vfpmodule.c',
      '>> @@ -415,13 +415,12 @@ static int vfp_pm_suspend(struct sys_device *dev)',
      `>> ${nb} ${nb} ${nb} ${nb} struct thread_info *ti = current_thread_info();`,
      `>> ${nb} ${nb} ${nb} ${nb} u32 fpexc = fmrx(FPEXC);`,
      '>>',
      `>> - ${nb} ${nb} ${nb} /* if vfp is on, then save state for resumption */`,
      `>> - ${nb} ${nb} ${nb} if (fpexc & FPEXC_EN) {`,
      `>> + ${nb} ${nb} ${nb} if (last_VFP_context[ti->cpu]) {`,
    ].join('\n');
    expect(segments(body)).toEqual(['diff 2 9']);
    // The text shown is the text sent: only the probes read U+00A0 as a space.
    expect(segmentBody(body)[0]!.lines[3]).toContain(nb);
  });
});

describe('code bodies split by a blank line', () => {
  it('carries an open enum body over the blank line', () => {
    const text = [
      'Like this:',
      '',
      'enum foo_state {',
      '\t/* idle until probe */',
      '\tFOO_IDLE,',
      '\tFOO_BUSY,',
      '',
      '\tFOO_DEAD,',
      '\tFOO_GONE,',
      '};',
      '',
      'Thanks,',
      'Jane',
    ].join('\n');
    expect(blocks(text).map((b) => [b.kind, b.start, b.end])).toEqual([
      ['prose', 0, 2],
      ['code', 2, 10],
      ['prose', 10, 13],
    ]);
  });

  it('does not carry a brace into a prose paragraph', () => {
    const text = ['static int foo(void)', '{', '\tint x = 1;', '', 'Thanks,', 'Jane'].join('\n');
    expect(blocks(text).map((b) => [b.kind, b.start, b.end])).toEqual([
      ['code', 0, 3],
      ['prose', 3, 6],
    ]);
  });
});
