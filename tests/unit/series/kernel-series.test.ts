import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { assembleSeries } from '@/lib/series/assemble-series';
import { seriesJson } from '@/lib/series/series-json';
import { seriesReportMbox } from '@/lib/series/series-mbox-of';
import { versionChangelogs } from '@/lib/series/version-changelog';
import { openStore } from '@/lib/store/open-store';
import type { Store } from '@/lib/store/store';
import { BACKENDS, freshLocation } from '../../support/backends';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import { main } from '@/cli/main';
import { FIXTURES, fixtureListStore } from './fixtures';

// Real linux-sparse threads (trimmed, see tests/fixtures/series/README.md): the compiler
// context analysis series in v3 ("Capability-" analysis) and v5 (renamed "Context-"), and
// overflows_type() in v2 (Kees Cook) and v3–v5 (Gwan-gyeong Mun), all threaded under v2.
const V3 = 'sparse-thread-capability-analysis-v3-syzbot-oops.mbox';
const V5 = 'sparse-thread-context-analysis-v5.mbox';
const OVERFLOWS = 'sparse-thread-overflows-type.mbox';
const v3 = (n: number) => `20250918140451.1289454-${n + 1}-elver@google.com`;
const v5 = (n: number) => `20251219154418.3592607-${n + 1}-elver@google.com`;
const EMBEDDED_PATCH_REPLY = 'aWHGJA8imMgELQrA@elver.google.com';
const BART = {
  kind: 'reviewed-by',
  name: 'Bart Van Assche',
  address: 'bvanassche@acm.org',
  value: 'Bart Van Assche <bvanassche@acm.org>',
  from: 'reply',
};

describe.each(BACKENDS)(
  'a real kernel series renamed between versions (context analysis v3, v5) (%s)',
  (backend) => {
    let store: Store;
    beforeEach(async () => {
      store = await fixtureListStore('linux-sparse', [V3, V5], backend);
    });
    afterEach(() => store.close());
    const report = async (id: string) =>
      (await assembleSeries(store.seriesSource('linux-sparse'), id))!;

    it('gives v5 as one unit: cover, 36 parts in order, none missing, linked to v3', async () => {
      for (const id of [v5(0), v5(17), EMBEDDED_PATCH_REPLY]) {
        const json = seriesJson(await report(id));
        expect(json).toMatchObject({
          subject: 'Compiler-Based Context- and Locking-Analysis',
          version: 5,
          total: 36,
          cover: { messageId: v5(0) },
          missing: [],
          versions: [
            { version: 3, messageId: v3(0) },
            { version: 5, messageId: v5(0) },
          ],
        });
        expect(json.parts.map((p) => p.number)).toEqual(
          Array.from({ length: 36 }, (_, i) => i + 1),
        );
        expect(json.parts.map((p) => p.messageId)).toEqual(json.parts.map((p) => v5(p.number)));
      }
      expect((await report(v5(0))).newer).toBeNull();
    });

    it('collects Bart’s Reviewed-by from his replies to parts 12, 16, 18 and 21, and nothing else', async () => {
      const json = seriesJson(await report(v5(0)));
      const fromReplies = json.parts
        .map((p) => [p.number, p.trailers.filter((t) => t.from === 'reply')] as const)
        .filter(([, t]) => t.length > 0);
      expect(fromReplies).toEqual([
        [12, [BART]],
        [16, [BART]],
        [18, [BART]],
        [21, [BART]],
      ]);
    });

    it('takes no trailers from the patch Marco’s reply to 10/36 carries (also not in the mbox)', async () => {
      const r = await report(v5(10));
      const ten = r.parts.find((p) => p.number === 10)!;
      expect(ten.replies.map((m) => m.messageId)).toContain(EMBEDDED_PATCH_REPLY);
      expect(ten.trailers.filter((t) => t.from === 'reply')).toEqual([]);
      const mbox = seriesReportMbox(r);
      expect(mbox).not.toContain('57062131-e79e-42c2-aa0b-8f931cb8cac2@acm.org');
      const patch10 = mbox.split('\nSubject: ').find((e) => e.startsWith('[PATCH v5 10/36]'))!;
      expect(patch10.slice(0, patch10.indexOf('\n---\n'))).not.toMatch(/Reported-by|Link:/);
    });

    it('says v3 has a newer version, v5, though its subject changed', async () => {
      const r = await report(v3(4));
      expect(seriesJson(r)).toMatchObject({
        subject: 'Compiler-Based Capability- and Locking-Analysis',
        version: 3,
        total: 35,
        missing: [],
        versions: [
          { version: 3, messageId: v3(0) },
          { version: 5, messageId: v5(0) },
        ],
      });
      expect(r.parts).toHaveLength(35);
      expect(r.newer).toMatchObject({ version: 5, messageId: v5(0) });
    });

    it('lists each version’s changelog: the cover’s v5/v4/v3/v2 sections and the patches’ notes', async () => {
      const r = await report(v5(0));
      expect(r.coverChangelog.map((s) => [s.heading, s.version])).toEqual([
        ['v5:', 5],
        ['v4', 4],
        ['v3', 3],
        ['v2', 2],
      ]);
      const changelogs = await versionChangelogs(store.seriesSource('linux-sparse'), r);
      expect([...changelogs.keys()]).toEqual([v3(0), v5(0)]);
      const older = changelogs.get(v3(0))!;
      expect(older.cover.map((s) => s.heading)).toEqual(['v3:', 'v2']);
      // v3's patches keep notes under `---` too: 2/35 for v3 and v2.
      expect(older.parts.find((p) => p.number === 2)!.notes.map((s) => s.heading)).toEqual([
        'v3:',
        'v2:',
      ]);
      expect(changelogs.get(v5(0))!.parts.find((p) => p.number === 10)).toMatchObject({
        subject: "[PATCH v5 10/36] locking/mutex: Support Clang's context analysis",
        notes: [
          { heading: 'v5:', version: 5 },
          { heading: 'v4:', version: 4 },
          { heading: 'v3:', version: 3 },
        ],
      });
    });
  },
);

