import { describe, expect, it } from 'vitest';
import { parseAttribution, parseQuotingAttribution } from '../../../lib/quotes/parse-attribution';
import { parseAttributionDate } from '../../../lib/quotes/parse-attribution-date';
import { findAttributions } from '../../../lib/quotes/find-attributions';
import { parseQuotes } from '../../../lib/quotes/parse-quotes';

describe('parseAttribution', () => {
  it.each([
    [
      'On Tue, Apr 24, 2018 at 01:54:29PM +0200, Sedat Dilek wrote:',
      { name: 'Sedat Dilek', date: '2018-04-24T11:54:29.000Z' },
    ],
    [
      'On Wed, Apr 25, 2018 at 1:06 AM, Matthias Kaehlcke <mka@xxxxxxxxxxxx> wrote:',
      { name: 'Matthias Kaehlcke', address: 'mka@xxxxxxxxxxxx', date: '2018-04-25T01:06:00.000' },
    ],
    [
      'On Mon, May 18, 2020 at 5:57 PM Luc Van Oostenryck <luc.vanoostenryck@gmail.com> wrote:',
      {
        name: 'Luc Van Oostenryck',
        address: 'luc.vanoostenryck@gmail.com',
        date: '2020-05-18T17:57:00.000',
      },
    ],
    [
      'On Wed, Sep 25, 2024 at 9:14\u202fPM Ard Biesheuvel <ardb@kernel.org> wrote:',
      { name: 'Ard Biesheuvel', address: 'ardb@kernel.org', date: '2024-09-25T21:14:00.000' },
    ],
    [
      'On Fri, 19 Dec 2025 at 21:26, Bart Van Assche <bvanassche@acm.org> wrote:',
      { name: 'Bart Van Assche', address: 'bvanassche@acm.org', date: '2025-12-19T21:26:00.000' },
    ],
    [
      'On Tue, 16 Nov 2010 23:22:58 +0000 Mark Brown wrote:',
      { name: 'Mark Brown', date: '2010-11-16T23:22:58.000Z' },
    ],
    [
      'On Mon, 2010-11-15 at 17:30 +0000, Mark Brown wrote:',
      { name: 'Mark Brown', date: '2010-11-15T17:30:00.000Z' },
    ],
    [
      'On 2024-09-25 11:01, Ard Biesheuvel wrote:',
      { name: 'Ard Biesheuvel', date: '2024-09-25T11:01:00.000' },
    ],
    [
      'On 06/25/2010 06:56 PM, David Howells wrote:',
      { name: 'David Howells', date: '2010-06-25T18:56:00.000' },
    ],
    [
      'On Sat. 7 Dec. 2024 à 22:19, Martin Uecker <muecker@gwdg.de> wrote:',
      { name: 'Martin Uecker', address: 'muecker@gwdg.de', date: '2024-12-07T22:19:00.000' },
    ],
    [
      'On Mon, 1 Jan 2018 12:00:00 -0800, "Kumar, Aneesh" <aneesh@linux.ibm.com> wrote:',
      { name: 'Kumar, Aneesh', address: 'aneesh@linux.ibm.com', date: '2018-01-01T20:00:00.000Z' },
    ],
    [
      'Jeff Layton <jlayton@samba.org> wrote:',
      { name: 'Jeff Layton', address: 'jlayton@samba.org' },
    ],
    ['Joe Perches wrote:', { name: 'Joe Perches' }],
    ['Aneesh Kumar K. V wrote:', { name: 'Aneesh Kumar K. V' }],
    [
      '<luc.vanoostenryck@gmail.com> wrote:',
      { name: 'luc.vanoostenryck@gmail.com', address: 'luc.vanoostenryck@gmail.com' },
    ],
    [
      'Andi Kleen <ak@linux.intel.com> writes:',
      { name: 'Andi Kleen', address: 'ak@linux.intel.com' },
    ],
    [
      '* Ingo Molnar <mingo@kernel.org> wrote:',
      { name: 'Ingo Molnar', address: 'mingo@kernel.org' },
    ],
    [
      '* Andrew Morton <akpm@linux-foundation.org> [2018-04-24 13:54]:',
      {
        name: 'Andrew Morton',
        address: 'akpm@linux-foundation.org',
        date: '2018-04-24T13:54:00.000',
      },
    ],
    [
      '* Matthias Kaehlcke <mka@chromium.org> [180507 13:49]:',
      { name: 'Matthias Kaehlcke', address: 'mka@chromium.org', date: '2018-05-07T13:49:00.000' },
    ],
    [
      'Am Di., 24. Apr. 2018 um 13:54 Uhr schrieb Sedat Dilek <sedat.dilek@gmail.com>:',
      { name: 'Sedat Dilek', address: 'sedat.dilek@gmail.com', date: '2018-04-24T13:54:00.000' },
    ],
    [
      'Le 24/04/2018 à 13:54, Sedat Dilek a écrit :',
      { name: 'Sedat Dilek', date: '2018-04-24T13:54:00.000' },
    ],
    ['On Sun, Jun 27 2010, Aneesh Kumar wrote:', { name: 'Aneesh Kumar', date: '2010-06-27' }],
    ['On Someday, Jens Axboe wrote:', { name: 'Jens Axboe', date: 'Someday' }],
    [
      'Den 2026-01-09 kl. 22:26, skrev Bart Van Assche:',
      { name: 'Bart Van Assche', date: '2026-01-09T22:26:00.000' },
    ],
    [
      'Zitat von Sedat Dilek <sedat.dilek@gmail.com>:',
      { name: 'Sedat Dilek', address: 'sedat.dilek@gmail.com' },
    ],
    ['Zitat von Sedat Dilek:', { name: 'Sedat Dilek' }],
    // Names that begin with a word prose also begins with.
    [
      'On Mon, Jan 1, 2024 at 10:00 AM, So Yeon Kim wrote:',
      { name: 'So Yeon Kim', date: '2024-01-01T10:00:00.000' },
    ],
    ['So Yeon Kim wrote:', { name: 'So Yeon Kim' }],
    ['An Nguyen wrote:', { name: 'An Nguyen' }],
    ['On Tue, 2 Jan 2024, A. J. Smith wrote:', { name: 'A. J. Smith', date: '2024-01-02' }],
  ])('%s', (line, author) => {
    expect(parseAttribution(line)).toEqual(author);
  });

  it.each([
    'Then I wrote:',
    'the patch said:',
    'On x86, the kernel wrote:',
    'As we wrote in the changelog:',
    'Note: this is not an attribution.',
    'struct pv_irq_ops {',
    'The following changes since commit 1234 wrote:x',
    '',
    'On ' + 'On '.repeat(200) + 'wrote:',
    'On Monday, so we wrote:',
    'On Monday, So we wrote:',
    'On Monday, a reviewer wrote:',
    'So I wrote:',
    'An idea wrote:',
    'A wrote:',
    'Zitat von meinem Kollegen:',
  ])('not an attribution: %j', (line) => {
    expect(parseAttribution(line)).toBeNull();
  });

  it('reads Quoting Name (date) with or without a colon', () => {
    expect(parseQuotingAttribution('Quoting Stephen Boyd (2018-04-25 10:23:01)')).toEqual({
      name: 'Stephen Boyd',
      date: '2018-04-25T10:23:01.000',
    });
    expect(parseQuotingAttribution('Quoting Matthias Kaehlcke (2018-04-24 13:54:29):')?.name).toBe(
      'Matthias Kaehlcke',
    );
  });
});

