/**
 * The line patterns the block classifier recognises. Every pattern is anchored at the start
 * of the line, or starts with a literal, and has no nested or overlapping quantifiers: mail is
 * hostile, and a line of 1 MB of `[`, `0x` or spaces must cost one pass, not a quadratic one.
 */

// --- log ---------------------------------------------------------------------------------
// `[    0.004000] ...`, `[ 0.004000]` (whitespace collapsed by a mail client), `[  12.3][ T1] ...`
export const RE_DMESG_TIMESTAMP = /^\[ *\d{1,10}\.\d{1,9}\]/;
// `<4>[   12.345678] ...` (dmesg -r) and `kern  :warn  : [   12.3] ...` (dmesg -x)
export const RE_DMESG_RAW = /^(?:<\d>|[a-z]{3,6} *:[a-z]{3,6} *: )\[ *\d{1,10}\.\d{1,9}\]/;
// `May  7 13:49:18 host kernel: ...` (syslog) and `2018-05-07T13:49:18.123+0200 host kernel: ...`
export const RE_SYSLOG = /^(?:[A-Z][a-z]{2} [ \d]\d |\d{4}-\d\d-\d\d[T ])\d\d:\d\d:\d\d\S* \S/;
// Oops and splat headers: `BUG: KASAN: slab-out-of-bounds in foo+0x1/0x2`, `WARNING: CPU: 1 PID: 2
// at ...`, `Oops: general protection fault, ...`, `Kernel panic - not syncing: ...`,
// `Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008`
export const RE_SPLAT_HEAD =
  /^ *(?:BUG: |WARNING: |Oops: |Oops\[#|INFO: task |UBSAN: |KASAN: |KCSAN: |kernel BUG at |Kernel panic - |general protection fault[,:]|Unable to handle kernel |Internal error: |watchdog: BUG: |rcu: INFO: |list_(?:add|del) corruption)/;
// Lines only an oops has: `Call Trace:`, `Modules linked in: ...`, `CPU: 0 PID: 0 Comm: swapper/0`,
// `Hardware name: QEMU ...`, `Code: 4c 0f b1 ...`, `Workqueue: events foo`, `Freed by task 12:`
export const RE_OOPS_LINE =
  /^ *(?:Call [Tt]race:|Modules linked in:|Hardware name: |CPU: \d+ (?:UID: \d+ )?PID: \d+|Code: |Workqueue: |Stack:|Tainted: \[|Allocated by task \d|Freed by task \d|Last potentially related work|Memory state around the buggy|The buggy address |irq event stamp: |hardirqs (?:last|first) |softirqs (?:last|first) |Showing all locks held|stack backtrace:|Chain exists of:|other info that might help|Possible unsafe locking scenario|Disabling lock debugging|RIP: [0-9a-f]{4}:|RSP: [0-9a-f]{4}:|RIP: \S|pc : |lr : |sp : |pstate: |Instruction dump:|NIP: |LR: |Exception stack)/;
// A register dump row with at least two registers:
// `RAX: 0000000000000082 RBX: ffff96dd9e411d80 RCX: ...`, `x29: ffff8000 x28: 0000...`
export const RE_REGISTER_ROW =
  /^ *[A-Za-z][A-Za-z0-9]{1,4} ?: ?[0-9a-f]{4,16}(?:\(0000\))? +[A-Za-z][A-Za-z0-9]{1,6} ?: ?[0-9a-f]{4}/;
// A stack frame: `update_process_times+0x6e/0xa0`, ` ? foo+0x1/0x2 [mod]`, `[<ffffffff8100>] foo+0x1/0x2`
export const RE_STACK_FRAME =
  /^ *(?:\[<[0-9a-f]{8,16}>\] )?(?:\? )?[A-Za-z_.$][\w.$]{0,200}\+0x[0-9a-f]{1,16}\/0x[0-9a-f]{1,16}/;
// `<IRQ>`, `</IRQ>`, `<TASK>`, `</TASK>`, `<NMI>` frame separators in a Call Trace.
export const RE_TRACE_MARK = /^ *<\/?(?:IRQ|TASK|NMI|EOI|EOE|SOFTIRQ)> *$/;
// `---[ end trace 8c7851007fbc6b6f ]---`, `------------[ cut here ]------------`
export const RE_TRACE_FENCE = /^ *-{3,}\[ (?:end|cut here)/;
// A console line of a subsystem, as often printed just before an oops: `cgroup: Unknown subsys
// name 'net'`, `ata3.00: failed command: READ FPDMA QUEUED`, `usb 1-4: new high-speed USB device`
export const RE_SUBSYSTEM_MESSAGE = /^[a-z][\w.-]{1,30}(?: [\w.:-]{1,40})?: [A-Za-z]/;
// A console line printed without a timestamp, as the boot stub and early code print them:
// `Memory KASLR using RDTSC...`, `Probing EDD (edd=off to disable)... ok`, `Booting the kernel.`
// A capitalised word, then a space and more: a hard-wrapped continuation rarely starts so.
export const RE_CONSOLE_LINE_START = /^[A-Z][a-z]{2,40} \S/;
// What the x86 boot stub and KASLR print before the kernel's own timestamped log:
// `Probing EDD (edd=off to disable)... ok`, `Decompressing Linux... Parsing ELF... done.`,
// `Booting the kernel.`, `Memory KASLR using RDTSC...`, `Physical KASLR using RDRAND RDTSC...`,
// `early console in extract_kernel`, `KASLR disabled: 'nokaslr' on cmdline.`
export const RE_BOOT_STUB_LINE =
  /^(?:Probing EDD \(edd=off to disable\)|Decompressing Linux\.\.\.|Parsing ELF\.\.\.|Booting the kernel(?: \(entry_offset: 0x[0-9a-f]{1,16}\))?\.$|(?:Memory|Physical|Virtual) KASLR using |KASLR disabled: |early console in (?:extract_kernel|setup code)$)/;
// `==================================================================` above and below reports.
export const RE_REPORT_RULE = /^={20,}\s*$/;
// KASAN shadow rows: `ffff888012345600: fa fb fb fb fb fb fb fb fc fc fc fc fc fc fc fc`
export const RE_SHADOW_ROW = /^ *[0-9a-f]{8,16}: (?:[0-9a-f]{2} ){12}/;

// --- asm ---------------------------------------------------------------------------------
// objdump -d row: `ffffffff81193200: 55 push %rbp`, `  5b381:\t66 81 3d 00 ...\tcmpw ...`,
// and a bytes-only continuation row `ffffffff8119325d: 00 00 00` (or truncated: `... 00 0`).
export const RE_OBJDUMP_ROW =
  /^ *[0-9a-f]{1,16}:[ \t]+[0-9a-f]{2}(?:[ \t][0-9a-f]{1,2}(?![0-9a-z]))*/;
// objdump symbol header: `ffffffff81193200 <irq_work_tick>:`
export const RE_OBJDUMP_SYMBOL = /^[0-9a-f]{8,16} <[^>\s]{1,512}>:\s*$/;
// `Disassembly of section .text:` and `vmlinux:     file format elf64-x86-64`
export const RE_OBJDUMP_BANNER = /^(?:Disassembly of section \S|\S+: +file format \S)/;
// An instruction with register operands: `\tmovq %rax, %rbx`, `  mov rax, qword ptr [rbx]`,
// `\tldr x0, [x1, #8]`, `lock cmpxchg %r15,-0x8(%rbx)`.
export const RE_INSTRUCTION =
  /^[ \t]*(?:lock |rep |repz |repnz )?(?:mov|movz|movs|lea|push|pop|call|ret|jmp|j[a-z]{1,3}|cmp|test|add|sub|and|or|xor|not|neg|shl|shr|sar|sal|inc|dec|imul|mul|div|idiv|nop|xchg|cmpxchg|bt|bts|btr|set[a-z]{1,3}|cmov[a-z]{1,3}|ud2|int3|endbr64|syscall|ldr|str|ldp|stp|adrp|adr|bl|blr|br|b\.[a-z]{2}|cbz|cbnz|tbz|tbnz|mrs|msr|ret|hint|paciasp|autiasp|addi|ld|sd|lw|sw|jal|jalr|auipc|li)[a-z]{0,2}[ \t]+(?:%|\$|\*|-?0x|-?\d{1,10}\(|\.L|[rex][a-z0-9]{1,3}\b|[xw]\d{1,2}\b|sp\b|\[|[a-z]{1,8}\+0x|(?:byte|word|dword|qword) ptr)/;
// An instruction without operands on its own indented line: `\tret`, `  endbr64`, `\tleave`
export const RE_BARE_INSTRUCTION =
  /^[ \t]+(?:ret|retq|nop|endbr64|endbr32|leave|leaveq|cltq|cqto|cdq|ud2|int3|hlt|pushfq|popfq|iretq|lret|syscall|sysret|paciasp|autiasp|eret|wfi|isb|dsb sy|dmb ish)[ \t]*$/;
// Any indented `mnemonic operands` line whose operands name `%` registers (AT&T, sparse IR):
// `        select.32   %r4 <- %arg1, $0xffffffff, $0`, `        br          .L5`
export const RE_IR_INSTRUCTION = /^[ \t]+[a-z][a-z0-9]{0,11}(?:\.\d{1,3})?[ \t]+(?:%|\$|\.L|<)/;
// An assembler or listing label on its own line: `foo_fast:`, `.L4:`, `.LBB0_2:`, `    cmp:`
export const RE_ASM_LABEL = /^[ \t]*\.?[\w$]{1,200}:[ \t]*$/;
// A GAS directive or local label: `\t.globl foo`, `.section .text`, `.Ltmp0:`
export const RE_GAS_DIRECTIVE =
  /^[ \t]*(?:\.(?:globl|global|section|text|data|type|size|p2align|align|cfi_[a-z_]{1,20}|long|quad|byte|word|asciz|ascii|string|macro|endm|pushsection|popsection|balign|file|loc|ident)\b|\.L[\w$]{1,100}:)/;

// --- diff --------------------------------------------------------------------------------
// `diff --git a/x b/x`, `index 1f2e3d4..5a6b7c8 100644`, `new file mode 100644`, `Binary files ...`
export const RE_DIFF_HEADER =
  /^(?:diff --git |diff -[a-zA-Z]{1,8} |index [0-9a-f]{6,40}\.\.[0-9a-f]{6,40}|new file mode \d|deleted file mode \d|old mode \d|new mode \d|similarity index \d|rename (?:from|to) \S|copy (?:from|to) \S|Binary files \S|GIT binary patch)/;
// The first line of a `git format-patch` file: `From 07bd6a35ce437617b8c0d2bc32273bcd9dfd84a0 Mon
// Sep 17 00:00:00 2001` (a fixed date, so `git am` can tell a patch from a real mbox separator).
export const RE_FORMAT_PATCH_FROM = /^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001\s*$/;
// A header line of a format-patch, or an in-body header `git am` reads: `From: A U Thor <a@b.c>`,
// `Date: Mon, 4 Nov 2019 21:44:54 +0100`, `Subject: [PATCH 3/7] s/struct format/struct attr_format/`
export const RE_PATCH_MAIL_HEADER =
  /^(?:From|Date|Subject|To|Cc|Message-I[Dd]|In-Reply-To|References|MIME-Version|Content-Type|Content-Transfer-Encoding): \S/;
// A patch subject: `Subject: [PATCH] foo`, `Subject: [PATCH v2 3/7] mm: foo`, `Subject: [RFC PATCH] x`
export const RE_PATCH_SUBJECT = /^Subject: \[(?:[\w.-]{1,40} ){0,3}PATCH\b/;
// `--- a/lib/foo.c` / `+++ b/lib/foo.c` / `--- /dev/null` / `--- linux.orig/foo.c\t2018-...`
export const RE_FILE_MINUS = /^--- (?:a\/|\/dev\/null|[\w.~-]{1,200}\/)\S/;
// `+++ b/lib/foo.c`, `+++ /dev/null`, `+++ linux/foo.c\t2018-05-07 13:49:18`
export const RE_FILE_PLUS = /^\+\+\+ (?:b\/|\/dev\/null|[\w.~-]{1,200}\/)\S/;
// `@@ -12,7 +12,8 @@ static int foo(void)`
// and the combined-diff form of merges: `@@@ -12,7 -12,7 +12,8 @@@`
export const RE_HUNK_HEADER =
  /^@@@? -\d{1,9}(?:,\d{1,9})? (?:-\d{1,9}(?:,\d{1,9})? )?\+\d{1,9}(?:,\d{1,9})? @@/;
// Diffstat row: ` lib/foo.c | 3 ++-`, ` a/b.bin | Bin 0 -> 12 bytes`, ` .../long/path.c   |  12 +++---`
export const RE_DIFFSTAT_ROW = /^ {1,2}\S{1,300} +\| +(?:\d{1,7} ?[+-]{0,500}|Bin \d)\s*$/;
// `2 files changed, 10 insertions(+), 3 deletions(-)`, `create mode 100644 lib/foo.c`
export const RE_DIFFSTAT_SUMMARY =
  /^ ?(?:\d{1,7} files? changed(?:, |$)|(?:create|delete) mode \d{6} \S|rename \S.{0,300} \(\d{1,3}%\)$|mode change \d)/;
// scripts/diffconfig: `-ARCH_HAS_REFCOUNT y`, `+GUESS_UNWINDER n`, ` KASAN n -> y`
export const RE_DIFFCONFIG =
  /^(?:[-+][A-Z][A-Z0-9_]{1,100} (?:[ynm]|"[^"]{0,300}"|-?\d{1,20}|0x[0-9a-f]{1,16})$| [A-Z][A-Z0-9_]{1,100} \S{1,300} -> \S{1,300}$)/;
// A line of a quoted hunk whose content is code: `+\tif (x) {`, `-\treturn 0;`, `+}`, `+#include <x>`,
// `+# define foo`, and comment lines `+/**`, `+ * text`, `+ */`, `-// text`
export const RE_CODE_HUNK_LINE =
  /^[-+](?:\t|# ?\w|[{}]\s*;?\s*$| {2,}\S|\s*$|\/[*/]| \*(?: |\/|$))/;
// A context line of a quoted hunk: ` \treturn 0;`, ` }`, ` /*`, and with format=flowed's
// space-stuffing `  \tWARN_ON(x);`, `  {`. One or two spaces, then a tab, a lone brace or a
// comment opener: prose never looks so.
export const RE_CONTEXT_HUNK_LINE = /^ {1,2}(?:\t|[{}]\)?;?\s*$|\/\*)/;
// A line inside a C comment of a hunk: `+ * text`, `  * text` (context), `- */`. Alone it is
// a bullet list; it only continues a hunk fragment whose comment is open.
export const RE_HUNK_COMMENT_LINE = /^[-+ ] {0,2}\*(?: |\/|$)/;
// `git range-diff` pair lines, as `git format-patch --range-diff` puts them in cover letters:
// `1:  4209a02 ! 1:  55e547d mm: fix frobnicator`, `2:  e9bec8c = 2:  b3b9986 mm: second patch`,
// `-:  ------- > 3:  721f85c mm: new third patch`, ` 9:  1a2b3c4 <  -:  ------- old` (padded)
export const RE_RANGE_DIFF_PAIR =
  /^ {0,4}(?:\d{1,5}|-): +(?:[0-9a-f]{4,40}|-{4,40}) [=!<>] +(?:\d{1,5}|-): +(?:[0-9a-f]{4,40}|-{4,40})(?: |$)/;
// The title git puts over them: `Range-diff against v1:`, `Range-diff:`, `Interdiff against v2:`,
// `Range-diff against v3.1:`, and the hand-written `Interdiff vs v1:`
export const RE_RANGE_DIFF_TITLE =
  /^(?:Range-diff|Interdiff)(?: (?:against|relative to|vs\.?|since) v?[\w.]{1,20})?:\s*$/;
// A line of a range-diff pair's body: four spaces, then a line of the diff of the two patches
// (`    @@ mm/slab.c: static void foo(void)`, `    -    mm: fix frobnicator`, `     \tbar();`).
export const RE_RANGE_DIFF_BODY = /^ {4}[-+ @]/;

// --- compiler diagnostics (output) -------------------------------------------------------
// gcc, clang and sparse diagnostics, as build bots and reviewers paste them:
// `include/linux/overflow.h:33:40: error: invalid operands to binary <<`,
// `./include/linux/rcupdate.h:693:9: warning: context imbalance in 'foo' - unexpected unlock`,
// `kernel/bpf/hashtab.c: note: in included file (through include/linux/bpf.h):` (sparse),
// `drivers/foo.c: In function 'foo':`, `./include/linux/local_lock.h: In function ‘bar’:`,
// `foo.c: At top level:`, `mm/slab.o: warning: objtool: foo()+0x12: call without frame`.
// The path must end in an extension (`.c:`), so `Note: see` or `e.g.: note:` stay prose.
export const RE_COMPILER_DIAGNOSTIC =
  /^[ \t]{0,8}[\w./+-]{0,300}\.[A-Za-z]{1,8}:(?:\d{1,9}:){0,2} (?:(?:(?:fatal )?error|warning|note|remark):|In (?:function|member function|static function|constructor|destructor) ['‘`]|At (?:top|global) level:)/;
// The include chain above a diagnostic: `In file included from include/linux/bpf.h:12,` and
// its aligned continuations `                 from drivers/foo.c:14:`
export const RE_INCLUDED_FROM =
  /^[ \t]{0,40}(?:In file included from|from) [\w./+-]{1,300}:\d{1,9}(?::\d{1,9})?[:,]\s*$/;
// A tool's own diagnostic and the build's verdict: `cc1: all warnings being treated as errors`,
// `ld.lld: error: undefined symbol: foo`, `make[2]: *** [scripts/Makefile.build:250: foo.o]
// Error 1`, clang's `1 error generated.`, `2 warnings and 1 error generated.`
export const RE_BUILD_VERDICT =
  /^[ \t]{0,8}(?:(?:cc1|cc1plus|ld|ld\.lld|ld\.bfd|clang|gcc|sparse|objtool|modpost): (?:(?:fatal )?error|warning|note|all warnings)\b|make(?:\[\d{1,4}\])?: \*\*\* |\d{1,6} (?:warnings?|errors?)(?: and \d{1,6} (?:warnings?|errors?))? generated\.$)/;
// gcc 9+ and clang quote the source under a diagnostic, a numbered source row:
// `   33 | #define __type_half_max(type) ...`, `  132 |                 (x) > type_max(T)`
export const RE_CARET_SOURCE_ROW = /^[ \t]{0,16}\d{1,7} \|(?: |$)/;
// ... and the caret rows below it: `      |        ^~ ~~~~~~`, `      |   long unsigned int`.
// They are indented by at least four spaces, so a `| Reported-by:` quote stays prose.
export const RE_CARET_ROW = /^ {4,40}\|(?: |$)/;
// The caret line of older gcc (no `|` gutter): `                 ^~~~~~~~~`. A lone `^` under
// a quoted line is how people point at a character in prose too, so only `^~` is evidence.
export const RE_CARET_TILDES = /^[ \t]*\^~[\^~ ]*$/;

// --- traceback, shell, output ------------------------------------------------------------
// `  File "/usr/lib/python3/x.py", line 88, in load_from_path`
export const RE_PY_FRAME = /^ *File "[^"]{1,1000}", line \d/;
// The final line of a Python traceback: `AttributeError: 'NoneType' object has no attribute 'x'`
export const RE_PY_EXCEPTION =
  /^[A-Za-z_][\w.]{0,200}(?:Error|Exception|Exit|Interrupt|Warning|Failure)(?::|$)/;
// A prompt with a user, host or path: `user$ ls`, `root# cd x`, `~/linux$ make`,
// `[user@host linux]$ make`, `user@host:~/linux$ make`, `(venv) $ pip`, `sdi@iniza:~$ ls`
export const RE_NAMED_PROMPT =
  /^(?:\([\w.-]{1,40}\) )?(?:\[[\w.-]{1,40}@[\w.-]{1,80}(?: [^\]\s]{1,200})?\]|[\w.-]{1,40}@[\w.-]{1,80}(?::[~/][^\s$#]{0,200})?|root|user|[a-z][\w-]{0,30}|[~/][^\s$#]{0,200}|[\w.-]{1,40}:[~/][^\s$#]{0,200})[$#] \S/;
// A bare prompt, `$ make -j8`, `# echo 1 > /proc/sys/x`: the command must look like one (a
// lower-case word or a path), and `# CONFIG_FOO is not set` is kconfig, not a root shell.
// English words no command is named after start a sentence about the sign instead:
// `$ is the prompt here, and # is root.`
export const RE_BARE_PROMPT =
  /^ {0,4}[$#] (?:sudo |\.\/|\/|(?!(?:is|are|was|were|the|an|and|or|of|in|on|to|means|stands|denotes|refers|marks|sign|symbol|character|prompt|here|there|this|that|it|its|will|would|should|could|can|must|may|has|have|had|does|not|just|only|also|with|by|from)\b)[a-z][\w./+-]{0,80}(?: +-|\s*$| +[\w./"'$~-]))/;
// A bare command line people paste without a prompt: `objdump -d -S --start-address=...`,
// `grep foo System.map`, `make ARCH=arm64 -j8 defconfig`, `git log --oneline v4.14..`.
export const RE_BARE_COMMAND =
  /^[ \t]{0,8}(?:sudo )?(?:objdump|grep|git|make|gdb|perf|addr2line|nm|readelf|strace|modprobe|insmod|rmmod|dmesg|echo|cat|ls|cd|sed|awk|qemu-system-[\w-]{1,20}|scripts\/[\w./-]{1,100}|\.\/[\w./-]{1,100}|b4|clang|gcc|sparse|cc|ld|python3?|pip|cargo|rustc|ninja|meson|wget|curl) (?:-{1,2}[\w-]|[\w./$"'-]{1,200}(?: |$))/;
// `drwxr-xr-x 2 sdi sdi 4096 Apr 24 13:15 .`, `-rw-r--r--. 1 ...`, `lrwxrwxrwx 1 ...`
export const RE_LS_LONG = /^[-dlcbps][-rwxsStT]{9}[.@+]? +\d/;
// `total 344916`, `insgesamt 344916` (German `ls -l`)
export const RE_LS_TOTAL = /^(?:total|insgesamt|totale|総計|合計) \d{1,20}$/;
// A tool's version banner: `gcc version 14.2.1 20240912 (Red Hat 14.2.1-3) (GCC)`,
// `clang version 18.1.8 (Fedora 18.1.8-1.fc40)`, `gcc (Debian 11.2.0-12) 11.2.0`
export const RE_VERSION_BANNER =
  /^(?:[\w.+-]{1,40} ){1,3}version \d{1,4}\.\d|^[\w.+-]{1,40} \([^)]{1,200}\) \d{1,4}\.\d/;
// A git shortlog author line: `Anton Blanchard (5):`, `  Linus Torvalds (1):`
export const RE_SHORTLOG_AUTHOR =
  /^ {0,4}[\w\u00C0-\u024F][\w\u00C0-\u024F .'-]{0,80} \(\d{1,5}\):$/;
// A `key:   value` row of a report header: `HEAD commit:    1a2b3c4d`, `tree:      torvalds`
export const RE_KEY_VALUE_ROW = /^[A-Za-z][\w -]{0,30}: {2,}\S/;
// A one-line commit: `9af5ddf981ed BACKPORT: kbuild: ...`, `f24088a3842c ("kbuild: ...")`
export const RE_COMMIT_LINE = /^(?:[*|] )?[0-9a-f]{7,40} (?:\(|"|[A-Za-z[])/;
// A format-patch file name: `0001-Revert-CLANG3-core-clang-work-around.patch`
export const RE_PATCH_FILE = /^ *(?:v\d{1,3}-)?\d{4}-[\w.+,-]{1,300}\.patch\b/;
// A System.map / nm row: `0000000000015b88 d lazy_list`, `ffffffff81c20810 D pv_irq_ops`
export const RE_SYSTEM_MAP = /^[0-9a-f]{8,16} [A-Za-z] [\w.$]{1,300}$/;

// --- code --------------------------------------------------------------------------------
// C preprocessor: `#include <linux/irq_work.h>`, `#define FOO 1`, `#ifdef CONFIG_X86`
export const RE_C_PREPROCESSOR =
  /^ *# ?(?:include [<"]|define [A-Za-z_]|undef |ifdef |ifndef |if |elif |else\b|endif\b|pragma |error )/;
// A declaration or definition: `static inline unsigned long native_save_fl(void)`,
// `struct pv_irq_ops {`, `int ret = 0;`, `u64 flags;`, `unsigned long x, y;`
export const RE_C_DECLARATION =
  /^[ \t]*(?:static |extern |inline |const |volatile |unsigned |signed |struct |enum |union |typedef |__always_inline |noinline |asmlinkage )*(?:void|int|long|short|char|bool|float|double|size_t|ssize_t|loff_t|u8|u16|u32|u64|s8|s16|s32|s64|__u8|__u16|__u32|__u64|__le16|__le32|__le64|__be16|__be32|__be64|uint\d{1,2}_t|int\d{1,2}_t|struct \w+|enum \w+|union \w+|unsigned|signed)\b[\w\s*,[\]]{0,200}(?:\(|;|\{|=)/;
// A control statement: `if (ret < 0) {`, `while (llnode != NULL) {`, `} else {`, `for (;;)`
export const RE_C_CONTROL = /^[ \t]*(?:\} ?)?(?:if|for|while|switch|else if) ?\(/;
// `return flags;`, `goto out;`, `break;`, `} else {`, `}`, `};`, `{`, `default:`, `case FOO:`
export const RE_C_STATEMENT =
  /^[ \t]*(?:return\b[^;]{0,1000};|goto \w+;|break;|continue;|\} ?else\b|[{}]\)?;?,?\s*$|default:|case [\w'() |]{1,100}:|do \{)/;
// A call followed by a word, as prose names functions: `foo() calls bar(), which calls baz();`,
// `kfree(p) frees it`. C puts an operator or punctuation there; after a keyword
// (`if(x) return;`, `typeof(x) y;`) or before a call (`for_each_cpu(cpu) foo(cpu);`) it may not.
export const RE_CALL_THEN_WORD =
  /(?<![\w$])(?!(?:if|for|while|switch|return|sizeof|typeof|__typeof__|__attribute__|defined|do|else)\()[A-Za-z_]\w{0,100}\([^()]{0,200}\) [a-z]{2,40}(?:[ ,.;:]|$)/;
// A comment line: `/*`, ` * text`, ` */`, `// text`, `/* text */`
export const RE_C_COMMENT = /^[ \t]*(?:\/\*|\*\/|\*(?: |$)|\/\/)/;
// lit/FileCheck directives in test sources: `// RUN: %clang_cc1 %s ...`, `; CHECK-NEXT: ...`
export const RE_LIT_DIRECTIVE =
  /^(?:\/\/|;|#) ?(?:RUN|CHECK(?:-[A-Z]{1,10})?|REQUIRES|XFAIL|UNSUPPORTED): /;
// Rust: `fn main() {`, `pub(crate) fn foo(&self) -> u32 {`, `let mut x = 1;`, `use kernel::prelude::*;`, `impl Foo for Bar {`, `#[derive(Debug)]`
export const RE_RUST_LINE =
  /^[ \t]*(?:(?:pub(?:\([\w:]{1,30}\))? )?(?:unsafe |async |const |extern "C" )?fn \w|let (?:mut )?\w[\w, ()]{0,100}(?::[^=]{1,200})? ?=|use (?:crate|kernel|core|std|super|self)::|impl(?:<[^>]{0,100}>)? \w|#!?\[[a-z_]{1,40}[(\]]|pub(?:\([\w:]{1,30}\))? (?:struct|enum|trait|mod) \w{1,100}|(?:trait|mod) \w{1,100}(?:<[^>]{0,100}>)? ?[{;(])/;
// Rust that has no keyword of its own but that C never writes: a condition without
// parentheses before `{` (`if x > 0 {`, `} else if let Some(p) = q {`, `for x in v.iter() {`,
// `match state {`), a macro call (`println!("{}", x);`, `pr_info!("probed\n");`), a match arm
// (`Some(x) => x,`, `Err(e) => return Err(e),`)
export const RE_RUST_STATEMENT =
  /^[ \t]*(?:(?:\} else )?(?:if|while|match|for \w{1,40} in) (?!\()[^{};]{1,300} \{$|[a-z_]\w{0,60}!\(|[\w:]{1,100}(?:\([^()]{0,100}\))? => )/;
// Python: `def foo(x):`, `class Foo(Bar):`, `import os`, `from lit import formats`
export const RE_PYTHON_LINE =
  /^[ \t]*(?:(?:async )?def \w{1,100}\(.{0,500}\) ?(?:-> ?[\w[\], .]{1,100})?:$|class \w{1,100}(?:\(.{0,200}\))?:$|import [\w.]{1,100}(?: as \w+)?$|from [\w.]{1,100} import \S)/;
// Python statements: a block opener ending in `:` (`for f in os.listdir('.'):`, `with open(f)
// as fh:`, `if __name__ == "__main__":`, `elif x:`, `else:`, `try:`, `except OSError as e:`),
// the print function (`print(fh.read())`), an attribute assignment (`self.count = 0`), and a
// return or an assignment without the `;` C would end it with (`return [l for l in lines]`,
// `out = subprocess.run(cmd)`, `hits[sha] += 1`); a C line cut by wrapping ends in `,` or `+`.
export const RE_PYTHON_STATEMENT =
  /^[ \t]*(?:(?:for [\w, ]{1,100} in|with|if|elif|while) .{1,300}:$|(?:else|try|finally):$|except(?: [\w., ()]{1,200})?(?: as \w{1,40})?:$|print\(.{0,500}\)$|self\.\w{1,100} ?[-+*/|&]?= |return\b[^;]{0,500}[\w)\]'"]$|[a-z_][\w.]{0,60}(?:\[[^\]]{0,40}\])? ?[-+*/|&]?= [^;]{1,500}[\w)\]'"]$)/;
// Code a line of Python shows beyond its words: a call or subscript (`open(f)`, `argv[1]`), a
// comparison (`==`, `!=`), or an import of one module (`import os`, not `import them`)
export const RE_PYTHON_EVIDENCE =
  /\w\(|\w\[|[=!<>]=|^[ \t]*import (?!(?:them|it|this|that|these|those|all|everything|both|the)$)[\w.]{1,100}(?:, ?[\w.]{1,100}){0,20}$/;
// Kconfig: `config FOO`, `menuconfig FOO`, `\tbool "Foo"`, `\tdepends on X86`, `\tselect FOO`
export const RE_KCONFIG_LINE =
  /^(?:(?:menu)?config [A-Z0-9_]{1,100}$|choice$|endchoice$|endmenu$|if [A-Z0-9_]{1,100}$|endif$|source "|[ \t]+(?:bool|tristate|string|int|hex|def_bool|def_tristate)(?: "|$| [ynm]\b)|[ \t]+(?:depends on|select|imply|default|range|visible if) \S|[ \t]+help$|[ \t]+---help---$)/;
// A .config line: `CONFIG_PARAVIRT=n`, `CONFIG_LOCALVERSION="-foo"`, `# CONFIG_KASAN is not set`
export const RE_DOTCONFIG_LINE =
  /^(?:CONFIG_[A-Z0-9_]{1,100}=\S|# CONFIG_[A-Z0-9_]{1,100} is not set$)/;
// Makefile: `obj-$(CONFIG_FOO) += foo.o`, `foo-y := a.o b.o`, `ccflags-y += -I$(src)`,
// `.PHONY: all`, a recipe calling a make variable: `\t$(CC) -o $@ $<`, `\t$(Q)$(MAKE) -C x`
export const RE_MAKEFILE_LINE =
  /^(?:(?:obj|lib|ccflags|asflags|ldflags|subdir-ccflags|hostprogs|always|targets|clean-files|[\w-]{1,100}-(?:y|m|objs))(?:-\$\(CONFIG_[A-Z0-9_]{1,100}\)|-[ym])?[ \t]*[:+?]?=[ \t]|(?:KBUILD_\w{1,50}|CFLAGS_[\w.]{1,100}|LDFLAGS\w{0,20})[ \t]*[:+?]?=[ \t]|\.PHONY:|ifeq \(|ifneq \(|ifdef [A-Z]|endif$|include \$\(|\t\$\([A-Z_]{1,40}\)|\t@)/;
// A make rule: `all: foo`, `foo: foo.c`, `$(obj)/%.o: $(src)/%.c FORCE`, `clean::`, `clean:`.
// The target is a file name or a lower-case word, not `Note: see`.
export const RE_MAKE_RULE =
  /^(?:[a-z_.$%(/][\w./$()%-]{0,200})(?: [\w./$()%-]{1,200}){0,20} ?::?(?: {1,8}[\w./$()%{}-]{1,200}(?: {1,8}[\w./$()%{}-]{1,200}){0,50})?\s*$/;
// A recipe line: a tab, then what a recipe runs: `\t$(CC) -o $@ $<`, `\t@echo done`,
// `\t-rm -f *.o`, `\tgcc -O2 -o foo foo.c` (a command word, then its arguments: `\tcp = x;` is C)
export const RE_MAKE_RECIPE =
  /^\t(?:[@-]|\$[({]|(?:gcc|cc|clang|ld|ar|as|rm|cp|mv|ln|install|mkdir|echo|printf|touch|sed|awk|cat|make|python3?|sh|bash|perl|objcopy|objdump|strip|tar|gzip|xz|cd) (?=[-\w$"'./@~{*]))/;
// Devicetree: `compatible = "arm,foo";`, `reg = <0x0 0x1000>;`, `&uart0 {`, `/dts-v1/;`, `status = "okay";`
export const RE_DTS_LINE =
  /^[ \t]*(?:\/dts-v1\/;|\/ \{|&[\w-]{1,100} \{|[\w-]{1,100}(?:@[0-9a-f]{1,16})? \{$|[\w,#-]{1,100} = (?:<[^>]{0,500}>|"[^"]{0,500}")(?:, ?(?:<[^>]{0,500}>|"[^"]{0,500}")){0,50};$)/;
// Shell script constructs no prose has: a loop or test opened on one line (`for f in *.patch;
// do`, `while read -r line; do`, `if [ -f "$f" ]; then`, `case "$1" in`), a command
// substitution or a quoted expansion assigned (`out=$(git describe)`, `dir="${1:-.}"`)
export const RE_SH_STATEMENT =
  /^[ \t]*(?:(?:for \w{1,40} in|while|until|if|elif) .{1,300}; ?(?:do|then)$|case .{1,200} in$|[A-Za-z_]\w{0,60}=(?:\$\(|"\$|\$\{|`))/;
// A shell script shebang or construct: `#!/bin/bash`, `fi`, `then`, `done`, `for p in a b; do`
export const RE_SH_SCRIPT_LINE =
  /^[ \t]*(?:#! ?\/(?:usr\/)?bin\/(?:env )?(?:ba|da|z)?sh\b|fi$|then$|done$|esac$|do$|if \[\[? |while \[\[? |for \w{1,40} in \S|set -[euxo]|export [A-Z_]{1,100}=)/;
