import type { Address, Author, Segment } from '../types';
import { segmentBody } from './segment-body';

/** The sender as the author of a message's own (depth-0) words. */
export function senderAuthor(from: Address, date: string | null): Author {
  return {
    name: from.name || from.address,
    ...(from.address ? { address: from.address } : {}),
    ...(date ? { date } : {}),
  };
}

/** Segments of a message, its sender authoring depth 0: the one way import, CLI and store do it. */
export function segmentMessage(m: { body: string; from: Address; date: string | null }): Segment[] {
  return segmentBody(m.body, senderAuthor(m.from, m.date));
}
