/**
 * How many quote boxes of real threads link to where they were first written (quote
 * provenance), and how many unattributed ones the thread names a writer for. Each file
 * is one thread mbox, read through the real pipeline (read → parse → segment), as the
 * thread page sees it. A directory (a maildir such as notmuch's lkml corpus) is one
 * archive: its messages are threaded (buildThreads) and each thread counted on its own,
 * the folder's row summing them. Prints a Markdown table; asserts nothing.
 *
 * Run: npx tsx bench/provenance-count.ts <mbox files or maildir folders...>
 * (docs/benchmarks.md has the figures for the linux-sparse and notmuch lkml corpora.)
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { readBuffer, readSources } from '../lib/import/read-sources';
import type { ReadItem } from '../lib/import/read-stream';
import { buildThreads } from '../lib/thread/build-threads';
import { flattenThread } from '../lib/thread/format-tree';
import { parseMessage } from '../lib/mail/parse-message';
import { segmentMessage } from '../lib/segments/segment-message';
import { buildQuoteTree, type QuoteBox } from '../lib/segments/quote-tree';
import { messageAnchor } from '../lib/anchors';
import { quoteBoxKey } from '../lib/quotes/quote-passages';
import {
  quoteAuthorsForThread,
  quoteOriginsForThread,
  type ProvenanceMessage,
} from '../lib/loaders/quote-origins';
import { formatTable } from './table';

interface Counts {
  messages: number;
  boxes: number;
  linked: number;
  unattributed: number;
  credited: number;
}

/** A message of a maildir archive, threadable. */
type Archived = ProvenanceMessage & {
  key: string;
  subject: string;
  date: string | null;
  references: string[];
};

async function readMessages(items: AsyncIterable<ReadItem>): Promise<Archived[]> {
  const messages: Archived[] = [];
  const copies = new Map<string, number>();
  for await (const item of items) {
    if ('problem' in item) continue;
    const parsed = await parseMessage(item);
    if (!parsed.ok) continue;
    const m = parsed.message;
    const dupIndex = copies.get(m.messageId) ?? 0;
    copies.set(m.messageId, dupIndex + 1);
    messages.push({
      ...m,
      key: `${m.messageId}#${dupIndex}`,
      dupIndex,
      segments: segmentMessage(m),
    });
  }
  return messages;
}

/** The threads of a maildir folder (or any directory readSources walks), one message list each. */
async function readArchive(dir: string): Promise<ProvenanceMessage[][]> {
  const forest = buildThreads(await readMessages(readSources([dir])));
  return forest.map((root) =>
    flattenThread([root]).flatMap(({ node }) => (node.missing ? [] : [node.message])),
  );
}

function count(messages: readonly ProvenanceMessage[]): Counts {
  const origins = quoteOriginsForThread(messages);
  const authors = quoteAuthorsForThread(messages, origins);
  const counts = { messages: messages.length, boxes: 0, linked: 0, unattributed: 0, credited: 0 };
  for (const m of messages) {
    const anchor = messageAnchor(m.messageId, m.dupIndex);
    const stack: QuoteBox[] = [buildQuoteTree(m.segments)];
    while (stack.length > 0) {
      const box = stack.pop()!;
      for (const item of box.children) if (item.type === 'quote') stack.push(item);
      if (box.depth === 0) continue;
      const key = quoteBoxKey(box);
      counts.boxes++;
      if (origins.get(anchor)?.has(key)) counts.linked++;
      if (box.author?.name) continue;
      counts.unattributed++;
      if (authors.get(anchor)?.has(key)) counts.credited++;
    }
  }
  return counts;
}

const add = (total: Counts, c: Counts) => {
  for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
};
const zero = (): Counts => ({ messages: 0, boxes: 0, linked: 0, unattributed: 0, credited: 0 });

const percent = (n: number, of: number) => (of === 0 ? '–' : `${Math.round((100 * n) / of)}%`);
const row = (name: string, c: Counts) => [
  name,
  String(c.messages),
  String(c.boxes),
  String(c.linked),
  percent(c.linked, c.boxes),
  String(c.unattributed),
  String(c.credited),
];

// No top-level await: package.json has no "type": "module", so tsx runs this as CJS.
async function main(files: string[]): Promise<void> {
  if (files.length === 0) {
    process.stderr.write(
      'usage: npx tsx bench/provenance-count.ts <mbox files or maildir folders...>\n',
    );
    process.exitCode = 2;
    return;
  }
  const total = zero();
  const rows: string[][] = [];
  for (const file of files) {
    if (statSync(file).isDirectory()) {
      const threads = await readArchive(file);
      const c = zero();
      for (const thread of threads) add(c, count(thread));
      rows.push(row(`${basename(file)}/ (${threads.length} threads)`, c));
      add(total, c);
      continue;
    }
    const c = count(await readMessages(readBuffer(readFileSync(file), file)));
    rows.push(row(basename(file), c));
    add(total, c);
  }
  rows.push(row('total', total));
  const header = ['thread', 'messages', 'quote boxes', 'linked', '%', 'unattributed', 'credited'];
  console.log(formatTable(header, rows));
}

void main(process.argv.slice(2));
