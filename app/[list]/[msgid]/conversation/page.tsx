import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { loadConversation } from '@/lib/loaders/load-conversation';
import { ConversationView } from '@/components/conversation/conversation-view';
import { routeMessage } from '@/lib/route-segment';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ list: string; msgid: string }>;
  searchParams: Promise<{ dup?: string }>;
};

async function load(params: Props['params'], searchParams: Props['searchParams']) {
  const ids = await routeMessage();
  if (!ids) return null;
  const { list, messageId } = ids;
  // `?dup=1`: a second message with the same Message-ID (kept apart, as raw does).
  const dup = Math.floor(Number((await searchParams).dup ?? 0));
  return loadConversation(list, messageId, Number.isFinite(dup) && dup > 0 ? dup : 0);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const view = await load(params, searchParams);
  return { title: view ? `Conversation: ${view.subject || '(no subject)'}` : 'Not found' };
}

/** One message's embedded conversation as a dialogue: who said what, in time order. */
export default async function ConversationPage({ params, searchParams }: Props) {
  const view = await load(params, searchParams);
  if (!view) notFound();
  const people = new Set(view.turns.map((t) => t.author?.name || t.author?.address || 'unknown'));
  return (
    <>
      <p className="text-sm">
        <Link href={view.listHref}>{view.list}</Link> ›{' '}
        <a href={view.threadHref}>back to the thread</a>
      </p>
      <h1 className="mb-1 text-xl font-semibold break-words">{view.subject || '(no subject)'}</h1>
      <p className="mb-3 text-sm text-muted">
        The conversation quoted in one message from {view.from.name || view.from.address}:{' '}
        {view.turns.length} {view.turns.length === 1 ? 'turn' : 'turns'} by {people.size}{' '}
        {people.size === 1 ? 'person' : 'people'}, oldest first.
      </p>
      <ConversationView view={view} />
    </>
  );
}
