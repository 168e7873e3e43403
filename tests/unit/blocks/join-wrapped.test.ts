import { describe, expect, it } from 'vitest';
import { joinWrappedLines, sentWidth } from '../../../lib/blocks/join-wrapped';
import { segmentBody } from '../../../lib/segments/segment-body';
import type { Segment } from '../../../lib/types';
import { seedBody } from '../quotes/read-fixture';

/** The seed's only segment of `kind` at `depth`, as the pipeline cuts it. */
function seedSegment(kind: Segment['kind'], depth: number): Segment {
  const found = segmentBody(seedBody()).filter((s) => s.kind === kind && s.depth === depth);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from }, (_, k) => from + k);

describe('joinWrappedLines', () => {
  // The seed's depth-3 boot log, as Sedat's client wrapped it and the archive collapsed its
  // timestamps: every continuation line, and no real console line, is joined to the line above.
  it("joins exactly the seed's wrapped depth-3 log lines", () => {
    const log = seedSegment('log', 3);
    const joined = joinWrappedLines('log', log.lines, log.depth);
    const groups = joined.filter((g) => g.to - g.from > 1);
    expect(groups.map((g) => [g.to - g.from, log.lines[g.from]!.slice(12, 40)])).toEqual([
      [3, 'Linux version 4.14.0-1-iniza'],
      [2, 'Command line: root=/dev/ram0'],
      [2, 'DMI: QEMU Standard PC (i440F'],
      [2, 'found SMP MP-table at [mem 0'],
      [2, 'ACPI: RSDT 0x000000001FFE157'],
      [2, 'ACPI: FACP 0x000000001FFE145'],
      [2, 'ACPI: DSDT 0x000000001FFE004'],
      [2, 'ACPI: APIC 0x000000001FFE14C'],
      [2, 'ACPI: HPET 0x000000001FFE154'],
      [2, 'clocksource: kvm-clock: mask'],
      [2, 'clocksource: refined-jiffies'],
      [2, 'setup_percpu: NR_CPUS:512 nr'],
      [2, 'percpu: Embedded 37 pages/cp'],
      [2, 'Kernel command line: root=/d'],
      [3, 'Memory: 474480K/523768K avai'],
      [2, 'clocksource: hpet: mask: 0xf'],
      [2, 'CPU: 0 PID: 0 Comm: swapper/'],
      [2, 'Hardware name: QEMU Standard'],
      [2, 'FS: 0000000000000000(0000) G'],
      [2, 'RSP: 0000:ffffffffaa603e10 E'],
      [4, 'Code: f0 f0 4c 0f b1 7b f8 4'],
    ]);
    const version = log.lines.indexOf('[ 0.000000] Linux version 4.14.0-1-iniza-llvmlinux');
    expect(joined.find((g) => g.from === version)).toEqual({
      text: '[ 0.000000] Linux version 4.14.0-1-iniza-llvmlinux (sedat.dilek@xxxxxxxxx@iniza) (clang version 6.0.0-1 (tags/RELEASE_600/final)) #1 SMP Tue Apr 24 12:42:21 CEST 2018',
      from: version,
      to: version + 3,
    });
    // Every line without a timestamp is a continuation, except the console lines printed
    // without one: the boot stub's `Probing EDD` above the log and `Memory KASLR using RDTSC...`.
    const continuation = new Set(groups.flatMap((g) => range(g.from + 1, g.to)));
    const untimestamped = log.lines.flatMap((line, i) => (/^\[ \d/.test(line) ? [] : [i]));
    expect(untimestamped.filter((i) => !continuation.has(i)).map((i) => log.lines[i])).toEqual([
      'Probing EDD (edd=off to disable)... ok',
      'Memory KASLR using RDTSC...',
    ]);
    expect(continuation.size).toBe(25);
  });

  it("joins nothing in the seed's depth-2 oops, whose lines were never wrapped", () => {
    const oops = seedSegment('log', 2);
    expect(oops.lines).toHaveLength(48);
    const joined = joinWrappedLines('log', oops.lines, oops.depth);
    expect(joined.filter((g) => g.to - g.from > 1)).toEqual([]);
  });

  it('counts quote markers and collapsed timestamp padding in the wrap width', () => {
    expect(sentWidth('[ 0.000000] x', 0)).toBe(16);
    expect(sentWidth('[ 0.000000] x', 3)).toBe(20);
    expect(sentWidth('[    0.000000] x', 3)).toBe(20);
    expect(sentWidth('[12345.000000] x', 0)).toBe(16);
    // 68 and 71 columns as sent at depth 0: the next `c7` and `c4` fitted. Behind `>>> `
    // they did not.
    const code = [
      'c7 c1 88 5b 01 00 65 48 03 0c 25 d8 a1 00 00 ff 14 25 10 08 62 aa f6',
      'c4 02 75 4d <48> 83 39 00 74 3e 31 db 48 87 19 48 85 db 74 34 0f 1f 00',
    ];
    const codeLine = ['[ 0.004000] Code: f0 f0 4c 0f b1 7b f8 4c 89 e3 4d 85 e4 75 cf 48', ...code];
    expect(joinWrappedLines('log', codeLine, 3)).toHaveLength(1);
    expect(joinWrappedLines('log', codeLine, 0)).toHaveLength(3);
    // 61 columns as the archive shows it, 66 as sent behind `> `: `mapped` did not fit.
    const mp = ['[ 0.000000] found SMP MP-table at [mem 0x000f5d60-0x000f5d6f]', 'mapped at [ff]'];
    expect(joinWrappedLines('log', mp, 1)).toHaveLength(1);
    // A timestamp without the collapsed space is taken as printed: 64 + 1 + 6 columns fit.
    const unpadded = '[100.000000] found SMP MP-table at [mem 0x000f5d60-0x000f5d6f]';
    expect(joinWrappedLines('log', [unpadded, 'mapped at [ff]'], 1)).toHaveLength(2);
  });

  it('never joins a line that starts a console line of its own', () => {
    const full = '[ 0.000000] x86/PAT: Configuration [0-7]: WB  WC  UC- UC  WB  WP  UC- WT  ';
    for (const next of [
      'Memory KASLR using RDTSC...',
      'usb 1-4: new high-speed USB device number 2 using xhci_hcd',
      'BUG: unable to handle kernel NULL pointer dereference at 0000000000000008',
      'RAX: 0000000000000082 RBX: ffff96dd9e411d80 RCX: adecc9cc04e2ca00',
      ' ? irq_work_tick+0x9d/0x110',
      '<4>[   12.345678] foo',
      '---[ end trace 8c7851007fbc6b6f ]---',
    ])
      expect(joinWrappedLines('log', [full, next], 2)).toHaveLength(2);
    expect(joinWrappedLines('log', [full, 'WC UC- WT'], 2)).toHaveLength(1);
  });

  it('joins a Code: line wrapped over several lines, each long', () => {
    const lines = [
      '[ 0.004000] Code: f0 f0 4c 0f b1 7b f8 4c 89 e3 4d 85 e4 75 cf 48 c7 c1 88',
      'c7 c1 88 5b 01 00 65 48 03 0c 25 d8 a1 00 00 ff 14 25 10 08 62 aa f6 00',
      '48 8d',
    ];
    expect(joinWrappedLines('log', lines, 0)).toEqual([{ text: lines.join(' '), from: 0, to: 3 }]);
  });

  it('does not join after a short line, nor lines of a log without timestamps', () => {
    expect(joinWrappedLines('log', ['[ 1.0] Call Trace:', 'foo+0x1/0x2'], 0)).toEqual([
      { text: '[ 1.0] Call Trace:', from: 0, to: 1 },
      { text: 'foo+0x1/0x2', from: 1, to: 2 },
    ]);
    const oops = [
      'RIP: 0010:validate_page_before_insert+0x2a/0x300 and a long tail here',
      ' <TASK>',
    ];
    expect(joinWrappedLines('log', oops, 0).map((j) => j.to - j.from)).toEqual([1, 1]);
  });

  it('joins a backslash continuation, dropping the backslash', () => {
    expect(
      joinWrappedLines(
        'shell',
        ['$ ./scripts/checkpatch.pl --strict \\', '    0001-x.patch', 'total: 0 errors'],
        0,
      ),
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
    expect(joinWrappedLines('shell', lines, 0).map(({ from, to }) => [from, to])).toEqual([
      [0, 3],
      [3, 7],
      [7, 8],
    ]);
  });

  it("joins the seed's wrapped depth-3 shell commands, and only those", () => {
    const joined = segmentBody(seedBody())
      .filter((s) => s.kind === 'shell' && s.depth === 3)
      .flatMap((s) => joinWrappedLines('shell', s.lines, s.depth))
      .filter((g) => g.to - g.from > 1);
    expect(joined.map((g) => g.text)).toEqual([
      'user$ for p in 69e44656ae43 222b88977a00 cdfcf1e45537 26f14c9225a6 0385a18e9995 68dab143c9b4 ; do echo [ $p ] ; LC_ALL=C git revert --no-edit $p ; done',
      'user$ MAKE="make V=1" ; COMPILER="mycompiler" ; MAKE_OPTS="CC=$COMPILER HOSTCC=$COMPILER"',
      'user$ yes "" | $MAKE $MAKE_OPTS oldconfig && $MAKE $MAKE_OPTS silentoldconfig < /dev/null',
      'user$ sudo qemu-system-x86_64 -enable-kvm -M pc -kernel $KPATH/bzImage -initrd $KPATH/initrd.img -m 512 -net none -serial stdio -append "root=/dev/ram0 console=ttyS0 hung_task_panic=1 earlyprintk=ttyS0,115200"',
    ]);
  });

  it('counts the quote markers before joining an option to a full shell line', () => {
    const lines = ['$ ./scripts/decode_stacktrace.sh vmlinux /home/user/linux-next/', '--debug'];
    expect(sentWidth(lines[0]!, 0) + 1 + '--debug'.length).toBe(71);
    expect(joinWrappedLines('shell', lines, 0)).toHaveLength(2);
    expect(joinWrappedLines('shell', lines, 1)).toHaveLength(1);
  });

  it('never joins output to a complete command', () => {
    const lines = [
      '$ make -j72 -s olddefconfig drivers/net/wireless/mac80211_hwsim.o',
      'drivers/net/wireless/mac80211_hwsim.o: warning: objtool:',
    ];
    expect(joinWrappedLines('shell', lines, 0).map(({ from, to }) => [from, to])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('returns other kinds one line each', () => {
    expect(joinWrappedLines('prose', ['a long line', 'b'], 0)).toEqual([
      { text: 'a long line', from: 0, to: 1 },
      { text: 'b', from: 1, to: 2 },
    ]);
  });
});
