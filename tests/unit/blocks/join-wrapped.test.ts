import { describe, expect, it } from 'vitest';
import { joinWrappedLines } from '../../../lib/blocks/join-wrapped';

describe('joinWrappedLines', () => {
  it('joins a timestamp-less line to the long log line it continues', () => {
    const lines = [
      '[ 0.000000] Command line: root=/dev/ram0 console=ttyS0 hung_task_panic=1',
      'earlyprintk=ttyS0,115200',
      '[ 0.000000] x86/fpu: x87 FPU will use FXSAVE',
    ];
    expect(joinWrappedLines('log', lines)).toEqual([
      {
        text: '[ 0.000000] Command line: root=/dev/ram0 console=ttyS0 hung_task_panic=1 earlyprintk=ttyS0,115200',
        from: 0,
        to: 2,
      },
      { text: '[ 0.000000] x86/fpu: x87 FPU will use FXSAVE', from: 2, to: 3 },
    ]);
  });

  it('joins a Code: line wrapped over several lines, each long', () => {
    const lines = [
      '[ 0.004000] Code: f0 f0 4c 0f b1 7b f8 4c 89 e3 4d 85 e4 75 cf 48 c7 c1 88',
      'c7 c1 88 5b 01 00 65 48 03 0c 25 d8 a1 00 00 ff 14 25 10 08 62 aa f6 00',
      '48 8d',
    ];
    expect(joinWrappedLines('log', lines)).toEqual([{ text: lines.join(' '), from: 0, to: 3 }]);
  });

  it('does not join after a short line, nor lines of a log without timestamps', () => {
    expect(joinWrappedLines('log', ['[ 1.0] Call Trace:', 'foo+0x1/0x2'])).toEqual([
      { text: '[ 1.0] Call Trace:', from: 0, to: 1 },
      { text: 'foo+0x1/0x2', from: 1, to: 2 },
    ]);
    const oops = [
      'RIP: 0010:validate_page_before_insert+0x2a/0x300 and a long tail here',
      ' <TASK>',
    ];
    expect(joinWrappedLines('log', oops).map((j) => j.to - j.from)).toEqual([1, 1]);
  });

  it('joins a backslash continuation, dropping the backslash', () => {
    expect(
      joinWrappedLines('shell', [
        '$ ./scripts/checkpatch.pl --strict \\',
        '    0001-x.patch',
        'total: 0 errors',
      ]),
    ).toEqual([
      { text: '$ ./scripts/checkpatch.pl --strict 0001-x.patch', from: 0, to: 2 },
      { text: 'total: 0 errors', from: 2, to: 3 },
    ]);
  });

  it('joins a wrapped prompt line while the command is visibly unfinished', () => {
    const lines = [
      'user$ for p in 69e44656ae43 222b88977a00 cdfcf1e45537 26f14c9225a6',
      '0385a18e9995 68dab143c9b4 ; do echo [ $p ] ; LC_ALL=C git revert',
      '--no-edit $p ; done',
      'user$ sudo qemu-system-x86_64 -enable-kvm -M pc -kernel $KPATH/bzImage',
      '-initrd $KPATH/initrd.img -m 512 -net none -serial stdio -append',
      '"root=/dev/ram0 console=ttyS0',
      'earlyprintk=ttyS0,115200"',
      'Probing EDD (edd=off to disable)... ok',
    ];
    expect(joinWrappedLines('shell', lines).map(({ from, to }) => [from, to])).toEqual([
      [0, 3],
      [3, 7],
      [7, 8],
    ]);
  });

  it('never joins output to a complete command', () => {
    const lines = [
      '$ make -j72 -s olddefconfig drivers/net/wireless/mac80211_hwsim.o',
      'drivers/net/wireless/mac80211_hwsim.o: warning: objtool:',
    ];
    expect(joinWrappedLines('shell', lines).map(({ from, to }) => [from, to])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('returns other kinds one line each', () => {
    expect(joinWrappedLines('prose', ['a long line', 'b'])).toEqual([
      { text: 'a long line', from: 0, to: 1 },
      { text: 'b', from: 1, to: 2 },
    ]);
  });
});
