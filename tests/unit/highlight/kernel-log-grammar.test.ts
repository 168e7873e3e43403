import { describe, expect, it } from 'vitest';
import { highlightBlock } from '../../../lib/highlight/highlight-block';
import { fixtureLines, scopeOf, scopesOf } from './helpers';

const oops = fixtureLines('seed-oops.log');
const line = (prefix: string) => {
  const found = oops.find((l) => l.includes(prefix));
  if (!found) throw new Error(`fixture lacks ${prefix}`);
  return found;
};

describe('kernel-log grammar on the seed oops', () => {
  it('dims the timestamp and marks RIP, segment and symbol+offset apart', async () => {
    expect(await scopesOf('kernel-log', '[ 0.004000] RIP: 0010:irq_work_tick+0xaf/0x120')).toEqual([
      ['[ 0.004000]', 'comment.timestamp.kernel-log'],
      ['RIP', 'keyword.other.rip.kernel-log'],
      [':', 'keyword.other.rip.kernel-log'],
      ['0010', 'constant.numeric.segment.kernel-log'],
      [':', 'keyword.other.rip.kernel-log'],
      ['irq_work_tick', 'entity.name.function.kernel-log'],
      ['+0xaf/0x120', 'constant.numeric.offset.kernel-log'],
    ]);
  });

  it('marks register names and their values', async () => {
    const regs = await scopesOf('kernel-log', line('RAX: 0000000000000082'));
    expect(regs.slice(1, 5)).toEqual([
      ['RAX:', 'variable.register.kernel-log'],
      ['0000000000000082', 'constant.numeric.hex.kernel-log'],
      ['RBX:', 'variable.register.kernel-log'],
      ['ffff96fb5fc11d80', 'constant.numeric.hex.kernel-log'],
    ]);
    expect(await scopeOf('kernel-log', line('R08:'), 'R08:')).toBe('variable.register.kernel-log');
    expect(await scopeOf('kernel-log', line('EFLAGS'), 'EFLAGS:')).toBe(
      'variable.register.kernel-log',
    );
    expect(await scopeOf('kernel-log', line('knlGS'), 'knlGS:')).toBe(
      'variable.register.kernel-log',
    );
  });

  it('marks the faulting <48> byte and only it in the Code: line', async () => {
    const code = await scopesOf('kernel-log', line('Code:'));
    expect(code.filter(([, scope]) => scope.startsWith('invalid.illegal'))).toEqual([
      ['<48>', 'invalid.illegal.faulting-byte.kernel-log'],
    ]);
    expect(code[1]).toEqual(['Code:', 'markup.heading.section.kernel-log']);
  });

  it('marks end trace, Call Trace, <IRQ>, taint and the error headline', async () => {
    expect(
      await scopeOf('kernel-log', line('end trace'), '---[ end trace 08945838e05bf5b2 ]---'),
    ).toBe('meta.separator.kernel-log');
    expect(await scopeOf('kernel-log', line('Call Trace'), 'Call Trace:')).toBe(
      'markup.heading.section.kernel-log',
    );
    expect(await scopeOf('kernel-log', line('<IRQ>'), '<IRQ>')).toBe(
      'entity.name.tag.context.kernel-log',
    );
    expect(await scopeOf('kernel-log', line('</IRQ>'), '</IRQ>')).toBe(
      'entity.name.tag.context.kernel-log',
    );
    const cpu = line('Not tainted');
    expect(await scopeOf('kernel-log', cpu, 'Not tainted')).toBe('string.taint.kernel-log');
    expect(await scopeOf('kernel-log', cpu, '4.14.0+')).toBe('entity.name.version.kernel-log');
    expect(
      await scopeOf(
        'kernel-log',
        line('general protection'),
        'general protection fault: 0000 [#1] SMP',
      ),
    ).toBe('message.error.kernel-log');
  });

  it('gives timestamp, RIP, register, <48> and end trace different colours', async () => {
    const [ts, rip, reg, fault, end] = await highlightBlock('log', undefined, [
      '[ 0.004000]',
      'RIP:',
      'RAX:',
      '<48>',
      '---[ end trace 08945838e05bf5b2 ]---',
    ]);
    const styles = [ts, rip, reg, fault, end].map(
      (html) => /style="([^"]*)"/.exec(html ?? '')?.[1],
    );
    expect(new Set(styles).size).toBe(5);
    expect(styles[0]).toBe('--shiki-light:#66707B;--shiki-dark:#BDC4CC');
    expect(styles[3]).toContain('--shiki-light-font-style:italic');
  });
});

