/**
 * How many quote boxes of real threads link to where they were first written (quote
 * provenance), and how many unattributed ones the thread names a writer for. Each file
 * is one thread mbox, read through the real pipeline (read → parse → segment), as the
 * thread page sees it. Prints a Markdown table; asserts nothing.
 *
 * Run: npx tsx bench/provenance-count.ts <mbox files...>
 * (docs/benchmarks.md has the figures for the linux-sparse corpus threads.)
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readBuffer } from '../lib/import/read-sources';
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

async function readThread(file: string): Promise<ProvenanceMessage[]> {
  const messages: ProvenanceMessage[] = [];
  const copies = new Map<string, number>();
  for await (const item of readBuffer(readFileSync(file), file)) {
    if ('problem' in item) continue;
    const parsed = await parseMessage(item);
    if (!parsed.ok) continue;
    const m = parsed.message;
    const dupIndex = copies.get(m.messageId) ?? 0;
    copies.set(m.messageId, dupIndex + 1);
    messages.push({ ...m, dupIndex, segments: segmentMessage(m) });
  }
  return messages;
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
    process.stderr.write('usage: npx tsx bench/provenance-count.ts <mbox files...>\n');
    process.exitCode = 2;
    return;
  }
  const total: Counts = { messages: 0, boxes: 0, linked: 0, unattributed: 0, credited: 0 };
  const rows: string[][] = [];
  for (const file of files) {
    const c = count(await readThread(file));
    rows.push(row(basename(file), c));
    for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
  }
  rows.push(row('total', total));
  const header = ['thread', 'messages', 'quote boxes', 'linked', '%', 'unattributed', 'credited'];
  console.log(formatTable(header, rows));
}

void main(process.argv.slice(2));
