import { describe, expect, it } from 'vitest';
import type { Message } from '@/lib/types';
import { findSeries, groupSeries } from '@/lib/series/find-series';
import { linkVersions, linkedMessageIds, newerVersion } from '@/lib/series/link-versions';
import { loadFixture } from './fixtures';

/**
 * Copies of a real series (b4's four-patch sample) under new ids and subjects: `prefix`
 * replaces `[PATCH`, `rename(n)` gives part n a new subject (null keeps it), `cover`
 * replaces the cover letter's body.
 */
async function repost(
  tag: string,
  prefix: string,
  options: { coverSubject?: string; cover?: string; rename?: (n: number) => string | null } = {},
): Promise<Message[]> {
  const messages = await loadFixture('b4-trailers-thread-with-cover-followup.mbox');
  const id = (old: string) => `${tag}-${old}`;
  return messages
    .filter((m) => m.subject.startsWith('[PATCH'))
    .map((m, n) => {
      const renamed = n > 0 ? options.rename?.(n) : null;
      const base = m.subject.replace(/^\[PATCH (\d\/4)\] /, '');
      return {
        ...m,
        messageId: id(m.messageId),
        inReplyTo: m.inReplyTo && id(m.inReplyTo),
        references: m.references.map(id),
        subject: `[${prefix} ${n}/4] ${n === 0 ? (options.coverSubject ?? base) : (renamed ?? base)}`,
        body: n === 0 && options.cover !== undefined ? options.cover : m.body,
      };
    });
}

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

describe('linkVersions through changelogs', () => {
  // v2 and a renamed v3 sharing one of four patch subjects: too few for a subject match.
  const renamedV3 = (cover: string) =>
    repost('v3', 'PATCH v3', {
      coverSubject: 'A renamed series',
      cover,
      rename: (n) => (n === 2 ? null : `renamed patch ${n}`),
    });

  it('links a renamed v3 whose cover says only "Changes since v2:"', async () => {
    const v2 = await repost('v2', 'PATCH v2');
    const v3 = await renamedV3('Renamed.\n\nChanges since v2:\n- renamed everything\n');
    expect(versionsOf([...v2, ...v3], v3[0]!.messageId).versions).toEqual([
      `v2 ${v2[0]!.messageId}`,
      `v3 ${v3[0]!.messageId}`,
    ]);
    expect(versionsOf([...v2, ...v3], v2[3]!.messageId).newer?.messageId).toBe(v3[0]!.messageId);
  });

  it('does not link it without the note, or when no patch subject is shared', async () => {
    const v2 = await repost('v2', 'PATCH v2');
    const silent = await renamedV3('Renamed.\n');
    expect(versionsOf([...v2, ...silent], silent[0]!.messageId).versions).toEqual([
      `v3 ${silent[0]!.messageId}`,
    ]);
    const unrelated = await repost('v3', 'PATCH v3', {
      coverSubject: 'Another series',
      cover: 'Changes since v2:\n- everything\n',
      rename: (n) => `other patch ${n}`,
    });
    expect(versionsOf([...v2, ...unrelated], unrelated[0]!.messageId).versions).toEqual([
      `v3 ${unrelated[0]!.messageId}`,
    ]);
  });

  it('links real v3 and v5 by the v5 changelog when its archive links are gone', async () => {
    const v3 = await loadFixture('sparse-thread-capability-analysis-v3-syzbot-oops.mbox');
    const v5 = (await loadFixture('sparse-thread-context-analysis-v5.mbox')).map((m) => ({
      ...m,
      body: m.body.replace(/https?:\/\/lore\.kernel\.org\/\S*/g, ''),
    }));
    expect(
      versionsOf([...v3, ...v5], '20251219154418.3592607-1-elver@google.com').versions,
    ).toEqual([
      'v3 20250918140451.1289454-1-elver@google.com',
      'v5 20251219154418.3592607-1-elver@google.com',
    ]);
  });
});

describe('linkVersions across release branches', () => {
  it('keeps stable review series of different branches apart, though their patches match', async () => {
    const a = await repost('515', 'PATCH 5.15', { coverSubject: '5.15.100-rc1 review' });
    const b = await repost('61', 'PATCH 6.1', { coverSubject: '6.1.20-rc1 review' });
    const c = await repost('61rc2', 'PATCH 6.1', { coverSubject: '6.1.20-rc2 review' });
    const all = [...a, ...b, ...c];
    expect(versionsOf(all, a[1]!.messageId).versions).toEqual([`v1 ${a[0]!.messageId}`]);
    // The same branch's next review round is the newer posting.
    expect(versionsOf(all, b[1]!.messageId).versions).toEqual([
      `v1 ${b[0]!.messageId}`,
      `v1 ${c[0]!.messageId}`,
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
