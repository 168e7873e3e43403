import { describe, expect, it } from 'vitest';
import {
  formatTrailer,
  parsePatchTrailers,
  parseReplyTrailers,
  parseTrailerLine,
} from '@/lib/series/parse-trailers';
import { loadFixture } from './fixtures';

describe('parseTrailerLine', () => {
  it('reads a person trailer', () => {
    expect(parseTrailerLine('Reviewed-by: Ann Example <Ann@Example.org>')).toEqual({
      kind: 'reviewed-by',
      label: 'Reviewed-by',
      value: 'Ann Example <Ann@Example.org>',
      name: 'Ann Example',
      address: 'Ann@Example.org',
    });
  });

  it('reads Fixes with and without the subject', () => {
    expect(parseTrailerLine('Fixes: 1234567890ab ("net: fix the (odd) thing")')).toMatchObject({
      kind: 'fixes',
      sha: '1234567890ab',
      fixesSubject: 'net: fix the (odd) thing',
    });
    expect(parseTrailerLine('Fixes: abcdef01234567890')).toMatchObject({
      kind: 'fixes',
      sha: 'abcdef01234567890',
    });
    expect(parseTrailerLine('Fixes: the build on arm')).toBeNull();
  });

  it('marks Cc: stable and reads Link/Closes URLs', () => {
    expect(parseTrailerLine('Cc: stable@vger.kernel.org # 5.10+')).toMatchObject({
      kind: 'cc',
      address: 'stable@vger.kernel.org',
      stable: true,
    });
    expect(parseTrailerLine('Link: https://lore.kernel.org/r/x@y  # bug')).toMatchObject({
      kind: 'link',
      url: 'https://lore.kernel.org/r/x@y',
    });
    expect(parseTrailerLine('Closes: https://example.org/bug/1234')).toMatchObject({
      kind: 'closes',
      url: 'https://example.org/bug/1234',
    });
  });

  it('keeps unknown -by tags as other and ignores other words with a colon', () => {
    expect(parseTrailerLine('Reported-and-tested-by: Bo <bo@x.org>')).toMatchObject({
      kind: 'other',
      label: 'Reported-and-tested-by',
      address: 'bo@x.org',
    });
    expect(parseTrailerLine('Note: this is prose')).toBeNull();
    expect(parseTrailerLine('  Reviewed-by: Indented <i@x.org>')).toBeNull();
  });

  it('cleans HTML mailto junk (b4 trailers-followup-htmljunk)', () => {
    expect(
      parseTrailerLine(
        'Reviewed-by: HTML Junker <html-junker@example.com<mailto:html-junker@example.com>>',
      ),
    ).toMatchObject({
      value: 'HTML Junker <html-junker@example.com>',
      address: 'html-junker@example.com',
    });
  });

  it('quotes names with specials when formatting, as b4 does', () => {
    const t = parseTrailerLine('Reviewed-by: Followup Reviewer1 (corporate) <r1@example.com>')!;
    expect(formatTrailer(t)).toBe('Reviewed-by: "Followup Reviewer1 (corporate)" <r1@example.com>');
    expect(formatTrailer(parseTrailerLine('Acked-by: Ann <a@x.org>')!)).toBe(
      'Acked-by: Ann <a@x.org>',
    );
  });

  it('stays linear on hostile 1 MB lines', () => {
    const long = 'Reviewed-by: ' + '<a'.repeat(500_000);
    expect(parseTrailerLine(long)).toMatchObject({ kind: 'reviewed-by', address: '' });
    expect(parseTrailerLine('Fixes: ' + 'a'.repeat(1_000_000))).toBeNull();
    expect(parseTrailerLine('A'.repeat(1_000_000) + ':')).toBeNull();
  });
});

describe('parsePatchTrailers / parseReplyTrailers', () => {
  it('reads a patch commit message up to the --- line only', async () => {
    const [patch] = await loadFixture('b4-trailers-followup-with-cover.mbox').then((m) =>
      m.filter((x) => x.messageId === 'patch-1-message@example.com'),
    );
    expect(parsePatchTrailers(patch!.body).map(formatTrailer)).toEqual([
      'Fixes: abcdef01234567890',
      'Reviewed-by: Original Reviewer <original-reviewer@example.com>',
      'Link: https://msgid.link/some@msgid.here',
      'Signed-off-by: Original Submitter <original-submitter@example.com>',
    ]);
  });

  it('ignores quoted and indented trailers in replies, and sign-offs', () => {
    const body = [
      '> Reviewed-by: Quoted <q@x.org>',
      '>',
      'I would suggest this ordering:',
      '',
      '    Acked-by: Indented <i@x.org>',
      'Signed-off-by: Pasted <p@x.org>',
      'Tested-by: Tess <t@x.org>',
      '',
      '-- ',
      'Acked-by: In Signature <s@x.org>',
    ].join('\n');
    expect(parseReplyTrailers(body).map(formatTrailer)).toEqual(['Tested-by: Tess <t@x.org>']);
  });

  it('stops at an unquoted Outlook original', () => {
    const body = 'Acked-by: A <a@x.org>\n\n-----Original Message-----\nReviewed-by: B <b@x.org>';
    expect(parseReplyTrailers(body).map((t) => t.address)).toEqual(['a@x.org']);
  });
});
