import { describe, expect, it } from 'vitest';
import { classifyBlocks } from '../../../lib/blocks/classify-blocks';

const kinds = (lines: readonly string[]): string[] => {
  const out = new Array<string>(lines.length).fill('?');
  for (const b of classifyBlocks(lines)) out.fill(b.kind, b.start, b.end);
  return out;
};

// Luc Van Oostenryck's pasted patch (linux-sparse thread-latest-printf-code.mbox #2), trimmed.
const PASTED = [
  "'struct format' is a bit too generic. Rename it.",
  '',
  'From 07bd6a35ce437617b8c0d2bc32273bcd9dfd84a0 Mon Sep 17 00:00:00 2001',
  'From: Luc Van Oostenryck <luc.vanoostenryck@gmail.com>',
  'Date: Mon, 4 Nov 2019 21:44:54 +0100',
  'Subject: [PATCH 3/7] s/struct format/struct attr_format/',
  '',
  '---',
  ' symbol.h | 4 ++--',
  ' 1 file changed, 2 insertions(+), 2 deletions(-)',
  '',
  'diff --git a/symbol.h b/symbol.h',
  'index 5bfaac588..228c3a392 100644',
  '--- a/symbol.h',
  '+++ b/symbol.h',
  '@@ -98,3 +98,3 @@ extern struct context *alloc_context(void);',
  ' ',
  '-struct format {',
  '+struct attr_format {',
  ' \tunsigned short index;\t/* index in argument list for format string */',
];

describe('format-patch headers', () => {
  it('puts the From <sha> line and the From:, Date:, Subject: headers into the diff', () => {
    expect(kinds(PASTED)).toEqual([
      'prose',
      'prose',
      ...new Array<string>(PASTED.length - 2).fill('diff'),
    ]);
  });

  it('takes in-body headers for git am, but not headers quoted in the commit message', () => {
    // git t/t5100/sample.mbox, message 3: a patch whose message quotes another mail's headers.
    const lines = [
      'From: A U Thor <a.u.thor@example.com>',
      'Subject: [PATCH] third patch',
      '',
      'Here is a patch from A U Thor.  This addresses the issue raised in the',
      'message:',
      '',
      'From: Nit Picker <nit.picker@example.net>',
      'Subject: foo is too old',
      'Message-ID: <nitpicker.12121212@example.net>',
      '',
      'Hopefully this would fix the problem stated there.',
      '',
      '---',
      ' foo | 2 +-',
      ' 1 files changed, 1 insertions(+), 1 deletions(-)',
    ];
    expect(kinds(lines)).toEqual([
      'diff',
      'diff',
      ...new Array<string>(10).fill('prose'),
      'diff',
      'diff',
      'diff',
    ]);
  });

  it('leaves header-like lines without patch structure after them as prose', () => {
    const forwarded = [
      'From 07bd6a35ce437617b8c0d2bc32273bcd9dfd84a0 Mon Sep 17 00:00:00 2001',
      'From: Luc Van Oostenryck <luc.vanoostenryck@gmail.com>',
      'Subject: [PATCH 3/7] s/struct format/struct attr_format/',
      '',
      'I never sent the rest of it.',
    ];
    expect(kinds(forwarded)).toEqual(new Array<string>(5).fill('prose'));
    // A lone `Subject: [PATCH]` line talks about a patch; it does not head one.
    const talk = ['Subject: [PATCH] BLAH ONE', '', 'diff --git a/x b/x'];
    expect(kinds(talk)[0]).toBe('prose');
    // The diff must start soon after the headers, not a hundred lines of mail later.
    const far = [...PASTED.slice(2, 6), ...new Array<string>(120).fill('More words.'), '---'];
    far.push(' foo | 2 +-');
    expect(kinds(far).slice(0, 4)).toEqual(['prose', 'prose', 'prose', 'prose']);
  });
});
