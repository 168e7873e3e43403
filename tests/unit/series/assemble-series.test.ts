import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { assembleSeries } from '@/lib/series/assemble-series';
import { seriesJson } from '@/lib/series/series-json';
import { openStore } from '@/lib/store/open-store';
import { BACKENDS, freshLocation, type BackendName } from '../../support/backends';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import { main } from '@/cli/main';
import { FIXTURES, fixtureStore } from './fixtures';

const json = async (backend: BackendName, name: string, id: string) => {
  const store = await fixtureStore([name], backend);
  const report = await assembleSeries(store.seriesSource(name), id);
  await store.close();
  return report && seriesJson(report);
};

const SOB = {
  kind: 'signed-off-by',
  name: 'Konstantin Ryabitsev',
  address: 'konstantin@linuxfoundation.org',
  value: 'Konstantin Ryabitsev <konstantin@linuxfoundation.org>',
  from: 'patch',
};
const COVER_REVIEW = {
  kind: 'reviewed-by',
  name: 'Cover Upper',
  address: 'cover.upper@example.org',
  value: 'Cover Upper <cover.upper@example.org>',
  from: 'reply',
};
const id = (n: number) => `20221025-test1-v1-${n}-e4f28f57990c@linuxfoundation.org`;

describe.each(BACKENDS)('assembleSeries (from the database) (%s)', (backend) => {
  it('gives the structure and trailers of a real series, from any of its messages', async () => {
    const name = 'b4-trailers-thread-with-cover-followup.mbox';
    const expected = {
      subject: 'This is a cover for test series 1',
      version: 1,
      total: 4,
      cover: { messageId: id(0) },
      parts: [
        {
          number: 1,
          messageId: id(1),
          subject: '[PATCH 1/4] Remove line 2 from file2',
          trailers: [SOB, COVER_REVIEW],
        },
        {
          number: 2,
          messageId: id(2),
          subject: '[PATCH 2/4] Add more lines to file 1',
          trailers: [SOB, COVER_REVIEW],
        },
        {
          number: 3,
          messageId: id(3),
          subject: '[PATCH 3/4] Add some paragraphs to lipsum',
          trailers: [SOB, COVER_REVIEW],
        },
        {
          number: 4,
          messageId: id(4),
          subject: '[PATCH 4/4] Minor typo changes imitation',
          trailers: [
            SOB,
            {
              kind: 'tested-by',
              name: 'Follow Upper',
              address: 'follow.upper@example.org',
              value: 'Follow Upper <follow.upper@example.org>',
              from: 'reply',
            },
            { kind: 'link', name: '', address: '', value: 'https://example.org', from: 'reply' },
            {
              kind: 'closes',
              name: '',
              address: '',
              value: 'https://example.org/bug/1234',
              from: 'reply',
            },
            COVER_REVIEW,
          ],
        },
      ],
      missing: [],
      versions: [{ version: 1, messageId: id(0) }],
    };
    expect(await json(backend, name, id(0))).toEqual(expected);
    expect(await json(backend, name, id(3))).toEqual(expected);
    expect(await json(backend, name, 'fwup1@example.org')).toEqual(expected);
  });

  it('links v2 and v3 and leaves mismatched tags out (b4 partial-reroll)', async () => {
    const r = await json(
      backend,
      'b4-trailers-followup-partial-reroll.mbox',
      'patch-2-message@example.com',
    );
    expect(r!.versions).toEqual([
      { version: 2, messageId: 'cover-message@example.com' },
      { version: 3, messageId: 'patch-v3-2-message@example.com' },
    ]);
    expect(
      r!.parts.map((p) => p.trailers.filter((t) => t.from === 'reply').map((t) => t.value)),
    ).toEqual([
      ['Coverletter Reviewer1 <followup-reviewer1@example.com>'],
      // One address under two names: two trailers, as b4 keeps them.
      [
        'Followup Reviewer1 <followup-reviewer1@example.com>',
        'Coverletter Reviewer1 <followup-reviewer1@example.com>',
      ],
    ]);
    const v3 = await json(
      backend,
      'b4-trailers-followup-partial-reroll.mbox',
      'patch-v3-2-message@example.com',
    );
    expect(v3).toMatchObject({ version: 3, total: 2, cover: null, missing: [1] });
    expect(v3!.parts.map((p) => p.number)).toEqual([2]);
  });

  it('finds unthreaded siblings in other threads, and nothing for a non-series message', async () => {
    const name = 'pw-base-no-references-no-cover.mbox';
    const r = await json(backend, name, '3bb44d92-b2ff-e197-4bdf-ec6d588d6dab@linux.vnet.ibm.com');
    expect(r).toMatchObject({
      subject: 'powerpc/dlpar: Correct display of hot-add/hot-remove CPUs and memory',
      cover: { messageId: '790af26b-7055-7997-2080-f967aef2d26d@linux.vnet.ibm.com' },
      missing: [],
    });
    expect(r!.parts.map((p) => p.messageId)).toEqual([
      '4a1bec9a-d3d2-c0bd-3956-e6e402be334c@linux.vnet.ibm.com',
      '3bb44d92-b2ff-e197-4bdf-ec6d588d6dab@linux.vnet.ibm.com',
    ]);
    expect(await json(backend, name, 'unknown@x')).toBeNull();
  });

  it('links versions across threads of the list', async () => {
    const r = await json(
      backend,
      'pw-revision-basic.mbox',
      '1473632524-8585-2-git-send-email-stephenfinucane@gmail.com',
    );
    expect(r!.versions).toEqual([
      { version: 1, messageId: '1473632524-8585-1-git-send-email-stephenfinucane@gmail.com' },
      { version: 2, messageId: '1473632795-9971-1-git-send-email-stephenfinucane@gmail.com' },
    ]);
  });
});

describe.each(BACKENDS)('threadlight series --json (%s)', (backend) => {
  let location: string;
  let out: string;
  beforeEach(async () => {
    location = await freshLocation(backend);
    const store = await openStore(location);
    await importStream(
      store,
      'b4',
      readSources([path.join(FIXTURES, 'b4-trailers-followup-with-cover.mbox')]),
    );
    await store.close();
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints the series of any message, finding the list itself', async () => {
    expect(
      await main(['series', '<patch-2-message@example.com>', '--db', location, '--json']),
    ).toBe(0);
    const r = JSON.parse(out);
    expect(r).toMatchObject({
      subject: 'Simple cover',
      version: 2,
      total: 2,
      cover: { messageId: 'cover-message@example.com' },
      missing: [],
      versions: [{ version: 2, messageId: 'cover-message@example.com' }],
    });
    expect(r.parts[1].trailers.slice(-2)).toEqual([
      {
        kind: 'reviewed-by',
        name: 'Followup Reviewer1',
        address: 'followup-reviewer1@example.com',
        value: 'Followup Reviewer1 <followup-reviewer1@example.com>',
        from: 'reply',
      },
      {
        kind: 'reviewed-by',
        name: 'Coverletter Reviewer1',
        address: 'followup-reviewer1@example.com',
        value: 'Coverletter Reviewer1 <followup-reviewer1@example.com>',
        from: 'reply',
      },
    ]);
  });

  it('exits 1 for a message in no series', async () => {
    expect(await main(['series', 'nope@x', '--db', location, '--json'])).toBe(1);
    expect(out).toBe('');
  });
});
