import { describe, expect, it } from 'vitest';
import { importStream } from '@/lib/import/import-stream';
import { readBuffer } from '@/lib/import/read-sources';
import type { Store } from '@/lib/store/store';
import { BACKENDS, openFreshStore } from '../../support/backends';

/** Make the store refuse one message, as a store limit or a corrupt row would. */
function refusePoison(store: Store): Store {
  const save = store.saveMessages.bind(store);
  store.saveMessages = async (listId, batch) => {
    if (batch.some((m) => m.message.messageId === 'poison@example.org')) {
      throw new Error('row too big');
    }
    return save(listId, batch);
  };
  return store;
}

const msg = (id: string) =>
  `From x@example.org Mon Jan  1 00:00:00 2024\nFrom: A <a@example.org>\nSubject: s\nDate: Mon, 1 Jan 2024 00:00:00 +0000\nMessage-ID: <${id}>\n\nbody\n\n`;

describe.each(BACKENDS)('importStream when the store throws (%s)', (backend) => {
  it('rejects only the message at fault, with the reason, and keeps its batch neighbours', async () => {
    const db = refusePoison(await openFreshStore(backend));
    const mbox = Buffer.from(
      msg('a@example.org') + msg('poison@example.org') + msg('b@example.org'),
    );
    const s = await importStream(db, 'test', readBuffer(mbox, 'mixed.mbox'));
    expect(s.imported).toBe(2);
    expect(s.rejected).toEqual([
      {
        source: 'mixed.mbox',
        position: expect.stringMatching(/^message 2/),
        reason: 'could not be stored: row too big',
      },
    ]);
    expect((await db.getLists())[0]!.messages).toBe(2);
    await db.close();
  });
});
