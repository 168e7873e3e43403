import { describe, expect, it, vi } from 'vitest';
import type { Segment } from '@/lib/types';

// Count every call into the highlighter while keeping its real output.
const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('@/lib/highlight/highlight-block', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/highlight/highlight-block')>();
  return {
    ...real,
    highlightBlock: (...args: Parameters<typeof real.highlightBlock>) => {
      calls.n++;
      return real.highlightBlock(...args);
    },
  };
});

const { BACKENDS, openFreshStore } = await import('../../support/backends');
const { highlightMessages, linkContext } = await import('@/lib/loaders/highlight-segments');

const LOG: Segment = {
  kind: 'log',
  depth: 0,
  start: 0,
  lines: ['[    0.004000] RIP: 0010:irq_work_tick+0xaf/0x120', '[    0.004000] Call Trace:'],
};
const PROSE: Segment = { kind: 'prose', depth: 0, start: 2, lines: ['Thanks,'] };

describe.each(BACKENDS)('highlightMessages (%s)', (backend) => {
  it('highlights each block once, then serves every later request from the cache', async () => {
    const db = await openFreshStore(backend);
    calls.n = 0;
    const message = { segments: [LOG, PROSE], links: linkContext('Not tainted 4.14.0+') };
    const first = await highlightMessages(db, [message, message]);
    expect(calls.n).toBe(1); // one block, even when two messages carry it
    expect([...first.values()][0]![0]).toContain('--shiki-light');
    expect([...first.values()][0]![0]).toContain('https://elixir.bootlin.com/linux/v4.14/');
    calls.n = 0;
    const again = await highlightMessages(db, [message]);
    expect(calls.n).toBe(0);
    expect(again).toEqual(first);
    await db.close();
  });
});
