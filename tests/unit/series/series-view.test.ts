import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Store } from '@/lib/store/store';
import { BACKENDS, openFreshStore } from '../../support/backends';
import { importStream } from '@/lib/import/import-stream';
import { readSources } from '@/lib/import/read-sources';
import { assembleSeries } from '@/lib/series/assemble-series';
import { versionChangelogs } from '@/lib/series/version-changelog';
import { renderedMessages, seriesView } from '@/lib/series/series-view';
import { seriesPath } from '@/lib/series/series-urls';
import { highlightMessages, linkContext } from '@/lib/loaders/highlight-segments';
import { bannerView } from '@/lib/loaders/load-series';
import { messageAnchor } from '@/lib/anchors';
import { rawPath } from '@/lib/urls';
import { SeriesOverview } from '@/components/series/series-overview';
import { SeriesBanner } from '@/components/series/series-banner';
import { fixtureListStore, fixtureStore } from './fixtures';

/** The series page body for a message, built as the loader builds it (highlights included). */
async function page(store: Store, list: string, messageId: string): Promise<string> {
  const report = (await assembleSeries(store.seriesSource(list), messageId))!;
  const highlights = await highlightMessages(
    store,
    renderedMessages(report).map((m) => ({ segments: m.segments, links: linkContext(m.body) })),
  );
  const changelogs = await versionChangelogs(store.seriesSource(list), report);
  const view = seriesView({ list, report, changelogs, highlights });
  return renderToStaticMarkup(createElement(SeriesOverview, { view }));
}

