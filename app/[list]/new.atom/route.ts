import { loadListFeed } from '@/lib/loaders/load-feed';
import { decodeSegment } from '@/lib/urls';

export const dynamic = 'force-dynamic';

/** The list's newest threads as Atom 1.0. */
export async function GET(request: Request, { params }: { params: Promise<{ list: string }> }) {
  const list = decodeSegment((await params).list);
  const xml = list === null ? null : loadListFeed(list, new URL(request.url).origin);
  if (xml === null) {
    return new Response('list not found\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