describe('parseAttributionDate', () => {
  it.each([
    ['Tue, Apr 24, 2018 at 01:54:29PM +0200', '2018-04-24T11:54:29.000Z'],
    ['Sun, May 06, 2018 at 09:42:09AM +0200', '2018-05-06T07:42:09.000Z'],
    ['Mon, 07 May 2018 12:00 AM -0500', '2018-05-07T05:00:00.000Z'],
    ['Mon, 07 May 2018 12:30 PM', '2018-05-07T12:30:00.000'],
    ['Mon, 07 May 2018 13:49:18 EST', '2018-05-07T18:49:18.000Z'],
    ['Thu, 10 Jan 2019 10:00:00 (CEST)', '2019-01-10T08:00:00.000Z'],
    ['24.04.2018 um 13:54', '2018-04-24T13:54:00.000'],
    ['19/05/2020 01:57', '2020-05-19T01:57:00.000'],
    ['12/19/25 7:40 AM', '2025-12-19T07:40:00.000'],
    ['mar. 24 avr. 2018 à 13:54', '2018-04-24T13:54:00.000'],
    ['2018-04-24', '2018-04-24'],
    // mutt `%[%y%m%d %H:%M]`: no zone, so wall-clock time.
    ['180507 13:49', '2018-05-07T13:49:00.000'],
    ['180507 13:49:18 +0200', '2018-05-07T11:49:18.000Z'],
  ])('%s → %s', (raw, iso) => {
    expect(parseAttributionDate(raw)).toBe(iso);
  });

  it.each([
    'Someday',
    '31.02.2018 10:00',
    'Apr 2018',
    '99:99 Apr 24, 2018 at 25:61',
    '181307 13:49',
    '180507',
    'ticket 1805071 13:49',
  ])('unparseable %j gives null', (raw) => {
    expect(parseAttributionDate(raw)).toBeNull();
  });
});

