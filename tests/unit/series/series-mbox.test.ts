import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { insertTrailers, patchMessage } from '@/lib/series/series-mbox';
import { patchLayout } from '@/lib/series/patch-layout';
import { parseTrailerLine } from '@/lib/series/parse-trailers';
import { seriesReportMbox } from '@/lib/series/series-mbox-of';
import { assembleSeries } from '@/lib/series/assemble-series';
import { FIXTURES, fixtureStore, loadFixture } from './fixtures';

const t = (line: string) => parseTrailerLine(line)!;

describe('insertTrailers', () => {
  it('appends to the trailer block, just above ---', () => {
    const body =
      'Fix it.\n\nSigned-off-by: A <a@x.org>\n---\n a.c | 1 +\n\ndiff --git a/a.c b/a.c\n';
    expect(insertTrailers(body, [t('Reviewed-by: R <r@x.org>'), t('Tested-by: T <t@x.org>')])).toBe(
      'Fix it.\n\nSigned-off-by: A <a@x.org>\nReviewed-by: R <r@x.org>\nTested-by: T <t@x.org>\n---\n a.c | 1 +\n\ndiff --git a/a.c b/a.c\n',
    );
  });

  it('opens a trailer block when the message has none', () => {
    expect(
      insertTrailers('Fix it.\n\n---\ndiff --git a/a b/a\n', [t('Acked-by: B <b@x.org>')]),
    ).toBe('Fix it.\n\nAcked-by: B <b@x.org>\n---\ndiff --git a/a b/a\n');
  });

  it('keeps a blank line before a diff that has no --- line (b4 stripped-lines)', async () => {
    const [patch] = await loadFixture('b4-trailers-followup-stripped-lines.mbox');
    const out = insertTrailers(patch!.body, [
      t('Reviewed-by: Followup Reviewer1 <followup-reviewer1@example.com>'),
    ]);
    expect(out.split('\n').slice(2, 9)).toEqual([
      'Fixes: abcdef01234567890',
      'Reviewed-by: Original Reviewer <original-reviewer@example.com>',
      'Link: https://msgid.link/some@msgid.here',
      'Signed-off-by: Original Submitter <original-submitter@example.com>',
      'Reviewed-by: Followup Reviewer1 <followup-reviewer1@example.com>',
      '',
      '--- a/b4/junk.py',
    ]);
  });
});

describe('patchLayout', () => {
  it('finds the pieces of a patch, and stays linear on a hostile 1 MB diffstat-like line', () => {
    expect(patchLayout('msg\n---\nv2: x\n a.c | 2 +-\n\ndiff --git a/a.c b/a.c\n')).toMatchObject({
      messageEnd: 1,
      separator: 1,
      notesEnd: 3,
      diffStart: 5,
    });
    const hostile = `---\n ${'x'.repeat(1_000_000)}\n${'--- '.repeat(250_000)}`;
    expect(patchLayout(hostile)).toMatchObject({ separator: 0, diffStart: -1, notesEnd: 3 });
  });
});

describe('patchMessage', () => {
  it('encodes non-ASCII headers and drops header-injection line breaks', () => {
    const msg = patchMessage({
      message: {
        messageId: 'a@b',
        subject: '[PATCH] fix ünïcode\r\nBcc: evil@x',
        from: { name: 'Jörg "J" Ünder', address: 'j@x.org' },
        date: '2022-10-25T17:38:42.000Z',
        body: 'x\n---\ndiff --git a/a b/a\n',
      },
      add: [],
    });
    expect(msg.split('\n').slice(0, 4)).toEqual([
      `From: =?UTF-8?B?${Buffer.from('Jörg "J" Ünder').toString('base64')}?= <j@x.org>`,
      'Date: Tue, 25 Oct 2022 17:38:42 GMT',
      `Subject: =?UTF-8?B?${Buffer.from('[PATCH] fix ünïcode Bcc: evil@x').toString('base64')}?=`,
      'Message-ID: <a@b>',
    ]);
  });
});

describe('series mbox', () => {
  it('matches the golden mbox for a real series with cover and patch reviews', async () => {
    const name = 'b4-trailers-thread-with-cover-followup.mbox';
    const store = await fixtureStore([name]);
    const report = (await assembleSeries(
      store.seriesSource(name),
      '20221025-test1-v1-3-e4f28f57990c@linuxfoundation.org',
    ))!;
    await store.close();
    await expect(seriesReportMbox(report)).toMatchFileSnapshot(
      path.join(FIXTURES, 'b4-trailers-thread-with-cover-followup.series.mbox'),
    );
  });

  it('adds neither mismatched nor duplicate trailers (b4 name-parens)', async () => {
    const name = 'b4-trailers-followup-name-parens.mbox';
    const store = await fixtureStore([name]);
    const mbox = seriesReportMbox(
      (await assembleSeries(store.seriesSource(name), 'orig-message@example.com'))!,
    );
    await store.close();
    const message = mbox.slice(mbox.indexOf('\n\n') + 2, mbox.indexOf('\n---\n'));
    expect(message.split('\n')).toEqual([
      'Follow-up trailer collating test.',
      '',
      'Fixes: abcdef01234567890',
      'Reviewed-by: Original Reviewer <original-reviewer@example.com>',
      'Link: https://msgid.link/some@msgid.here',
      'Signed-off-by: Original Submitter <original-submitter@example.com>',
      'Reviewed-by: "Followup Reviewer1 (corporate)" <followup-reviewer1@example.com>',
      'Tested-by: Followup Reviewer2 <followup-reviewer2@example.com>',
      'Tested-by: "Followup Tester1 [corporate]" <followup-tester1@example.com>',
      'Tested-by: "Tester2, Followup" <followup-tester2@example.com>',
    ]);
  });
});
