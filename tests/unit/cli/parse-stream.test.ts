/**
 * `parse --json` writes each window of messages as soon as it is credited: with a window
 * of one message, the first message is on stdout while the reader still waits for the
 * second (a big mbox never sits in memory).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '@/lib/types';
import type { MessageOrRejection } from '@/cli/load-messages';

const input = vi.hoisted(() => ({ release: () => {}, items: [] as unknown[] }));
vi.mock('@/cli/load-messages', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/cli/load-messages')>()),
  // Yields the first item, then waits until the test releases the rest.
  async *readMessages(): AsyncGenerator<MessageOrRejection> {
    const [first, ...rest] = input.items as MessageOrRejection[];
    yield first!;
    await new Promise<void>((resolve) => (input.release = resolve));
    yield* rest;
  },
}));
// A window of one message: each is written before the next is read.
vi.mock('@/lib/limits', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/limits')>()),
  MAX_PARSE_WINDOW_MESSAGES: 1,
}));
const { runParse } = await import('@/cli/commands/parse');

function message(id: string): Message {
  return {
    messageId: id,
    messageIdSynthetic: false,
    subject: `subject ${id}`,
    subjectInfo: { base: `subject ${id}`, isReply: false, tags: [] },
    from: { name: 'A', address: 'a@x' },
    to: [],
    cc: [],
    date: null,
    dateRaw: null,
    inReplyTo: null,
    references: [],
    body: `body ${id}`,
    attachments: [],
    warnings: [],
  };
}

afterEach(() => vi.restoreAllMocks());

describe('parse --json', () => {
  it('writes each message before the next one is read, in one JSON document', async () => {
    input.items = [
      { message: message('one@x') },
      { rejected: { source: 'f', position: 'message 2', reason: 'empty input (0 bytes)' } },
      { message: message('three@x') },
    ];
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const done = runParse(['f.mbox', '--json']);
    await vi.waitFor(() => expect(out).toContain('"messageId": "one@x"'));
    expect(out).not.toContain('three@x');
    input.release();
    expect(await done).toBe(1); // one entry was rejected
    const doc = JSON.parse(out);
    expect(doc.messages.map((m: { messageId: string }) => m.messageId)).toEqual([
      'one@x',
      'three@x',
    ]);
    expect(doc.rejected).toEqual([
      { source: 'f', position: 'message 2', reason: 'empty input (0 bytes)' },
    ]);
    expect(doc.messages[0].segments).toEqual([
      expect.objectContaining({ depth: 0, kind: 'prose', lines: ['body one@x'] }),
    ]);
  });
});