describe.each(BACKENDS)(
  'a real single patch re-rolled by another author (overflows_type v2–v5) (%s)',
  (backend) => {
    const ids = {
      2: '20220926191109.1803094-1-keescook@chromium.org',
      3: '20221013064956.1548741-1-gwan-gyeong.mun@intel.com',
      4: '20221021083333.646269-1-gwan-gyeong.mun@intel.com',
      5: '20221024201125.1416422-1-gwan-gyeong.mun@intel.com',
    };

    it('links v2 → v3 → v4 → v5 from any of them, and marks the older ones', async () => {
      const store = await fixtureListStore('linux-sparse', [OVERFLOWS], backend);
      const versions = Object.entries(ids).map(([v, messageId]) => ({ version: +v, messageId }));
      for (const [v, id] of Object.entries(ids)) {
        const r = (await assembleSeries(store.seriesSource('linux-sparse'), id))!;
        expect(seriesJson(r)).toMatchObject({
          subject: 'overflow: Introduce overflows_type() and castable_to_type()',
          version: +v,
          total: 1,
          cover: null,
          missing: [],
          versions,
        });
        expect(r.newer?.messageId ?? null).toBe(v === '5' ? null : ids[5]);
      }
      const v2 = (await assembleSeries(store.seriesSource('linux-sparse'), ids[2]))!;
      expect(v2.parts[0]!.trailers.filter((t) => t.kind !== 'cc').map((t) => t.label)).toEqual([
        'Co-developed-by',
        'Signed-off-by',
        'Signed-off-by',
      ]);
      // Nick's and Kees's replies are v2's discussion; v3's review never counts for v2.
      expect(v2.parts[0]!.replies.map((m) => m.messageId)).toEqual([
        'CAKwvOdmCjAQpaF40VStbFNf1ZqmTxTTZzy2v4TwSF0LVO08GYw@mail.gmail.com',
        '202209261405.619441AC2F@keescook',
      ]);
      const v5 = (await assembleSeries(store.seriesSource('linux-sparse'), ids[5]))!;
      expect(v5.parts[0]!.notes.map((s) => s.heading)).toEqual(['v5', 'v4:', 'v3:', 'v2:', 'v1']);
      await store.close();
    });
  },
);

describe.each(BACKENDS)('threadlight series --json on a real kernel series (%s)', (backend) => {
  let location: string;
  let out: string;
  beforeEach(async () => {
    location = await freshLocation(backend);
    const store = await openStore(location);
    await importStream(
      store,
      'linux-sparse',
      readSources([V3, V5].map((n) => path.join(FIXTURES, n))),
    );
    await store.close();
    out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  it('prints v3 with both versions, and v5’s part 10 without the embedded patch’s trailers', async () => {
    expect(await main(['series', v3(0), '--db', location, '--json'])).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      version: 3,
      total: 35,
      cover: { messageId: v3(0) },
      versions: [
        { version: 3, messageId: v3(0) },
        { version: 5, messageId: v5(0) },
      ],
    });
    out = '';
    expect(await main(['series', `<${v5(10)}>`, '--db', location, '--json'])).toBe(0);
    const ten = JSON.parse(out).parts[9];
    expect(ten).toEqual({
      number: 10,
      messageId: v5(10),
      subject: "[PATCH v5 10/36] locking/mutex: Support Clang's context analysis",
      trailers: [
        {
          kind: 'signed-off-by',
          name: 'Marco Elver',
          address: 'elver@google.com',
          value: 'Marco Elver <elver@google.com>',
          from: 'patch',
        },
      ],
    });
  });
});
