import type { LanguageRegistration } from 'shiki/core';

type Rule = LanguageRegistration['patterns'][number];

/*
 * TextMate grammar for kernel logs: dmesg, oopses, BUG/WARNING splats, KASAN reports.
 * Scope names are chosen so github-light and github-dark both colour them:
 *   comment.*          grey      timestamps, syslog prefixes, `? ` unreliable frames
 *   message.error.*    red       BUG:, Oops, general protection fault, KASAN:, panic
 *   invalid.illegal.*  red ital. the faulting `<48>` byte of a Code: line
 *   markup.changed.*   orange    WARNING:
 *   keyword.*          red       RIP:/pc:, `Linux version`
 *   variable.*         orange    register names (RAX:, R08:, EFLAGS:)
 *   constant.numeric.* blue      register values, addresses, +0xoff/0xsize
 *   entity.name.*      purple    symbols in traces, kernel version
 *   entity.name.tag.*  green     <IRQ> </IRQ> <TASK> context markers, [module]
 *   markup.heading.*   bold blue Call Trace:, Code:, Modules linked in:
 *   meta.separator.*   bold blue ---[ end trace … ]---, ------------[ cut here ]------------
 *   string.*           dark blue Not tainted / Tainted: flags
 * Log levels take the colour of their severity: emerg, alert, crit and err red
 * (message.error.log-level.*), warning orange (markup.changed.log-level.*), notice dark
 * blue (string.log-level.*), info and debug grey (comment.log-level.*).
 * Every quantifier is bounded so a hostile line costs linear time (see lib/limits.ts).
 */

const rule = (name: string, re: RegExp) => ({ name, match: re.source });

/** Severities in syslog order (RFC 5424 §6.2.1: 0 emerg … 7 debug), with their scope prefix. */
const SEVERITIES = [
  ['emerg', 'message.error'],
  ['alert', 'message.error'],
  ['crit', 'message.error'],
  ['err', 'message.error'],
  ['warning', 'markup.changed'],
  ['notice', 'string'],
  ['info', 'comment'],
  ['debug', 'comment'],
] as const;

// Each severity's names: `dmesg -x` writes `warn`, syslog `warning` (and `error`, `panic`).
const NAMES: Record<string, string> = {
  emerg: 'emerg|panic',
  alert: 'alert',
  crit: 'crit',
  err: 'err|error',
  warning: 'warn|warning',
  notice: 'notice',
  info: 'info',
  debug: 'debug',
};

// Syslog facilities, as `dmesg -x` and rsyslog's `facility.severity` name them.
const FACILITY = 'kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7]';

/** Syslog PRI values with a severity: facility × 8 + severity, 24 facilities (RFC 5424). */
const priorities = (severity: number): string =>
  Array.from({ length: 24 }, (_, facility) => facility * 8 + severity).join('|');

/**
 * The rules for one severity: the printk level `<4>` (dmesg -r) and a syslog PRI `<12>`
 * before a date or timestamp, the `kern  :warn  :` prefix of `dmesg -x`, and rsyslog's
 * `kern.warning`. A multi-digit PRI needs the date after it: `<48>` is also Code:'s
 * faulting byte.
 */
function severityRules(severity: number): Rule[] {
  const [name, prefix] = SEVERITIES[severity]!;
  const scope = `${prefix}.log-level.${name}.kernel-log`;
  const words = NAMES[name]!;
  return [
    rule(scope, new RegExp(`^<${severity}>`)),
    rule(
      scope,
      new RegExp(
        `^<(?:${priorities(severity)})>(?=\\[|[A-Z][a-z]{2} [ \\d]\\d |\\d{4}-\\d\\d-\\d\\d)`,
      ),
    ),
    {
      match: new RegExp(`^(${FACILITY})( {0,8}:)(${words})( {0,8}:)`).source,
      captures: {
        1: { name: 'comment.facility.kernel-log' },
        2: { name: 'comment.facility.kernel-log' },
        3: { name: scope },
        4: { name: scope },
      },
    },
    {
      match: new RegExp(`\\b(${FACILITY})(\\.)(${words})\\b`).source,
      captures: {
        1: { name: 'comment.facility.kernel-log' },
        2: { name: 'comment.facility.kernel-log' },
        3: { name: scope },
      },
    },
  ];
}

