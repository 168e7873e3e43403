import { describeLinear, repeat } from '../segments/linear-scaling';

/**
 * The quote stage's own inputs (attributions, Outlook headers, `|` quoting, broken-wrapped
 * tails, mixed `>` markers) through segmentBody, measured as
 * tests/unit/segments/linear-scaling.ts says.
 */
const LONG = '> ' + 'word '.repeat(15);
const OUTLOOK = [
  '-----Original Message-----',
  'From: A <a@b>',
  'Sent: Monday, January 1, 2024 10:00 AM',
  'To: B <b@c>',
  'Subject: RE: x',
];

/** Bodies of about `n` lines, each stressing one pass of lib/quotes. */
const SHAPES: Record<string, (n: number) => string> = {
  'Gmail attributions': (n) => repeat(n, () => 'On Mon, Jan 1, 2024 at 10:00 AM, A <a@b> wrote:'),
  'quoted Gmail attributions': (n) =>
    repeat(n, (i) => '>'.repeat(i % 4) + ' On Mon, Jan 1, 2024 at 10:00 AM, A <a@b> wrote:'),
  'an attribution wrapped over two lines, repeated': (n) =>
    repeat(n, (i) => (i % 2 ? 'A <a@b> wrote:' : 'On Mon, Jan 1, 2024 at 10:00 AM,')),
  'Outlook header blocks': (n) => repeat(n, (i) => OUTLOOK[i % OUTLOOK.length]!),
  'one Outlook marker, then header-like lines': (n) =>
    OUTLOOK[0] + '\n' + repeat(n, (i) => (i % 2 ? 'To: B <b@c>' : 'From: A <a@b>')),
  'Outlook markers, then blank lines': (n) => repeat(n / 100, () => OUTLOOK[0] + '\n'.repeat(100)),
  '| a lines': (n) => repeat(n, () => '| a'),
  '| lines and blank lines alternating': (n) => repeat(n, (i) => (i % 2 ? '' : '| a')),
  'a long quoted line, then unmarked tails': (n) => LONG + '\n' + repeat(n, () => 'tail words'),
  'long quoted lines and tails alternating': (n) => repeat(n, (i) => (i % 2 ? 'tail words' : LONG)),
  '>, > >, >> cycling': (n) => repeat(n, (i) => ['>', '> >', '>>'][i % 3]! + ' x'),
  'bare >, > >, >> cycling': (n) => repeat(n, (i) => ['>', '> >', '>>', ''][i % 4]!),
  'depth 1 to 64 cycling': (n) => repeat(n, (i) => '> '.repeat((i % 64) + 1) + 'x'),
  'depth 64 and 1 alternating': (n) => repeat(n, (i) => (i % 2 ? '>'.repeat(64) : '>') + ' x'),
  'trim markers at varying depth': (n) => repeat(n, (i) => '>'.repeat(i % 5) + ' [...]'),
  'signature lines at varying depth': (n) => repeat(n, (i) => '>'.repeat(i % 3) + ' -- '),
};

describeLinear('the quote stage runs in linear time', SHAPES, { name: 'Me' });
