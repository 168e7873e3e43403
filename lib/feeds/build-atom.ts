import { escapeXml } from './escape-xml';

/** One Atom entry. Every string may come from mail: buildAtom escapes all of them. */
export interface AtomEntry {
  id: string;
  title: string;
  /** ISO date; null (unparseable Date header) falls back to the feed's `updated`. */
  updated: string | null;
  author: { name: string; email?: string };
  /** Absolute URL of the message in its thread. */
  link: string;
  /** Plain text shown as the entry body. */
  content: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  /** Absolute URL of the feed itself and of the page it follows. */
  selfLink: string;
  htmlLink: string;
  /** Used when no entry has a date (and for dateless entries). */
  fallbackUpdated: string;
  entries: AtomEntry[];
}

// `alice@example.org`: an addr-spec simple enough for Atom's <email> (else it is omitted).
const RE_EMAIL = /^[^\s@<>"()[\]\\,;:]+@[^\s@<>"()[\]\\,;:]+$/;

/** RFC 3339 as Atom wants it, `2018-05-07T18:49:18Z`, or null. */
function rfc3339(iso: string | null): string | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z') : null;
}

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
const link = (rel: string, type: string, href: string) =>
  `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;

function entryXml(e: AtomEntry, fallback: string): string {
  const name = e.author.name.trim() || e.author.email || 'unknown';
  const email =
    e.author.email && RE_EMAIL.test(e.author.email) ? element('email', e.author.email) : '';
  return [
    '<entry>',
    element('title', e.title || '(no subject)'),
    element('id', e.id),
    element('updated', rfc3339(e.updated) ?? fallback),
    `<author>${element('name', name)}${email}</author>`,
    link('alternate', 'text/html', e.link),
    `<content type="text">${escapeXml(e.content)}</content>`,
    '</entry>',
  ].join('\n');
}

/**
 * An Atom 1.0 document (RFC 4287). Every text is escaped for XML, including removing
 * the control characters XML 1.0 forbids; every entry has its own author, so the feed
 * needs none. Pure: the loader supplies URLs and dates.
 */
export function buildAtom(feed: AtomFeed): string {
  const fallback = rfc3339(feed.fallbackUpdated) ?? '1970-01-01T00:00:00Z';
  const dates = feed.entries.map((e) => rfc3339(e.updated)).filter((d): d is string => d !== null);
  const updated = dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : fallback;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    element('title', feed.title),
    element('id', feed.id),
    element('updated', updated),
    link('self', 'application/atom+xml', feed.selfLink),
    link('alternate', 'text/html', feed.htmlLink),
    element('generator', 'Threadlight'),
    ...feed.entries.map((e) => entryXml(e, fallback)),
    '</feed>',
    '',
  ].join('\n');
}
