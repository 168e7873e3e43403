/**
 * Property tests over random and mutated input (issue 8): the splitter, the reader and
 * the parser never throw; every message that goes into an import is stored or reported;
 * threading always yields a forest holding each message once; segments always give the
 * body's lines back.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importStream } from '../../../lib/import/import-stream';
import { readBuffer, type ReadItem } from '../../../lib/import/read-sources';
import { parseMessage } from '../../../lib/mail/parse-message';
import { splitMbox } from '../../../lib/mbox/split-mbox';
import { segmentBody } from '../../../lib/segments/segment-body';
import { BACKENDS, openFreshStore } from '../../support/backends';
import { buildThreads } from '../../../lib/thread/build-threads';
import type { ThreadInput, ThreadNode } from '../../../lib/types';

const SEED_MBOX = fs.readFileSync(
  path.join(import.meta.dirname, '../../fixtures/hostile/thread-cycles.mbox'),
);

/** One edit of a byte stream: what corruption, truncation and concatenation do to an mbox. */
const mutationArb = fc.oneof(
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.uint8Array({ maxLength: 40 }),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc
      .constantFrom(
        '\nFrom x Mon Jan  1 00:00:00 2024\n',
        '\n\n',
        '>From ',
        '\r\n',
        '--b1\n',
        '=?',
        '\0',
      )
      .map((s) => Buffer.from(s)),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 200 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);
type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

function mutate(input: Buffer, mutations: readonly Mutation[]): Buffer {
  let buf = input;
  for (const m of mutations) {
    const at = buf.length === 0 ? 0 : m.at % (buf.length + 1);
    if (m.op === 'flip' && at < buf.length) {
      buf = Buffer.from(buf);
      buf[at] = m.byte;
    } else if (m.op === 'insert') {
      buf = Buffer.concat([buf.subarray(0, at), m.bytes, buf.subarray(at)]);
    } else if (m.op === 'delete') {
      buf = Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.length)]);
    } else if (m.op === 'truncate') {
      buf = buf.subarray(0, at);
    }
  }
  return buf;
}

/** Random bytes, or the seed mbox mutated; either split into random chunks. */
const streamArb = fc
  .oneof(
    fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
    fc.array(mutationArb, { maxLength: 8 }).map((ms) => mutate(SEED_MBOX, ms)),
  )
  .chain((buf) =>
    fc
      .array(fc.nat({ max: buf.length }), { maxLength: 6 })
      .map((cuts) => ({ buf, chunks: chunk(buf, cuts) })),
  );

function chunk(buf: Buffer, cuts: number[]): Buffer[] {
  const points = [...new Set([0, ...cuts, buf.length])].sort((a, b) => a - b);
  return points.slice(1).map((end, i) => buf.subarray(points[i], end));
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('splitting, reading and parsing never throw', () => {
  it('splitMbox gives the same messages however the stream is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(streamArb, async ({ buf, chunks }) => {
        const whole = await collect(splitMbox([buf]));
        const chunked = await collect(splitMbox(chunks));
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('readBuffer yields only messages and problems', async () => {
    await fc.assert(
      fc.asyncProperty(streamArb, async ({ buf }) => {
        for (const item of await collect(readBuffer(buf, 'upload'))) {
          if ('problem' in item) expect(item.problem.reason).not.toBe('');
          else expect(item.raw.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parseMessage returns a message or a reason for any bytes', async () => {
    const rawArb = fc.oneof(
      fc.uint8Array({ maxLength: 1500 }).map((a) => Buffer.from(a)),
      fc.array(mutationArb, { maxLength: 8 }).map((ms) => mutate(SEED_MBOX.subarray(47, 400), ms)),
    );
    await fc.assert(
      fc.asyncProperty(rawArb, async (raw) => {
        const result = await parseMessage({ source: 's', position: 'p', raw, format: 'rfc822' });
        if (result.ok) expect(result.message.messageId).not.toBe('');
        else expect(result.reason).not.toBe('');
      }),
      { numRuns: 200 },
    );
  });
});

describe.each(BACKENDS)('importing (%s)', (backend) => {
  it('stores or reports every item that goes in', async () => {
    await fc.assert(
      fc.asyncProperty(streamArb, async ({ buf }) => {
        const items: ReadItem[] = await collect(readBuffer(buf, 'upload'));
        const db = await openFreshStore(backend);
        try {
          async function* replay() {
            yield* items;
          }
          const s = await importStream(db, 'prop', replay());
          expect(s.imported + s.duplicates + s.rejected.length).toBe(items.length);
          expect(await db.countMessages()).toBe(s.imported);
        } finally {
          await db.close();
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('threading', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'ghost1', 'ghost2'];
  const idArb = fc.constantFrom(...ids);
  const inputArb = fc
    .array(
      fc.record({
        messageId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
        inReplyTo: fc.option(idArb, { nil: null }),
        references: fc.array(idArb, { maxLength: 8 }),
        subject: fc.constantFrom('x', 'Re: x', 'y', ''),
        date: fc.option(fc.constantFrom('2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z'), {
          nil: null,
        }),
      }),
      { maxLength: 25 },
    )
    .map((ms): ThreadInput[] => ms.map((m, i) => ({ ...m, key: String(i) })));

  it('yields a forest with every message exactly once and no cycles', () => {
    fc.assert(
      fc.property(inputArb, (messages) => {
        const forest = buildThreads(messages);
        const seenNodes = new Set<ThreadNode>();
        const keys: string[] = [];
        const stack = [...forest];
        for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
          // A node reached twice would mean a cycle or a shared subtree.
          expect(seenNodes.has(n)).toBe(false);
          seenNodes.add(n);
          if (!n.missing) keys.push(n.message.key);
          else expect(n.children.length).toBeGreaterThan(0);
          stack.push(...n.children);
        }
        expect(keys.sort()).toEqual(messages.map((m) => m.key).sort());
      }),
      { numRuns: 1000 },
    );
  });
});

describe('segmenting', () => {
  const lineArb = fc.oneof(
    fc.constantFrom(
      '',
      '> quoted',
      '>> deeper',
      '> > spaced',
      '>',
      '| piped',
      'On Mon, 1 Jan 2024, Someone wrote:',
      'Someone <a@b.c> wrote:',
      '-- ',
      '[...]',
      '-----Original Message-----',
      'From: A <a@b.c>',
      'diff --git a/x b/x',
      '+added',
      '-removed',
      '@@ -1 +1 @@',
      '$ make',
      '[   1.234] oops',
      'int main(void) {',
      'Traceback (most recent call last):',
      'a continuation tail',
    ),
    fc.string({ maxLength: 80 }),
    fc.string({ maxLength: 10 }).map((s) => '>'.repeat(s.length * 10) + s),
  );

  it('gives every body line back once, in order, without its quote marker', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 40 }), (lines) => {
        const body = lines.join('\n');
        const raw = body.split(/\r?\n/);
        const segments = segmentBody(body, { name: 'Sender' });
        let at = 0;
        for (const s of segments) {
          expect(s.start).toBe(at);
          expect(s.lines.length).toBeGreaterThan(0);
          for (const text of s.lines) {
            const line = raw[at]!;
            // The text is the line minus a prefix made only of quote markers.
            expect(line.endsWith(text)).toBe(true);
            expect(line.slice(0, line.length - text.length)).toMatch(/^[>| \t]*$/);
            at++;
          }
        }
        expect(at).toBe(raw.length);
      }),
      { numRuns: 1000 },
    );
  });
});
