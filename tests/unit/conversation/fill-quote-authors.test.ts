import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fillQuoteAuthors,
  inferQuoteAuthors,
  type ChainMessage,
} from '../../../lib/quotes/fill-quote-authors';
import { parentChain } from '../../../lib/quotes/parent-chain';
import { senderAuthor } from '../../../lib/segments/segment-message';
import type { ProvenanceMessage } from '../../../lib/loaders/quote-origins';
import { buildConversation } from '../../../lib/conversation/build-conversation';
import { readBuffer } from '../../../lib/import/read-sources';
import { parseMessage } from '../../../lib/mail/parse-message';
import type { Message, Segment } from '../../../lib/types';
import { creditWindow, withQuoteAuthors } from '../../../cli/quote-authors';
import { FIXTURES, mail, readThread } from './read-thread';

/** The message's parents in the thread, as fillQuoteAuthors takes them. */
function chainOf(message: ProvenanceMessage, thread: readonly ProvenanceMessage[]): ChainMessage[] {
  const byId = new Map(thread.map((m) => [m.messageId, m]));
  return parentChain(message, (id) => byId.get(id)).map((m) => ({
    ...m,
    sender: senderAuthor(m.from!, m.date ?? null),
  }));
}

const byId = (thread: readonly ProvenanceMessage[], id: string) =>
  thread.find((m) => m.messageId === id)!;

/** `depth author first-line` of every quoted segment. */
const quoted = (segments: ProvenanceMessage['segments']) =>
  segments
    .filter((s) => s.depth > 0)
    .map((s) => `${s.depth} ${s.author?.name ?? '-'} ${s.lines.find((l) => l.trim() !== '')}`);

describe('fillQuoteAuthors on a real linux-sparse thread (new sparse release)', async () => {
  const thread = await readThread('new-sparse-release.mbox');
  const LUC_REPLY = '20210831125848.mqkudmaz4innkst4@mail';
  const JEFF = 'Jeff Layton';

  it("credits Luc's unattributed quote of Jeff's ping to Jeff, with Jeff's date", () => {
    const reply = byId(thread, LUC_REPLY);
    // `> Hi Luc,` opens the message: no `... wrote:` line names the quote.
    expect(quoted(reply.segments)).toEqual(['1 - Hi Luc,']);
    const chain = chainOf(reply, thread);
    expect(chain.map((m) => m.sender.name)).toEqual([JEFF, JEFF, 'Luc Van Oostenryck', JEFF]);
    const filled = fillQuoteAuthors(reply.segments, chain);
    expect(filled.filter((s) => s.depth === 1).map((s) => s.author)).toEqual([
      { name: JEFF, address: 'jlayton@kernel.org', date: '2021-08-31T12:51:43.000Z' },
    ]);
    // The sender's own words keep their author; nothing else changes.
    expect(filled.filter((s) => s.depth === 0)).toEqual(
      reply.segments.filter((s) => s.depth === 0),
    );
    expect(inferQuoteAuthors(reply.segments, chain)).toEqual(new Map([['0:1', filled[0]!.author]]));
  });

  it('gives the conversation view two named turns in time order, not an unknown one', () => {
    const reply = byId(thread, LUC_REPLY);
    const turns = buildConversation(fillQuoteAuthors(reply.segments, chainOf(reply, thread)));
    expect(turns.map((t) => [t.depth, t.author?.name, t.author?.date])).toEqual([
      [1, JEFF, '2021-08-31T12:51:43.000Z'],
      // readThread segments the reply without a sender date; the page adds the message's own.
      [0, 'Luc Van Oostenryck', undefined],
    ]);
  });

  it('`parse` credits the quote from its parent wherever the parent sits in its window', async () => {
    const messages: Message[] = [];
    const file = join(FIXTURES, 'new-sparse-release.mbox');
    for await (const item of readBuffer(readFileSync(file), file)) {
      if ('problem' in item) throw new Error(item.problem.reason);
      const parsed = await parseMessage(item);
      if (parsed.ok) messages.push(parsed.message);
    }
    const authorIn = (out: readonly { message: Message; segments: Segment[] }[]) =>
      out.find((o) => o.message.messageId === LUC_REPLY)!.segments.find((s) => s.depth === 1)
        ?.author?.name;
    expect(authorIn(creditWindow(messages))).toBe(JEFF);
    expect(authorIn(creditWindow([...messages].reverse()))).toBe(JEFF);
    // Windows of one message: the parent is outside the reply's window, so not used.
    const windowed: { message: Message; segments: Segment[] }[] = [];
    async function* items() {
      for (const message of messages) yield { message };
    }
    for await (const item of withQuoteAuthors(items(), { messages: 1, chars: Infinity }))
      if ('message' in item) windowed.push(item);
    expect(windowed.map((o) => o.message.messageId)).toEqual(messages.map((m) => m.messageId));
    expect(authorIn(windowed)).toBeUndefined();
  });

  it('changes nothing where every quote is attributed', () => {
    for (const m of thread.filter((m) => m.messageId !== LUC_REPLY))
      expect(fillQuoteAuthors(m.segments, chainOf(m, thread))).toEqual(m.segments);
  });

  it('credits nothing without the parent', () => {
    const reply = byId(thread, LUC_REPLY);
    expect(fillQuoteAuthors(reply.segments, [])).toEqual(reply.segments);
  });
});