/** The markup of part `n` in the parts list (up to the next part or the list's end). */
function part(html: string, n: number): string {
  const list = html.slice(html.indexOf('<ol class="tl-series-parts'));
  const start = list.indexOf(`<li data-part="${n}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  const next = list.indexOf('<li data-part="', start + 1);
  return list.slice(start, next < 0 ? list.indexOf('</ol><') : next);
}

const REROLL = 'b4-trailers-followup-partial-reroll.mbox';
const V3_ID = 'patch-v3-2-message@example.com';

describe.each(BACKENDS)(
  'series page of a two-version series (b4 partial-reroll: v2, then v3 of patch 2) (%s)',
  (backend) => {
    it('marks v2 as old, links its versions, and gives each part its raw link and Fixes commit', async () => {
      const store = await fixtureStore([REROLL], backend);
      const html = await page(store, REROLL, 'patch-2-message@example.com');
      const v3 = `<a href="${seriesPath(REROLL, V3_ID)}">v3</a>`;
      expect(html.startsWith('<p role="note" class="tl-series-newer')).toBe(true);
      expect(html).toContain(`A newer version of this series exists: ${v3}</p>`);
      const versions = /<nav aria-label="Versions".*?<\/nav>/.exec(html)![0];
      expect(versions).toContain('<strong aria-current="page">v2</strong>');
      expect(versions).toContain(`→ ${v3}`);
      for (const [n, id] of [
        [1, 'patch-1-message@example.com'],
        [2, 'patch-2-message@example.com'],
      ] as const) {
        expect(part(html, n)).toContain(`<a href="${rawPath(REROLL, id)}">raw</a>`);
        expect(part(html, n)).toContain(
          '<li data-kind="fixes" data-from="patch"><span class="text-muted">Fixes:</span> ' +
            '<a href="https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=abcdef01234567890" rel="noopener nofollow ugc">abcdef01234567890</a></li>',
        );
      }
      expect(html).not.toContain('data-missing');
      await store.close();
    });

    it('renders each part’s commit message and diff, and its review beneath it', async () => {
      const store = await fixtureStore([REROLL], backend);
      const two = part(await page(store, REROLL, 'patch-2-message@example.com'), 2);
      const anchor = messageAnchor('patch-2-message@example.com');
      // A short patch starts unfolded; its text and diff come through the thread page's renderers.
      expect(two).toMatch(
        /<details class="tl-patch[^"]*" open=""><summary[^>]*>Commit message and diff \(\d+ lines\)<\/summary>/,
      );
      // (Markup inside the body belongs to components/segments: matched loosely.)
      expect(two).toMatch(
        new RegExp(`id="${anchor}-L1"[^>]*>Follow-up trailer collating test patch 2\\.</span>`),
      );
      expect(two).toMatch(/<figure class="tl-code[^"]*" data-kind="diff">/);
      expect(two).toMatch(new RegExp(`<a href="#${anchor}-L\\d+" class="tl-ln"`));
      expect(two).toContain('--shiki-'); // highlighted by lib/highlight, as on the thread page
      // The review: who and when, linked to the thread page, the text folded under its first line.
      expect(two).toContain(
        '<summary class="cursor-pointer">1 reply in the review discussion</summary>',
      );
      const reply = messageAnchor('fwup-message-1@example.com');
      expect(two).toContain(
        `<a href="/${REROLL}/fwup-message-1%40example.com/#${reply}"><span class="font-semibold">Followup Reviewer1</span> · 2022-08-30 15:19 UTC</a>`,
      );
      expect(two).toContain(
        '<details class="tl-reply-text rounded border border-border"><summary class="cursor-pointer px-2 text-muted">Reviewed-by: Followup Reviewer1 &lt;followup-reviewer1@example.com&gt;</summary>',
      );
      expect(two).toMatch(new RegExp(`id="${reply}-L3"[^>]*>Reviewed-by: Followup Reviewer1`));
      await store.close();
    });

    it('marks the part v3 did not resend as missing, and shows no newer version on v3', async () => {
      const store = await fixtureStore([REROLL], backend);
      const html = await page(store, REROLL, V3_ID);
      expect(html).not.toContain('tl-series-newer');
      expect(part(html, 1)).toBe(
        '<li data-part="1" data-missing="true" class="px-3 py-2 text-muted"><span class="font-mono">[1/2]</span> missing: not in this archive</li>',
      );
      expect(part(html, 2)).toContain('[PATCH v3 2/2] Simple test 2</a>');
      expect(/<nav aria-label="Versions".*?<\/nav>/.exec(html)![0]).toContain(
        '<strong aria-current="page">v3</strong>',
      );
      await store.close();
    });

    it('gives the thread page banner the part, the series link and the newer-version note', async () => {
      const store = await fixtureStore([REROLL], backend);
      const banner = async (id: string) => {
        const report = (await assembleSeries(store.seriesSource(REROLL), id))!;
        return renderToStaticMarkup(
          createElement(SeriesBanner, { banner: bannerView(REROLL, report, id) }),
        );
      };
      expect(await banner('patch-2-message@example.com')).toBe(
        '<div class="tl-series-banner mb-2 rounded border border-border bg-bg-soft px-3 py-1 text-sm">' +
          `<p>Part 2/2 of <span class="font-mono">[PATCH v2]</span> Simple cover — <a href="${seriesPath(REROLL, 'cover-message@example.com')}">series view</a></p>` +
          `<p role="note" class="font-medium">A newer version exists: <a href="${seriesPath(REROLL, V3_ID)}">v3</a></p></div>`,
      );
      expect(await banner(V3_ID)).not.toContain('role="note"');
      expect(renderToStaticMarkup(createElement(SeriesBanner, { banner: null }))).toBe('');
      await store.close();
    });
  },
);

describe.each(BACKENDS)('series page changelogs (real overflows_type v2–v5) (%s)', (backend) => {
  it('lists each version’s changelog, from their patches’ notes, newest marked as this one', async () => {
    const store = await fixtureListStore('ls', ['sparse-thread-overflows-type.mbox'], backend);
    const html = await page(store, 'ls', '20221024201125.1416422-1-gwan-gyeong.mun@intel.com');
    const changelog = html.slice(html.indexOf('<section aria-labelledby="changelog"'));
    // v3 kept its changelog in the commit message: no notes under ---, so no entry.
    expect([...changelog.matchAll(/data-version="(\d+)"/g)].map((m) => m[1])).toEqual([
      '2',
      '4',
      '5',
    ]);
    expect(changelog).toContain(
      `<h3 class="text-sm font-semibold"><a href="${seriesPath('ls', '20220926191109.1803094-1-keescook@chromium.org')}">v2</a></h3>`,
    );
    expect(changelog).toContain('<h3 class="text-sm font-semibold">v5 (this version)</h3>');
    expect(changelog).toContain('Notes below --- in 1 patch');
    expect(changelog).toContain(' - fix comment typo'); // v2's notes
    expect(changelog).toContain(
      'drop the cc-disable-warning and just disable the warning directly',
    );
    await store.close();
  });
});

describe.each(BACKENDS)(
  'series page of a real 36-part kernel series (context analysis v5) (%s)',
  (backend) => {
    it('shows every part with its diff, long ones folded, and the review under each', async () => {
      const store = await fixtureListStore(
        'ls',
        [
          'sparse-thread-capability-analysis-v3-syzbot-oops.mbox',
          'sparse-thread-context-analysis-v5.mbox',
        ],
        backend,
      );
      const html = await page(store, 'ls', '20251219154418.3592607-1-elver@google.com');
      const list = html.slice(html.indexOf('<ol class="tl-series-parts'));
      expect(list.match(/<li data-part="/g)).toHaveLength(36);
      expect(html).not.toContain('data-missing');
      expect(part(html, 2)).toMatch(/<details class="tl-patch[^"]*"><summary/); // 80 lines: folded
      expect(part(html, 12)).toMatch(/<details class="tl-patch[^"]*" open=""><summary/);
      expect(part(html, 12)).toContain('data-kind="diff"');
      expect(part(html, 12)).toContain('<span class="font-semibold">Bart Van Assche</span>');
      expect(part(html, 10)).toContain('4 replies in the review discussion');
      expect(part(html, 10)).not.toContain('data-from="reply"');
      expect(html).toContain(
        `<a href="${seriesPath('ls', '20250918140451.1289454-1-elver@google.com')}">v3</a>`,
      );
      await store.close();
    });
  },
);

describe.each(BACKENDS)('series page of hostile mail (%s)', (backend) => {
  it('escapes everything the mail says', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tl-series-hostile-'));
    const file = path.join(dir, 'hostile.mbox');
    fs.writeFileSync(
      file,
      [
        'From mboxrd@z Thu Jan  1 00:00:00 1970',
        'From: "<b>Evil</b>" <evil@example.org>',
        'Subject: [PATCH 1/1] <img src=x onerror=alert(1)> fix',
        'Date: Tue, 30 Aug 2022 11:19:07 -0400',
        'Message-Id: <evil-1@example.org>',
        '',
        '<script>alert(1)</script> in the commit message.',
        '',
        'Fixes: abcdef0123456 ("<script>x</script>")',
        'Signed-off-by: Evil <evil@example.org>',
        '---',
        '<svg onload=alert(5)> in the notes',
        ' a.c | 1 +',
        ' 1 file changed, 1 insertion(+)',
        '',
        'diff --git a/a.c b/a.c',
        '--- a/a.c',
        '+++ b/a.c',
        '@@ -1 +1,2 @@',
        ' x',
        '+<script>alert(2)</script>',
        '',
        'From mboxrd@z Thu Jan  1 00:00:00 1970',
        'From: Reviewer <r@example.org>',
        'Subject: Re: [PATCH 1/1] <img src=x onerror=alert(1)> fix',
        'Date: Tue, 30 Aug 2022 12:19:07 -0400',
        'Message-Id: <evil-2@example.org>',
        'In-Reply-To: <evil-1@example.org>',
        '',
        '<iframe src="javascript:alert(3)"></iframe>',
        'Reviewed-by: <a href="javascript:alert(4)">R</a> <r@example.org>',
        '',
      ].join('\n'),
    );
    const store = await openFreshStore(backend);
    await importStream(store, 'evil', readSources([file]));
    const html = await page(store, 'evil', 'evil-2@example.org');
    expect(html).not.toMatch(/<(?:script|img|iframe|svg|b)[\s>]/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; in the commit message.');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('&lt;iframe src=&quot;javascript:alert(3)&quot;&gt;&lt;/iframe&gt;');
    expect(html).toContain(
      'Reviewed-by:</span> &lt;a href=&quot;javascript:alert(4)&quot;&gt;R&lt;/a&gt; &lt;r@example.org&gt;',
    );
    expect(html).toContain('[PATCH 1/1] &lt;img src=x onerror=alert(1)&gt; fix</a>');
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
