import { headers } from 'next/headers';
import { PATH_HEADER, pathMessage, pathSegment } from './route-path-header';

/**
 * The n-th segment of this request's path, percent-decoded exactly once, or null.
 * Next hands pages their params still encoded but route handlers and generateMetadata
 * already decoded (vercel/next.js#64952), so a Message-ID containing `%` came out
 * decoded twice in some places; the raw path proxy.ts saw is the one source that does
 * not vary. proxy.ts overwrites the header, so a client cannot choose it.
 */
export async function routeSegment(n: number): Promise<string | null> {
  return pathSegment((await headers()).get(PATH_HEADER), n);
}

/** `/<list>/<message-id>/…`: both decoded, or null when either is missing or malformed. */
export async function routeMessage(): Promise<{ list: string; messageId: string } | null> {
  return pathMessage((await headers()).get(PATH_HEADER));
}