describe('kernel-log grammar on a real oops (linux-sparse, x86 cure sparse warnings)', () => {
  const real = fixtureLines('real-page-fault-oops.log');
  it('greys the `? ` of unreliable frames and marks <TASK>', async () => {
    expect(await scopesOf('kernel-log', real.find((l) => l.includes('? __die')) ?? '')).toEqual([
      ['[    3.291087]', 'comment.timestamp.kernel-log'],
      ['? ', 'comment.unreliable.kernel-log'],
      ['__die', 'entity.name.function.kernel-log'],
      ['+0x1f/0x60', 'constant.numeric.offset.kernel-log'],
    ]);
    expect(
      await scopeOf('kernel-log', real.find((l) => l.includes('<TASK>')) ?? '', '<TASK>'),
    ).toBe('entity.name.tag.context.kernel-log');
    expect(
      await scopeOf(
        'kernel-log',
        real.find((l) => l.includes('Oops:')) ?? '',
        'Oops: 0002 [#1] PREEMPT PTI',
      ),
    ).toBe('message.error.kernel-log');
  });

  it('marks the symbol of a constprop clone as one function', async () => {
    const frame = '[    3.291087]  cpuhp_invoke_callback.constprop.0+0x117/0x3e0';
    expect(await scopeOf('kernel-log', frame, 'cpuhp_invoke_callback.constprop.0')).toBe(
      'entity.name.function.kernel-log',
    );
  });
});

describe('kernel-log grammar: log levels', () => {
  it('marks printk levels of dmesg -r by severity', async () => {
    expect(
      await scopesOf('kernel-log', '<4>[   12.345678] usb 1-4: reset high-speed USB device'),
    ).toEqual([
      ['<4>', 'markup.changed.log-level.warning.kernel-log'],
      ['[   12.345678]', 'comment.timestamp.kernel-log'],
      [' usb 1-4: reset high-speed USB device', 'source.kernel-log'],
    ]);
    const levels = ['<0>', '<1>', '<2>', '<3>', '<4>', '<5>', '<6>', '<7>'];
    const scopes = await Promise.all(
      levels.map((level) => scopeOf('kernel-log', `${level}[    1.000000] x`, level)),
    );
    expect(scopes).toEqual([
      'message.error.log-level.emerg.kernel-log',
      'message.error.log-level.alert.kernel-log',
      'message.error.log-level.crit.kernel-log',
      'message.error.log-level.err.kernel-log',
      'markup.changed.log-level.warning.kernel-log',
      'string.log-level.notice.kernel-log',
      'comment.log-level.info.kernel-log',
      'comment.log-level.debug.kernel-log',
    ]);
  });

  it('marks the facility and level of dmesg -x', async () => {
    expect(await scopesOf('kernel-log', 'kern  :warn  : [   12.345678] x')).toEqual([
      ['kern', 'comment.facility.kernel-log'],
      ['  :', 'comment.facility.kernel-log'],
      ['warn', 'markup.changed.log-level.warning.kernel-log'],
      ['  :', 'markup.changed.log-level.warning.kernel-log'],
      ['[   12.345678]', 'comment.timestamp.kernel-log'],
      [' x', 'source.kernel-log'],
    ]);
    expect(await scopeOf('kernel-log', 'kern  :err   : [ 1.0] x', 'err')).toBe(
      'message.error.log-level.err.kernel-log',
    );
    expect(await scopeOf('kernel-log', 'user  :notice: x', 'notice')).toBe(
      'string.log-level.notice.kernel-log',
    );
  });

  it('marks syslog priorities and facility.level names', async () => {
    // PRI 12 = facility user (1) × 8 + severity warning (4), RFC 5424.
    expect(await scopesOf('kernel-log', '<12>May  7 13:49:18 iniza kernel: foo')).toEqual([
      ['<12>', 'markup.changed.log-level.warning.kernel-log'],
      ['May  7 13:49:18 iniza kernel:', 'comment.syslog.kernel-log'],
      [' foo', 'source.kernel-log'],
    ]);
    expect(await scopeOf('kernel-log', '<11>2018-05-07T13:49:18+02:00 host x', '<11>')).toBe(
      'message.error.log-level.err.kernel-log',
    );
    const rsyslog = 'May  7 13:49:18 iniza kern.warning kernel: [ 1.0] x';
    expect(await scopeOf('kernel-log', rsyslog, 'kern')).toBe('comment.facility.kernel-log');
    expect(await scopeOf('kernel-log', rsyslog, 'warning')).toBe(
      'markup.changed.log-level.warning.kernel-log',
    );
    expect(await scopeOf('kernel-log', 'Jun 1 10:00:00 h kern.crit kernel: x', 'crit')).toBe(
      'message.error.log-level.crit.kernel-log',
    );
  });

  it('still reads a Code: byte at a line start as the faulting byte, not a priority', async () => {
    expect(await scopeOf('kernel-log', '<48> 83 39 00 74 3e', '<48>')).toBe(
      'invalid.illegal.faulting-byte.kernel-log',
    );
  });

  it('colours error, warning and info levels apart from the text', async () => {
    const [err, warn, info] = await highlightBlock('log', undefined, ['<3>x', '<4>x', '<6>x']);
    const styles = [err, warn, info].map((html) => /style="([^"]*)"/.exec(html ?? '')?.[1]);
    expect(styles.every(Boolean)).toBe(true);
    expect(new Set(styles).size).toBe(3);
  });
});
