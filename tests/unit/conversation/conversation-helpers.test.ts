import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentBody } from '../../../lib/segments/segment-body';
import { buildQuoteTree } from '../../../lib/segments/quote-tree';
import {
  conversationHref,
  hasConversation,
  segmentsOf,
} from '../../../components/thread/conversation-link';
import { formatTurnDate } from '../../../components/conversation/format-turn-date';
import { railColour, depthBadge } from '../../../components/conversation/rail';

/** The seed's body: the archive page minus its subject, From:, Date: and blank lines. */
function seedBody(): string {
  const lines = readFileSync(join(__dirname, '../../fixtures/seed/seed.txt'), 'utf8').split('\n');
  let i = 1;
  while (i < lines.length && (lines[i]!.trim() === '' || /^(From|Date): /.test(lines[i]!))) i++;
  return lines.slice(i).join('\n');
}

describe('hasConversation', () => {
  it('offers the conversation view for the seed, four turns deep', () => {
    expect(hasConversation(segmentBody(seedBody(), { name: 'Matthias Kaehlcke' }))).toBe(true);
  });

  it('offers it for a reply that quotes one other person', () => {
    const body =
      'On Mon, Jan 6, 2020 at 10:00 AM, Ann <ann@example.org> wrote:\n> Is it fixed?\n\nYes.';
    expect(hasConversation(segmentBody(body, { name: 'Bob' }))).toBe(true);
  });

  it('does not offer it for a message without quotes, or with only blank quoted lines', () => {
    expect(hasConversation(segmentBody('Just a patch.\n\nThanks,\nBob', { name: 'Bob' }))).toBe(
      false,
    );
    expect(hasConversation(segmentBody('>\n> \nNothing quoted.', { name: 'Bob' }))).toBe(false);
    expect(hasConversation([])).toBe(false);
  });
});

describe('segmentsOf', () => {
  it("gives back the seed's segments, in body order, from the thread page's quote tree", () => {
    const segments = segmentBody(seedBody(), { name: 'Matthias Kaehlcke' });
    expect(segmentsOf(buildQuoteTree(segments))).toEqual(segments);
  });
});

describe('conversationHref', () => {
  it('adds the view to the message path, and the duplicate index when there is one', () => {
    expect(conversationHref('/lkml/a%40b/')).toBe('/lkml/a%40b/conversation');
    expect(conversationHref('/lkml/a%40b/', 2)).toBe('/lkml/a%40b/conversation?dup=2');
    // A duplicate's page link already carries its ?dup=.
    expect(conversationHref('/lkml/a%40b/?dup=2', 2)).toBe('/lkml/a%40b/conversation?dup=2');
  });
});

describe('formatTurnDate', () => {
  it('labels a zoned date in UTC and says so', () => {
    expect(formatTurnDate('2018-04-24T11:54:29.000Z')).toBe('Tue, Apr 24, 2018, 11:54 UTC');
    expect(formatTurnDate('2018-05-06T09:42:09+02:00')).toBe('Sun, May 06, 2018, 07:42 UTC');
  });

  it('shows a wall-clock attribution time as written, without claiming a zone', () => {
    expect(formatTurnDate('2018-04-25T01:06:00.000')).toBe('Wed, Apr 25, 2018, 01:06');
  });

  it('shows a bare day without a time, and keeps what it cannot read', () => {
    expect(formatTurnDate('2018-04-24')).toBe('Tue, Apr 24, 2018');
    expect(formatTurnDate('sometime in spring')).toBe('sometime in spring');
    expect(formatTurnDate(null)).toBe(null);
  });
});

describe('rail', () => {
  it('uses the thread page quote colours, cycling after six', () => {
    expect([0, 1, 3, 6, 7].map(railColour)).toEqual([
      'var(--fg-muted)',
      'var(--quote-1)',
      'var(--quote-3)',
      'var(--quote-6)',
      'var(--quote-1)',
    ]);
    expect([0, 3, 12].map(depthBadge)).toEqual(['depth 0', '>>> depth 3', '>>>>>>>> depth 12']);
  });
});