export const kernelLog: LanguageRegistration = {
  name: 'kernel-log',
  scopeName: 'source.kernel-log',
  displayName: 'Kernel log',
  repository: {},
  patterns: [
    // Log levels first: `<12>` at a line start would otherwise read as a faulting byte.
    ...SEVERITIES.flatMap((_, severity) => severityRules(severity)),
    // `[    0.004000]`, `[ 0.004000]` (whitespace collapsed by an archive)
    rule('comment.timestamp.kernel-log', /\[\s{0,12}\d{1,8}\.\d{1,9}\]/),
    // printk caller id: `[    T1]`, `[  C0]`
    rule('comment.caller.kernel-log', /\[\s{0,8}[TC]\d{1,7}\]/),
    // syslog prefix: `May  7 13:49:18 iniza kernel:`, also after a PRI: `<4>May  7 13:49:18 …`
    rule(
      'comment.syslog.kernel-log',
      /(?<=^(?:<\d{1,3}>)?)[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S{1,64} \S{1,64}:/,
    ),
    // `---[ end trace 8c7851007fbc6b6f ]---`, `------------[ cut here ]------------`
    rule('meta.separator.kernel-log', /-{3,40}\[ [^\]]{1,200}(?:\]-{3,40}|$)/),
    // `general protection fault: 0000 [#1] SMP`, `BUG: KASAN: use-after-free in foo+0x1/0x2`
    rule(
      'message.error.kernel-log',
      /(?:\bBUG:|\bkernel BUG at|\bOops\b|\bgeneral protection fault|\bKASAN:|\bUBSAN:|\bKFENCE:|\bKernel panic - not syncing|\b[Uu]nable to handle kernel|\bdivide error:|\binvalid opcode:|\bdouble fault:).{0,500}/,
    ),
    // `WARNING: CPU: 0 PID: 1 at kernel/foo.c:12 bar+0x1/0x2`
    rule('markup.changed.warning.kernel-log', /\bWARNING:.{0,500}/),
    {
      // `RIP: 0010:irq_work_tick+0x9d/0x110`, arm64 `pc : foo+0x1/0x2`
      match: /\b(RIP|EIP|pc|lr)\s?(:)(?:\s{0,4}([0-9a-f]{4})(:))?/.source,
      captures: {
        1: { name: 'keyword.other.rip.kernel-log' },
        2: { name: 'keyword.other.rip.kernel-log' },
        3: { name: 'constant.numeric.segment.kernel-log' },
        4: { name: 'keyword.other.rip.kernel-log' },
      },
    },
    // `RAX:`, `R08:`, `EFLAGS:`, `ORIG_RAX:`, `CR2:`, `knlGS:`, arm64 `x29:`, `sp :`
    rule(
      'variable.register.kernel-log',
      /\b(?:R[ABCD]X|R[SD]I|R[SB]P|R(?:0[89]|1[0-5]|[89])|E[ABCD]X|E[SD]I|E[SB]P|EFLAGS|ORIG_[RE]AX|CR[0-4]|DR[0-7]|[CDEFGS]S|knlGS|x(?:[12]?\d|30)|sp|pstate)\s?:/,
    ),
    {
      // `? irq_work_tick+0x9d/0x110 [kvm]`: `?` marks an unreliable frame
      match:
        /(?<![\w.$])(\?\s)?([A-Za-z_][\w.$]{0,127})(\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16})(?:\s(\[[\w-]{1,64}\]))?/
          .source,
      captures: {
        1: { name: 'comment.unreliable.kernel-log' },
        2: { name: 'entity.name.function.kernel-log' },
        3: { name: 'constant.numeric.offset.kernel-log' },
        4: { name: 'entity.name.tag.module.kernel-log' },
      },
    },
    // `Call Trace:`, `Code:`, `Modules linked in:`
    rule(
      'markup.heading.section.kernel-log',
      /\b(?:Call [Tt]race|Code|Modules linked in|Hardware name|Workqueue|Allocated by task \d{1,9}|Freed by task \d{1,9}):/,
    ),
    // `<IRQ>`, `</IRQ>`, `<TASK>`, `<NMI>`, `<EOI>`
    rule('entity.name.tag.context.kernel-log', /<\/?(?:IRQ|TASK|NMI|EOI|SOFTIRQ)>/),
    // `<48>`: the byte RIP points at, inside a Code: dump
    rule('invalid.illegal.faulting-byte.kernel-log', /<[0-9a-f]{2}>/),
    {
      // `Not tainted 4.14.0+`, `Tainted: G        W         4.14.35-1-iniza-amd64`
      match:
        /\b(Not tainted|Tainted:(?: {1,12}[A-Z]{1,2}){0,20})(?:\s{1,16}(\d{1,2}\.\d{1,3}[\w.+-]{0,64}))?/
          .source,
      captures: {
        1: { name: 'string.taint.kernel-log' },
        2: { name: 'entity.name.version.kernel-log' },
      },
    },
    {
      // `Linux version 4.14.0-1-iniza-llvmlinux`
      match: /\b(Linux version)\s(\S{1,100})/.source,
      captures: {
        1: { name: 'keyword.other.version.kernel-log' },
        2: { name: 'entity.name.version.kernel-log' },
      },
    },
    // `0xffffffff`, `ffff96dd9e403e58`, `0000000000000082`, the segment in `RSP: 0018:ffffa3d5…`
    rule(
      'constant.numeric.hex.kernel-log',
      /\b(?:0x[0-9a-fA-F]{1,16}|[0-9a-f]{8,16}|[0-9a-f]{4}(?=:[0-9a-f]{8}))\b/,
    ),
  ],
};
