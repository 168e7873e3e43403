import 'server-only';
import { headers } from 'next/headers';
import { decodeSegment } from './urls';
import { PATH_HEADER } from './route-path-header';

/**
 * The n-th segment of this request's path, percent-decoded exactly once, or null.
 * Next hands pages their params still encoded but route handlers and generateMetadata
 * already decoded (vercel/next.js#64952), so a Message-ID containing `%` came out
 * decoded twice in some places; the raw path proxy.ts saw is the one source that does
 * not vary. proxy.ts overwrites the header, so a client cannot choose it.
 */
export async function routeSegment(n: number): Promise<string | null> {
  const path = (await headers()).get(PATH_HEADER);
  const segment = path?.split('/').filter((s) => s !== '')[n];
  return segment === undefined ? null : decodeSegment(segment);
}

/** `/<list>/<message-id>/…`: both decoded, or null when either is missing or malformed. */
export async function routeMessage(): Promise<{ list: string; messageId: string } | null> {
  const list = await routeSegment(0);
  const messageId = await routeSegment(1);
  return list === null || messageId === null ? null : { list, messageId };
}
