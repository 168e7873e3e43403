import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SqliteStore } from '@/lib/store/sqlite-store';
import type { Store } from '@/lib/store/store';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import { assembleSeries } from '@/lib/series/assemble-series';
import { seriesView, type LineTarget, type SeriesView } from '@/lib/series/series-view';
import { messageAnchor } from '@/lib/anchors';
import { parseThreadQuery } from '@/lib/thread-query';
import { SeriesOverview } from '@/components/series/series-overview';

const PATCH_ID = 'stable-1@example.org';
const REPLY_ID = 'stable-2@example.org';

/** A one-patch series: `Fixes:`, `Cc: stable`, a diff long enough to fold, and a review. */
function mbox(): string {
  const added = Array.from({ length: 70 }, (_, i) => `+\tline_${i}();`);
  return [
    'From mboxrd@z Thu Jan  1 00:00:00 1970',
    'From: Ann Author <ann@example.org>',
    'Subject: [PATCH 1/1] mm: fix the frobnicator',
    'Date: Tue, 30 Aug 2022 11:19:07 -0400',
    `Message-Id: <${PATCH_ID}>`,
    '',
    'The frobnicator leaks.',
    '',
    'Fixes: abcdef0123456 ("mm: add the frobnicator")',
    'Cc: stable@vger.kernel.org # 5.10+',
    'Signed-off-by: Ann Author <ann@example.org>',
    '---',
    ' mm/frob.c | 70 ++++++++++',
    ' 1 file changed, 70 insertions(+)',
    '',
    'diff --git a/mm/frob.c b/mm/frob.c',
    '--- a/mm/frob.c',
    '+++ b/mm/frob.c',
    '@@ -1 +1,71 @@',
    ' x',
    ...added,
    '',
    'From mboxrd@z Thu Jan  1 00:00:00 1970',
    'From: Rita Reviewer <rita@example.org>',
    'Subject: Re: [PATCH 1/1] mm: fix the frobnicator',
    'Date: Tue, 30 Aug 2022 12:19:07 -0400',
    `Message-Id: <${REPLY_ID}>`,
    `In-Reply-To: <${PATCH_ID}>`,
    '',
    'Looks right to me.',
    '',
    'Reviewed-by: Rita Reviewer <rita@example.org>',
    '',
  ].join('\n');
}

async function withSeries(run: (store: Store) => Promise<void> | void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-series-permalinks-'));
  const file = path.join(dir, 'stable.mbox');
  fs.writeFileSync(file, mbox());
  const store = SqliteStore.open(':memory:');
  try {
    await importStream(store, 'l', readSources([file]));
    await run(store);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function view(store: Store, env: Record<string, string> = {}): Promise<SeriesView> {
  const report = (await assembleSeries(store.seriesSource('l'), PATCH_ID))!;
  return seriesView({ list: 'l', report, changelogs: new Map(), env });
}

const html = (v: SeriesView, target?: LineTarget) =>
  renderToStaticMarkup(createElement(SeriesOverview, { view: v, ...(target ? { target } : {}) }));

/** The `?hl=` target as the page parses it from its query. */
const hl = (value: string) => parseThreadQuery(new URLSearchParams({ hl: value })).target!;

describe('series page links and marks', () => {
  it('links Fixes: to the configured git web (THREADLIGHT_GIT_WEB), as message bodies do', () =>
    withSeries(async (store) => {
      const gitWeb = 'https://github.com/torvalds/linux/commit/{sha}';
      const v = await view(store, { THREADLIGHT_GIT_WEB: gitWeb });
      const part = v.parts[0]!;
      expect(part.present && part.trailers.find((t) => t.kind === 'fixes')?.href).toBe(
        'https://github.com/torvalds/linux/commit/abcdef0123456',
      );
      expect(part.present && part.body?.links.gitWeb).toBe(gitWeb);
      expect(html(v)).toContain(
        '<a href="https://github.com/torvalds/linux/commit/abcdef0123456" rel="noopener nofollow ugc">abcdef0123456</a>',
      );
      // Unset: the default tree.
      const fallback = (await view(store)).parts[0]!;
      expect(fallback.present && fallback.trailers.find((t) => t.kind === 'fixes')?.href).toBe(
        'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=abcdef0123456',
      );
    }));

  it('marks a Cc: stable request, and only that trailer', () =>
    withSeries(async (store) => {
      const v = await view(store);
      const part = v.parts[0]!;
      expect(
        part.present && part.trailers.filter((t) => t.stable).map((t) => [t.label, t.value]),
      ).toEqual([['Cc', 'stable@vger.kernel.org # 5.10+']]);
      const rendered = html(v);
      expect(rendered.match(/class="tl-stable[^"]*"/g)).toHaveLength(1);
      expect(rendered).toMatch(
        /<li data-kind="cc" data-from="patch">.*?stable@vger\.kernel\.org # 5\.10\+ <span class="tl-stable[^"]*" title="[^"]*">stable<\/span><\/li>/,
      );
    }));
});

describe('series page ?hl= permalinks (rendered on the server, no JS needed)', () => {
  it('keeps long patches and reply texts folded without a target', () =>
    withSeries(async (store) => {
      const rendered = html(await view(store));
      expect(rendered).toMatch(/<details class="tl-patch[^"]*"><summary/);
      expect(rendered).toMatch(/<details class="tl-reply-text[^"]*"><summary/);
      expect(rendered).not.toContain('tl-hl');
    }));

  it('opens the folded patch holding the target and highlights its lines', () =>
    withSeries(async (store) => {
      const anchor = messageAnchor(PATCH_ID);
      const rendered = html(await view(store), hl(`${anchor}-L30-L31`));
      expect(rendered).toMatch(/<details class="tl-patch[^"]*" open=""><summary/);
      expect(rendered.match(/tl-hl/g)).toHaveLength(2);
      expect(rendered).toMatch(new RegExp(`id="${anchor}-L30" class="[^"]*tl-hl`));
      // The reply is not the target: it stays folded.
      expect(rendered).toMatch(/<details class="tl-reply-text[^"]*"><summary/);
    }));

  it('opens the folded reply holding the target, and no other', () =>
    withSeries(async (store) => {
      const anchor = messageAnchor(REPLY_ID);
      const rendered = html(await view(store), hl(`${anchor}-L1`));
      expect(rendered).toMatch(/<details class="tl-reply-text[^"]*" open=""><summary/);
      expect(rendered).toMatch(/<details class="tl-patch[^"]*"><summary/);
      expect(rendered).toMatch(new RegExp(`id="${anchor}-L1" class="[^"]*tl-hl`));
    }));

  it('ignores a target in a message that is not on the page', () =>
    withSeries(async (store) => {
      const rendered = html(await view(store), hl(`${messageAnchor('elsewhere@example.org')}-L1`));
      expect(rendered).toMatch(/<details class="tl-patch[^"]*"><summary/);
      expect(rendered).toMatch(/<details class="tl-reply-text[^"]*"><summary/);
      expect(rendered).not.toContain('tl-hl');
    }));
});