describe('findAttributions', () => {
  const spans = (lines: string[]) =>
    findAttributions(parseQuotes(lines)).map(({ start, end, depth, author }) => [
      start,
      end,
      depth,
      author.name,
    ]);

  it('joins attributions wrapped over two lines at any depth', () => {
    expect(
      spans([
        '> On Wed, Apr 25, 2018 at 1:06 AM, Matthias Kaehlcke',
        '> <mka@xxxxxxxxxxxx> wrote:',
        '> > text',
      ]),
    ).toEqual([[0, 2, 1, 'Matthias Kaehlcke']]);
    expect(
      spans(['On Fri, 19 Dec 2025 at 21:26, Bart Van Assche <bvanassche@acm.org>', 'wrote:']),
    ).toEqual([[0, 2, 0, 'Bart Van Assche']]);
    expect(spans(['Matthias Kaehlcke', '<mka@xxxxxxxxxxxx> wrote:'])).toEqual([
      [0, 2, 0, 'Matthias Kaehlcke'],
    ]);
  });

  it('does not glue prose to the attribution below it', () => {
    expect(spans(['Hello there', 'Joe Perches wrote:'])).toEqual([[1, 2, 0, 'Joe Perches']]);
  });

  it('reads an Outlook header block as one attribution', () => {
    const found = findAttributions(
      parseQuotes([
        '-----Original Message-----',
        'From: Michael Neuling [mailto:mikey@neuling.org]',
        'Sent: Wednesday, August 04, 2010 11:34 PM',
        'To: Bounine, Alexandre',
        'Subject: RE: test',
        '',
        'body',
      ]),
    );
    expect(found).toEqual([
      {
        start: 0,
        end: 5,
        depth: 0,
        outlook: true,
        author: {
          name: 'Michael Neuling',
          address: 'mikey@neuling.org',
          date: '2010-08-04T23:34:00.000',
        },
      },
    ]);
  });

  it('needs Sent:/Date: after From: without the Original Message line (git am in-body From: is not one)', () => {
    expect(
      spans(['From: Ard Biesheuvel <ardb@kernel.org>', '', 'Build the kernel as a PIE.']),
    ).toEqual([]);
    expect(spans(['From: A B <a@b.c>', 'Sent: Monday, May 7, 2018 1:00 PM', 'To: x'])).toEqual([
      [0, 3, 0, 'A B'],
    ]);
  });

  it('reads `From: Name` with `> Sent:` one level deeper as a plain attribution (David Laight)', () => {
    const found = findAttributions(
      parseQuotes(['> From: Vincent Mailhol', '> > Sent: 02 December 2024 17:33', '> >', '> > x']),
    );
    expect(found).toEqual([
      {
        start: 0,
        end: 2,
        depth: 1,
        outlook: false,
        author: { name: 'Vincent Mailhol', date: '2024-12-02T17:33:00.000' },
      },
    ]);
    // No wrapped values in that form: text right under `Sent:` is the quote, not the date.
    expect(spans(['From: W T', '> Sent: 06 December 2024 19:39', '> On Fri, W T wrote:'])).toEqual([
      [0, 2, 0, 'W T'],
      [2, 3, 1, 'W T'],
    ]);
  });

  it('takes a pasted format-patch header for part of the patch, not a quoted original', () => {
    const patch = [
      'From 0123456789abcdef0123456789abcdef01234567 Mon Sep 17 00:00:00 2001',
      'From: A Dev <a@example.org>',
      'Date: Mon, 7 May 2018 13:00:00 +0200',
      'Subject: [PATCH] x: fix y',
    ];
    expect(spans(patch)).toEqual([]);
    // Without the From_ line, the [PATCH] subject alone tells it too.
    expect(spans(patch.slice(1))).toEqual([]);
    // An Outlook reply to a patch is still an attribution, whatever its Subject says.
    expect(
      spans(['From: A B <a@b.c>', 'Sent: Monday, May 7, 2018 1:00 PM', 'Subject: RE: [PATCH] x']),
    ).toEqual([[0, 3, 0, 'A B']]);
    expect(
      spans(['From: A B <a@b.c>', 'Sent: Monday, May 7, 2018 1:00 PM', 'Subject: [PATCH 14/44] x']),
    ).toEqual([[0, 3, 0, 'A B']]);
    expect(
      spans([
        '> -----Original Message-----',
        '> From: Joe Perches [mailto:joe@perches.com]',
        '> Date: Monday, May 7, 2018 1:00 PM',
        '> Subject: [PATCH 14/44] drivers/net/ixgbevf: Remove unnecessary semicolons',
      ]),
    ).toEqual([[0, 4, 1, 'Joe Perches']]);
  });

  it('needs Sent:/Date: at the From: depth or exactly one deeper', () => {
    expect(spans(['> > From: Vincent Mailhol', '> Sent: 02 December 2024 17:33'])).toEqual([]);
    expect(spans(['> From: Vincent Mailhol', '> > > Sent: 02 December 2024 17:33'])).toEqual([]);
  });
});
