import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Message } from '@/lib/types';
import type { Series } from '@/lib/series/series-types';
import { findSeries, groupSeries } from '@/lib/series/find-series';
import { seriesSubject } from '@/lib/series/series-subject';
import { loadFixture } from './fixtures';

/** A series as one line: version, total, cover, parts by number, missing numbers. */
function show(s: Series): string {
  const short = (id: string) => id.replace(/-git-send-email-.*$|@.*$/, '');
  return [
    `v${s.version} /${s.total}`,
    `cover=${s.cover ? short(s.cover.messageId) : '-'}`,
    `parts=${s.parts.map((p) => `${p.number}:${short(p.message.messageId)}`).join(',')}`,
    `missing=${s.missing.join(',')}`,
    `"${s.subject}"`,
  ].join(' ');
}

const group = async (name: string) => groupSeries(await loadFixture(name)).map(show);

describe('seriesSubject', () => {
  it('reads the prefixes kernel lists use', () => {
    expect(seriesSubject('[PATCH net-next v2 3/5] net: foo')).toEqual({
      base: 'net: foo',
      isReply: false,
      isPatch: true,
      version: 2,
      part: 3,
      total: 5,
      tags: ['PATCH', 'net-next'],
    });
    expect(seriesSubject('[RFC PATCH] mm: bar')).toMatchObject({
      isPatch: true,
      version: 1,
      tags: ['RFC', 'PATCH'],
    });
    expect(seriesSubject('[net,v2,1/2] net: x')).toMatchObject({ version: 2, part: 1, total: 2 });
    expect(seriesSubject('[PATCH 0 of 2] hg')).toMatchObject({ part: 0, total: 2 });
    expect(seriesSubject('Re: [PATCH v3 0/7] x')).toMatchObject({ isReply: true, part: 0 });
    expect(seriesSubject('[GIT PULL] foo').isPatch).toBe(false);
  });
});

describe('groupSeries on real series', () => {
  it('groups a cover letter and its patches (b4 sample)', async () => {
    expect(await group('b4-trailers-thread-with-cover-followup.mbox')).toEqual([
      'v1 /4 cover=20221025-test1-v1-0-e4f28f57990c parts=1:20221025-test1-v1-1-e4f28f57990c,2:20221025-test1-v1-2-e4f28f57990c,3:20221025-test1-v1-3-e4f28f57990c,4:20221025-test1-v1-4-e4f28f57990c missing= "This is a cover for test series 1"',
    ]);
  });

  it('keeps v1 and v2 apart when v2 is threaded under v1', async () => {
    expect(await group('pw-revision-threaded-to-patch.mbox')).toEqual([
      'v1 /2 cover=1473632524-8585-1 parts=1:1473632524-8585-2,2:1473632524-8585-3 missing= "A sample series"',
      'v2 /2 cover=1473633142-10432-1 parts=1:1473633142-10432-2,2:1473633142-10432-3 missing= "A sample series"',
    ]);
  });

  it('groups by numbering, author and date when there are no References', async () => {
    expect(await group('pw-base-no-references-no-cover.mbox')).toEqual([
      'v1 /2 cover=790af26b-7055-7997-2080-f967aef2d26d parts=1:4a1bec9a-d3d2-c0bd-3956-e6e402be334c,2:3bb44d92-b2ff-e197-4bdf-ec6d588d6dab missing= "powerpc/dlpar: Correct display of hot-add/hot-remove CPUs and memory"',
    ]);
    // The same v2 posted twice an hour apart: two postings, not one series of four.
    expect(await group('pw-revision-unlabeled-noreferences.mbox')).toEqual([
      'v2 /2 cover=- parts=1:1495516865-17019-1,2:1495517379-18456-1 missing= "net: ieee802154: remove explicit set skb->sk"',
      'v2 /2 cover=- parts=1:1495516865-17091-1,2:1495517379-18465-1 missing= "net: ieee802154: remove explicit set skb->sk"',
    ]);
  });

  it('marks missing parts and keeps mixed versions apart', async () => {
    expect(await group('pw-bugs-mixed-versions.mbox')).toEqual([
      'v1 /2 cover=- parts=1:1473632524-8585-2 missing=2 "test: Add some lorem ipsum"',
      'v2 /2 cover=- parts=2:1473633055-10316-3 missing=1 "test: Convert to Markdown"',
    ]);
  });

  it('keeps a patch numbered past the total, and Mercurial numbering', async () => {
    expect(await group('pw-base-extra-patches.mbox')).toEqual([
      'v1 /2 cover=1473632524-8585-1 parts=1:1473632524-8585-2,2:1473632524-8585-3,3:1473632524-8585-4 missing= "A sample series"',
    ]);
    expect(await group('pw-mercurial-cover-letter.mbox')).toEqual([
      'v1 /2 cover=patchbomb.1485159385 parts=1:2fb3ae89e4e1992e9382.1485159386,2:b3d2e8cce78c04dbf6f2.1485159387 missing= "Sample Mercurial patches"',
    ]);
  });

  it('takes unversioned patches threaded under a versioned cover', async () => {
    expect(await group('pw-base-different-versions.mbox')).toEqual([
      'v3 /4 cover=20170613191725.26625-1-f.fainelli parts=1:20170613191725.26625-2-f.fainelli,2:20170613191725.26625-3-f.fainelli,3:20170613191725.26625-4-f.fainelli,4:20170613191725.26625-5-f.fainelli missing= "net: dsa: Multi-CPU ground work (v3)"',
    ]);
  });

  it('gives the same series for shuffled input (patches before their cover)', async () => {
    const messages = await loadFixture('pw-revision-threaded-to-patch.mbox');
    const expected = groupSeries(messages).map(show);
    expect(groupSeries(await loadFixture('pw-base-out-of-order.mbox')).map(show)).toEqual([
      'v1 /2 cover=1473632524-8585-1 parts=1:1473632524-8585-2,2:1473632524-8585-3 missing= "A sample series"',
    ]);
    fc.assert(
      fc.property(fc.shuffledSubarray(messages, { minLength: messages.length }), (shuffled) => {
        expect(groupSeries(shuffled as Message[]).map(show)).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});

describe('findSeries', () => {
  it('finds the series of a cover, a patch, or a reply to either', async () => {
    const messages = await loadFixture('b4-trailers-followup-partial-reroll.mbox');
    const key = (id: string) => findSeries(messages, id)?.key ?? null;
    expect(key('cover-message@example.com')).toBe('cover-message@example.com');
    expect(key('patch-2-message@example.com')).toBe('cover-message@example.com');
    expect(key('fwup-message-1@example.com')).toBe('cover-message@example.com');
    // The v3 of patch 2, threaded under v2's patch 2, is a series of its own.
    expect(key('patch-v3-2-message@example.com')).toBe('patch-v3-2-message@example.com');
    expect(key('no-such@example.com')).toBeNull();
  });
});
