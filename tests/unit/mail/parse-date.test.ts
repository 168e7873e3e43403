import { describe, expect, it } from 'vitest';
import { parseArchiveDate, parseMailDate } from '../../../lib/mail/parse-date';

describe('parseMailDate', () => {
  it.each([
    ['Mon, 7 May 2018 11:49:18 -0700', '2018-05-07T18:49:18.000Z'],
    ['Mon,  3 Aug 2020 22:40:55 +0700', '2020-08-03T15:40:55.000Z'],
    ['Tue, 17 Nov 2009 21:28:38 +0600', '2009-11-17T15:28:38.000Z'],
    ['Wed, 4 Jun 2014 17:50:46 +0000 (UTC)', '2014-06-04T17:50:46.000Z'],
    ['Mon, 7 May 2018 13:49:18 EDT', '2018-05-07T17:49:18.000Z'],
    // No zone: read as UTC, whatever the server's time zone is.
    ['Mon, 7 May 2018 13:49:18', '2018-05-07T13:49:18.000Z'],
  ])('%j → %j', (raw, iso) => {
    expect(parseMailDate(raw)).toBe(iso);
  });

  it.each([
    '',
    'Wg>',
    'Wed, 4 Jun 207777777777777777777714 17:50:46 0',
    'Wed, 4 Jun 2014 17:50:\u00ff\u00ff\u00ff',
    'not a date at all',
    '+0000',
    'x 2018',
    'Mon May 07 2018',
    'Sat, 1 Jan 1800 00:00:00 +0000',
  ])('%j → null', (raw) => {
    expect(parseMailDate(raw)).toBeNull();
  });
});

describe('parseArchiveDate', () => {
  it.each([
    ['Mon May 07 2018 - 13:49:18 EST', '2018-05-07T18:49:18.000Z'],
    ['Mon May 07 2018 - 13:49:18 EDT', '2018-05-07T17:49:18.000Z'],
    ['Mon May 07 2018 - 13:49:18 PST', '2018-05-07T21:49:18.000Z'],
    ['Mon May 07 2018 - 13:49:18 PDT', '2018-05-07T20:49:18.000Z'],
    ['Mon May 07 2018 - 13:49:18 CET', '2018-05-07T12:49:18.000Z'],
    ['Mon May 07 2018 - 13:49:18 CEST', '2018-05-07T11:49:18.000Z'],
    ['Mon May 07 2018 - 13:49:18 UTC', '2018-05-07T13:49:18.000Z'],
    ['Mon May 07 2018 - 13:49:18 GMT', '2018-05-07T13:49:18.000Z'],
    ['Mon May 07 2018 - 13:49:18 +0200', '2018-05-07T11:49:18.000Z'],
    ['Mon May 07 2018 - 13:49:18 -0930', '2018-05-07T23:19:18.000Z'],
    ['Tue Jan 01 2019 - 00:10:00 EST', '2019-01-01T05:10:00.000Z'],
    ['Mon May 07 2018 13:49', '2018-05-07T13:49:00.000Z'],
    ['7 May 2018 13:49 +0000', '2018-05-07T13:49:00.000Z'],
    // Pages that print an RFC 5322 date instead.
    ['Mon, 7 May 2018 13:49:18 -0500', '2018-05-07T18:49:18.000Z'],
  ])('%j → %j', (raw, iso) => {
    expect(parseArchiveDate(raw)).toBe(iso);
  });

  it.each([
    'Mon May 07 2018 - 13:49:18 XYZ',
    'Mon Foo 07 2018 - 13:49:18 EST',
    'Sat Feb 31 2018 - 13:49:18 EST',
    'Mon May 07 2018 - 25:49:18 EST',
    'yesterday',
  ])('%j → null', (raw) => {
    expect(parseArchiveDate(raw)).toBeNull();
  });

  it('looks at a bounded prefix of 1 MB of junk', () => {
    expect(parseArchiveDate('Mon May 07 2018 - 13:49:18' + ' '.repeat(1_000_000) + 'x')).toBe(
      '2018-05-07T13:49:18.000Z',
    );
    expect(parseArchiveDate('9'.repeat(1_000_000))).toBeNull();
  });
});