describe('fillQuoteAuthors on the of_get_property chain', async () => {
  const thread = await readThread('of-get-property-chain.mbox');

  it('keeps every attribution-given author, three levels deep included', () => {
    for (const m of thread) {
      const chain = chainOf(m, thread);
      expect(fillQuoteAuthors(m.segments, chain)).toEqual(m.segments);
      expect(inferQuoteAuthors(m.segments, chain).size).toBe(0);
    }
  });
});

describe('fillQuoteAuthors on quotes of text from outside the thread', async () => {
  // Nick's patch quotes two commit messages and the GCC manual; Nathan's reply quotes
  // the patch, so those quotes sit at depth 2 of the reply with no author anywhere.
  const thread = await readThread('objtool-quoted-docs.mbox');
  const PATCH = '20220114010526.1776605-1-ndesaulniers@google.com';
  const NATHAN = 'YeHx8qaHiJie3xdL@archlinux-ax161';
  // A made-up parent for the patch, so the chain reaches two levels up.
  const cover = mail('cover@example.org', ['A cover letter about something else entirely.']);
  const withCover = thread.map((m) =>
    m.messageId === PATCH ? { ...m, inReplyTo: cover.messageId } : m,
  );

  it('leaves the quoted documentation unattributed, even with messages d replies up', () => {
    const reply = byId(withCover, NATHAN);
    const chain = chainOf(reply, [...withCover, cover]);
    expect(chain.map((m) => m.messageId)).toEqual([PATCH, cover.messageId]);
    const filled = fillQuoteAuthors(reply.segments, chain);
    expect(quoted(filled).filter((row) => row.startsWith('2 '))).toEqual([
      "2 - 'volatile' is ignored for some reason and Clang feels free to move the",
      '2 - Under certain circumstances, GCC may duplicate (or remove duplicates',
      '2 - The inline asm ‘%=’ token could be used for that, but unfortunately',
    ]);
    expect(
      quoted(filled)
        .filter((row) => row.startsWith('1 '))
        .every((row) => row.startsWith('1 Nick Desaulniers')),
    ).toBe(true);
    const patch = byId(withCover, PATCH);
    expect(fillQuoteAuthors(patch.segments, chainOf(patch, [...withCover, cover]))).toEqual(
      patch.segments,
    );
  });
});

describe('inferQuoteAuthors rules', () => {
  const words = 'The register allocator spills here because the asm clobbers rcx.';

  it('prefers provenance: words first written by the grandparent are the grandparent’s', () => {
    const a = mail('a', [words]);
    const b = mail('b', ['On Mon, Sender of a wrote:', '> ' + words, '', 'Indeed.'], ['a']);
    const c = mail('c', ['> ' + words, '', 'Still true.'], ['a', 'b']);
    const authors = inferQuoteAuthors(c.segments, chainOf(c, [a, b, c]));
    expect(authors.get('0:1')?.name).toBe('Sender of a');
  });

  it("takes the writer a parent's own attribution names when the original is missing", () => {
    // b quoted a with an attribution; a is not in the archive; c quotes b's quote without it.
    const b = mail(
      'b',
      ['On Mon, May 7, 2018, Ann Original wrote:', '> ' + words, '', 'Agreed.'],
      ['a'],
    );
    const c = mail('c', ['> > ' + words, '>', '> Agreed.', '', 'Me too.'], ['a', 'b']);
    const chain = chainOf(c, [b, c]);
    expect(chain.map((m) => m.messageId)).toEqual(['b']);
    const filled = fillQuoteAuthors(c.segments, chain);
    expect(filled.map((s) => [s.depth, s.author?.name])).toEqual([
      [2, 'Ann Original'],
      [1, 'Sender of b'],
      [0, 'c'],
    ]);
  });

  it('credits a short quote to the parent only when the parent wrote it', () => {
    const a = mail('a', ['Thanks,', 'Ann']);
    const short = mail('b', ['> Thanks,', '', 'You are welcome.'], ['a']);
    expect(inferQuoteAuthors(short.segments, chainOf(short, [a, short])).get('0:1')?.name).toBe(
      'Sender of a',
    );
    const foreign = mail('c', ['> Segmentation fault', '', 'Same here.'], ['a']);
    expect(inferQuoteAuthors(foreign.segments, chainOf(foreign, [a, foreign])).size).toBe(0);
  });
});
