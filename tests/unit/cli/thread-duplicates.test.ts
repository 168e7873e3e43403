import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const message = (body: string, extra: string[] = []) =>
  [
    'From a@example.org Mon Jan  1 00:00:00 2024',
    'From: A <a@example.org>',
    'Date: Mon, 1 Jan 2024 00:00:00 +0000',
    'Subject: same id',
    'Message-ID: <same@x>',
    ...extra,
    '',
    body,
    '',
  ].join('\n');

describe('threadlight thread --json', () => {
  it('tells apart messages that reuse one Message-ID with other content', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-cli-dup-'));
    const mbox = path.join(dir, 'dups.mbox');
    fs.writeFileSync(mbox, [message('first'), message('second'), message('first')].join('\n'));
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin/threadlight.mjs'), 'thread', mbox, '--json'],
      {
        encoding: 'utf8',
      },
    );
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(0);
    const { threads } = JSON.parse(r.stdout) as {
      threads: { messageId: string; duplicate?: number; children: unknown[] }[];
    };
    // The identical third copy is read once; the second content is duplicate 1.
    const nodes = threads.flatMap(function all(n): { messageId: string; duplicate?: number }[] {
      return [n, ...(n.children as typeof threads).flatMap(all)];
    });
    expect(nodes.map((n) => [n.messageId, n.duplicate])).toEqual([
      ['same@x', undefined],
      ['same@x', 1],
    ]);
  });
});
