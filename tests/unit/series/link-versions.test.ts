import { describe, expect, it } from 'vitest';
import type { Message } from '@/lib/types';
import { findSeries, groupSeries } from '@/lib/series/find-series';
import { linkVersions, linkedMessageIds, newerVersion } from '@/lib/series/link-versions';
import { loadFixture } from './fixtures';

const versionsOf = (messages: Message[], id: string) => {
  const target = findSeries(messages, id)!;
  const versions = linkVersions(target, groupSeries(messages));
  return {
    versions: versions.map((v) => `v${v.version} ${v.messageId}`),
    newer: newerVersion(versions, target),
  };
};

describe('linkVersions', () => {
  it('links v1 and v2 of the same subject and author (separate threads)', async () => {
    const messages = await loadFixture('pw-revision-basic.mbox');
    const fromV1 = versionsOf(
      messages,
      '1473632524-8585-3-git-send-email-stephenfinucane@gmail.com',
    );
    expect(fromV1.versions).toEqual([
      'v1 1473632524-8585-1-git-send-email-stephenfinucane@gmail.com',
      'v2 1473632795-9971-1-git-send-email-stephenfinucane@gmail.com',
    ]);
    expect(fromV1.newer?.version).toBe(2);
    const fromV2 = versionsOf(
      messages,
      '1473632795-9971-1-git-send-email-stephenfinucane@gmail.com',
    );
    expect(fromV2.versions).toEqual(fromV1.versions);
    expect(fromV2.newer).toBeNull();
  });

  it('links a partial re-roll threaded under the old patch (b4 partial-reroll)', async () => {
    const messages = await loadFixture('b4-trailers-followup-partial-reroll.mbox');
    expect(versionsOf(messages, 'patch-1-message@example.com').versions).toEqual([
      'v2 cover-message@example.com',
      'v3 patch-v3-2-message@example.com',
    ]);
  });

  it('does not link series of different subjects, and resends count as newer', async () => {
    const mixed = await loadFixture('pw-bugs-mixed-versions.mbox');
    expect(
      versionsOf(mixed, '1473632524-8585-2-git-send-email-stephenfinucane@gmail.com').versions,
    ).toEqual(['v1 1473632524-8585-2-git-send-email-stephenfinucane@gmail.com']);
    const resent = await loadFixture('pw-revision-unlabeled-noreferences.mbox');
    const r = versionsOf(resent, '1495516865-17019-1-git-send-email-xiaolou4617@gmail.com');
    expect(r.versions).toEqual([
      'v2 1495516865-17019-1-git-send-email-xiaolou4617@gmail.com',
      'v2 1495516865-17091-1-git-send-email-xiaolou4617@gmail.com',
    ]);
    expect(r.newer?.messageId).toBe('1495516865-17091-1-git-send-email-xiaolou4617@gmail.com');
  });

  it('follows an explicit "Link to v1" even when the subject changed', async () => {
    const [cover, patch] = await loadFixture('pw-revision-basic.mbox');
    const v2cover: Message = {
      ...cover!,
      messageId: 'v2-cover@x',
      subject: '[PATCH v2 0/1] A renamed series',
      subjectInfo: { ...cover!.subjectInfo },
      from: { name: 'Someone Else', address: 'else@x' },
      body: 'Changes in v2:\n- Link to v1: https://lore.kernel.org/r/' + cover!.messageId + '\n',
    };
    const v2patch: Message = {
      ...patch!,
      messageId: 'v2-patch@x',
      subject: '[PATCH v2 1/1] totally new',
      from: v2cover.from,
      inReplyTo: 'v2-cover@x',
      references: ['v2-cover@x'],
    };
    const all = [cover!, patch!, v2cover, v2patch];
    expect(versionsOf(all, 'v2-patch@x').versions).toEqual([
      `v1 ${cover!.messageId}`,
      'v2 v2-cover@x',
    ]);
  });
});

describe('linkedMessageIds', () => {
  it('reads Message-IDs from archive links', () => {
    expect(
      linkedMessageIds(
        'v1: https://lore.kernel.org/r/20240101-foo-v1-0-abc@kernel.org\n' +
          'see https://lore.kernel.org/netdev/a%2Bb@x.org/ and https://patch.msgid.link/c@d',
      ),
    ).toEqual(['20240101-foo-v1-0-abc@kernel.org', 'a+b@x.org', 'c@d']);
  });

  it('stays linear on hostile 1 MB link text', () => {
    const hostile = 'https://lore.kernel.org/r/'.repeat(40_000) + 'a'.repeat(1_000_000);
    expect(linkedMessageIds(hostile)).toEqual([]);
  });
});
