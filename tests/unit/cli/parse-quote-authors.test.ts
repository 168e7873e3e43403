/**
 * `parse --json` credits unattributed quotes from the thread whatever the file order:
 * lore exports are in arrival order, so a reply often comes before its parent.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const THREAD = path.join(ROOT, 'tests/fixtures/conversation/new-sparse-release.mbox');
// Luc's reply opens with `> Hi Luc,`: no attribution names the quote; its parent,
// Jeff's ping, comes just before it in the fixture.
const LUC_REPLY = '20210831125848.mqkudmaz4innkst4@mail';

interface ParsedSegment {
  depth: number;
  author?: { name: string; date?: string };
}

function parseJson(file: string): { messageId: string; segments: ParsedSegment[] }[] {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/threadlight.mjs'), 'parse', file], {
    encoding: 'utf8',
    cwd: ROOT,
  });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout).messages;
}

/** The fixture's messages in reverse order: every reply before its parent. */
function reversedCopy(): string {
  // latin1 keeps every byte as it is (the fixture is not all UTF-8).
  const text = fs.readFileSync(THREAD, 'latin1');
  const parts = text.split(/^(?=From mboxrd@z )/m).filter((p) => p !== '');
  expect(parts).toHaveLength(5);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-parse-order-'));
  const file = path.join(dir, 'reversed.mbox');
  fs.writeFileSync(file, parts.reverse().join(''), 'latin1');
  return file;
}

const quoteAuthor = (messages: ReturnType<typeof parseJson>) =>
  messages.find((m) => m.messageId === LUC_REPLY)!.segments.find((s) => s.depth === 1)?.author;

describe('parse --json quote authors', () => {
  it('fills the author of a quote whose parent comes later in the file', () => {
    const messages = parseJson(reversedCopy());
    // Written in file order: the reply first.
    expect(messages[0]!.messageId).toBe(LUC_REPLY);
    expect(quoteAuthor(messages)).toEqual({
      name: 'Jeff Layton',
      date: '2021-08-31T12:51:43.000Z',
    });
  });

  it('gives the same authors in file order and reversed', () => {
    const forward = parseJson(THREAD);
    const reversed = parseJson(reversedCopy());
    expect(quoteAuthor(forward)).toEqual(quoteAuthor(reversed));
    const byId = new Map(reversed.map((m) => [m.messageId, m.segments]));
    for (const m of forward) expect(byId.get(m.messageId)).toEqual(m.segments);
  });
});
