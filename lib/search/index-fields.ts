import type { Address, Attachment, Segment } from '../types';
import { appendAll } from '../append-all';

/** What one message contributes to each column of the full-text index. */
export interface IndexFields {
  subject: string;
  sender: string;
  toAddr: string;
  ccAddr: string;
  /** The sender's own words (depth-0 lines) and text attachments such as patches. */
  bodyOwn: string;
  /** Quoted lines: searchable, but ranked far below own words (bm25 weight 0.2). */
  bodyQuoted: string;
}

/**
 * Snippet markers: private-use code points, so they cannot collide with what the UI
 * splits on... provided mail never contains them, which is why they are removed from
 * everything indexed.
 */
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';
const RE_MARKERS = /[\uE000\uE001]/g;

const clean = (text: string) => text.replace(RE_MARKERS, ' ');
const addresses = (list: readonly Address[]) => list.map((a) => `${a.name} ${a.address}`).join(' ');

/**
 * Split a message into index columns. Migration 3 computes the same text in SQL for
 * messages stored before the index existed; a test checks they agree.
 */
export function indexFields(
  m: {
    subject: string;
    from: Address;
    to: readonly Address[];
    cc: readonly Address[];
    attachments: readonly Attachment[];
  },
  segments: readonly Segment[],
): IndexFields {
  const own: string[] = [];
  const quoted: string[] = [];
  for (const s of segments) appendAll(s.depth === 0 ? own : quoted, s.lines);
  const attached = m.attachments.flatMap((a) => (a.text === undefined ? [] : [a.text]));
  return {
    subject: clean(m.subject),
    sender: clean(`${m.from.name} ${m.from.address}`),
    toAddr: clean(addresses(m.to)),
    ccAddr: clean(addresses(m.cc)),
    bodyOwn: clean([own.join('\n'), ...attached].join('\n')),
    bodyQuoted: clean(quoted.join('\n')),
  };
}
