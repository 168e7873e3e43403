import { describe, expect, it } from 'vitest';
import { isScissorsLine } from '@/lib/series/embedded-patch';
import { formatTrailer, parseReplyTrailers } from '@/lib/series/parse-trailers';
import { loadFixture } from './fixtures';

const trailers = (body: string) => parseReplyTrailers(body).map(formatTrailer);

describe('isScissorsLine (git mailinfo)', () => {
  it('accepts the marks git accepts, and nothing shorter or wordier', () => {
    expect(isScissorsLine('-- >8 --')).toBe(true);
    expect(isScissorsLine('------ >8 ------')).toBe(true);
    expect(isScissorsLine('---8<--- cut here ---8<---')).toBe(true);
    expect(isScissorsLine('--8<--')).toBe(false); // under 8 characters
    expect(isScissorsLine('-- >8 -- and then a long sentence about something')).toBe(false);
    expect(isScissorsLine('---')).toBe(false);
    expect(isScissorsLine('-'.repeat(1_000_000) + '>8')).toBe(true); // linear on hostile input
  });
});

describe('parseReplyTrailers with a patch inside the reply', () => {
  it('takes nothing from the patch a real reply carries (linux-sparse context analysis v5)', async () => {
    const messages = await loadFixture('sparse-thread-context-analysis-v5.mbox');
    const reply = messages.find((m) => m.messageId === 'aWHGJA8imMgELQrA@elver.google.com')!;
    // The embedded patch has `Link: …57062131…`, `Reported-by: Bart …` and a sign-off.
    expect(reply.body).toContain('Link: https://lore.kernel.org/all/57062131-');
    expect(trailers(reply.body)).toEqual([]);
  });

  it('keeps the reviewer’s own tags above a scissors line', () => {
    const body = [
      '> +\tfoo();',
      '',
      'Acked-by: Ann <ann@x.org>',
      '',
      'But this on top would be better:',
      '',
      '-- >8 --',
      'Subject: [PATCH] foo: do it right',
      '',
      'Link: https://example.org/bug',
      'Signed-off-by: Ann <ann@x.org>',
    ].join('\n');
    expect(trailers(body)).toEqual(['Acked-by: Ann <ann@x.org>']);
  });

  it('drops the trailer block of a commit pasted without any header', () => {
    const body = [
      'Reviewed-by: Rev <rev@x.org>',
      '',
      'Or squash this in:',
      '',
      'foo: fix the bar',
      '',
      'Link: https://example.org/1',
      'Tested-by: Tess <tess@x.org>',
      '---',
      ' foo.c | 2 +-',
      ' 1 file changed, 1 insertion(+), 1 deletion(-)',
    ].join('\n');
    expect(trailers(body)).toEqual(['Reviewed-by: Rev <rev@x.org>']);
  });

  it('stops at an in-body Subject, a format-patch From line or a bare diff', () => {
    expect(
      trailers('Acked-by: A <a@x.org>\nSubject: [RFC PATCH v2] x\n\nLink: https://e/1'),
    ).toEqual(['Acked-by: A <a@x.org>']);
    expect(
      trailers(
        'Acked-by: A <a@x.org>\n\nFrom 9c9b521b286f241f849dcc4f9efbd9582dabd3cc Mon Sep 17 00:00:00 2001\nLink: https://e/1',
      ),
    ).toEqual(['Acked-by: A <a@x.org>']);
    expect(
      trailers(
        'Acked-by: A <a@x.org>\n\nlike this:\n\ndiff --git a/x b/x\n+Reviewed-by: B <b@x.org>\nTested-by: T <t@x.org>',
      ),
    ).toEqual(['Acked-by: A <a@x.org>']);
  });

  it('reads on past a --- rule that opens no patch', () => {
    expect(trailers('Acked-by: A <a@x.org>\n---\nsome prose\n\nTested-by: T <t@x.org>')).toEqual([
      'Acked-by: A <a@x.org>',
      'Tested-by: T <t@x.org>',
    ]);
  });
});
