/**
 * A small deterministic LKML-like mbox generator, so `npm run bench` needs nothing outside
 * the repository. Threads interleave in arrival order; replies quote their parent (nested
 * quotes build up along a branch); some messages carry a patch, an oops log or a shell
 * session. One thread is made to hold BIG_THREAD messages, the "~200-message thread" that the
 * page benchmark opens. Output is mboxrd: body lines matching /^>*From / gain one '>'.
 */
import fs from 'node:fs';

export const BIG_THREAD = 200;

export interface GenOptions {
  messages: number;
  threads: number;
  seed: number;
}

// mulberry32: a tiny seeded PRNG, so the same options always give the same bytes.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the scheduler lock page cache driver memory fault kernel patch series fix regression ' +
  'race condition null pointer dereference refcount device tree binding irq handler ' +
  'allocation failure timeout mutex spinlock rcu callback buffer overflow firmware probe ' +
  'suspend resume clock regulator dma mapping barrier ordering warning splat bisect commit'
).split(' ');
const AREAS = ['mm', 'sched', 'net', 'x86', 'arm64', 'btrfs', 'ext4', 'usb', 'drm', 'kvm'];
const PEOPLE = ['Alice Liddell', 'Bob Kernel', 'Carol Maintainer', 'Dave Reviewer', 'Eve Tester'];

/** Write a generated mbox to `file`; returns the number of messages written. */
export function generateMbox(file: string, o: GenOptions): number {
  const rnd = prng(o.seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const threads = Math.max(1, Math.min(o.threads, o.messages));
  // Message k belongs to threads[k]; the big thread gets its share up front, then a shuffle.
  const big = o.messages >= 2 * BIG_THREAD ? BIG_THREAD : 0;
  const owner = Array.from({ length: o.messages }, (_, k) =>
    k < big ? 0 : 1 + Math.floor(rnd() * Math.max(1, threads - 1)),
  );
  for (let k = owner.length - 1; k > 0; k--) {
    const j = Math.floor(rnd() * (k + 1));
    [owner[k], owner[j]] = [owner[j]!, owner[k]!];
  }
  const seen = new Map<number, { mid: string; who: string; refs: string[]; body: string[] }[]>();
  const subjects = new Map<number, string>();
  const out = fs.openSync(file, 'w');
  const t0 = Date.UTC(2018, 3, 1);
  for (let k = 0; k < o.messages; k++) {
    const t = owner[k]!;
    const earlier = seen.get(t) ?? [];
    const parent = earlier.length ? earlier[Math.floor(rnd() * earlier.length)] : undefined;
    if (!parent) subjects.set(t, `[PATCH] ${pick(AREAS)}: ${words(5)}`);
    const mid = `${k}.${t}.bench@example.org`;
    const who = pick(PEOPLE);
    const body = ownText(rnd, pick, words, k);
    const quoted = parent
      ? [
          `On Mon, ${parent.who} wrote:`,
          ...parent.body.slice(0, 40).map((l) => (l ? `> ${l}` : '>')),
        ]
      : [];
    const lines = parent ? [...quoted, '', ...body] : body;
    const refs = parent ? [...parent.refs, parent.mid].slice(-20) : [];
    const date = new Date(t0 + k * 60_000).toUTCString().replace('GMT', '+0000');
    const head = [
      // public-inbox's own From_ line: readers split on /^From /, the rest is not read.
      'From mboxrd@z Thu Jan  1 00:00:00 1970',
      `From: ${who} <${who.split(' ')[0]!.toLowerCase()}@example.org>`,
      `To: linux-kernel@vger.example.org`,
      `Subject: ${parent ? 'Re: ' : ''}${subjects.get(t)}`,
      `Date: ${date}`,
      `Message-ID: <${mid}>`,
      ...(parent ? [`In-Reply-To: <${parent.mid}>`, `References: <${refs.join('> <')}>`] : []),
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
    ];
    const escaped = lines.map((l) => (/^>*From /.test(l) ? `>${l}` : l));
    fs.writeSync(out, [...head, ...escaped, '', ''].join('\n'));
    earlier.push({ mid, who, refs, body: lines.filter((l) => !l.startsWith('On Mon')) });
    seen.set(t, earlier);
  }
  fs.closeSync(out);
  return o.messages;
}

/** A message's own words: prose, and now and then a patch, an oops or a shell session. */
function ownText(
  rnd: () => number,
  pick: <T>(a: readonly T[]) => T,
  words: (n: number) => string,
  k: number,
): string[] {
  const lines = [`${words(12)}.`, `${words(10)}.`, ''];
  const r = rnd();
  if (r < 0.25) {
    const file = `${pick(AREAS)}/${pick(WORDS)}.c`;
    lines.push(`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`);
    lines.push(`@@ -${k % 900},6 +${k % 900},7 @@ static int ${pick(WORDS)}_probe(void)`);
    lines.push(
      '\tint ret;',
      `-\tret = ${pick(WORDS)}_init(dev);`,
      `+\tret = ${pick(WORDS)}_init(dev, 0);`,
    );
    lines.push('+\tif (ret)', '+\t\treturn ret;', '\treturn 0;', ' }');
  } else if (r < 0.4) {
    lines.push('[  123.456789] BUG: kernel NULL pointer dereference, address: 0000000000000008');
    lines.push(
      `[  123.456800] RIP: 0010:${pick(WORDS)}_work+0x2f/0x90`,
      '[  123.456810] Call Trace:',
    );
    lines.push(
      `[  123.456820]  ${pick(WORDS)}_fn+0x12/0x40`,
      '[  123.456830]  worker_thread+0x1c0/0x3c0',
    );
  } else if (r < 0.5) {
    lines.push(
      `$ git bisect start v4.${k % 20} v4.${(k % 20) + 1}`,
      '$ make -j8 && sudo make install',
    );
  }
  lines.push('', `${words(8)}.`, '', 'Thanks,', pick(PEOPLE).split(' ')[0]!);
  return lines;
}
