import type { Segment } from '@/lib/types';
import type { MessageView } from '@/lib/loaders/load-thread';
import { formatDate } from '@/lib/loaders/format';
import { QuoteBoxView } from '@/components/segments/quote-box-view';
import { ReplyInstructions } from './reply-instructions';
import {
  ConversationLink,
  conversationHref,
  hasConversation,
  segmentsOf,
} from './conversation-link';

export function MessageCard({
  message: m,
  highlights,
  foldFrom,
  focused,
  target,
}: {
  message: MessageView;
  highlights: Map<Segment, string[]>;
  foldFrom: number;
  focused: boolean;
  target?: { from: number; to: number };
}) {
  return (
    <article
      id={m.anchor}
      className={`tl-msg rounded border ${focused ? 'border-link' : 'border-border'} bg-bg`}
      data-message-id={m.messageId}
      aria-label={`Message from ${m.from.name || m.from.address}`}
    >
      <header className="tl-msg-head border-b border-border bg-bg-soft px-3 py-1.5 text-sm">
        <div className="flex flex-wrap items-baseline gap-x-3">
          <span className="tl-author font-semibold">
            {m.from.name || m.from.address || 'unknown sender'}
          </span>
          {m.from.name && m.from.address && (
            <span className="text-muted">&lt;{m.from.address}&gt;</span>
          )}
          <time className="tl-date text-muted" {...(m.date ? { dateTime: m.date } : {})}>
            {formatDate(m.date, m.dateRaw)}
          </time>
          {m.dupIndex > 0 && (
            // A later message reusing a stored Message-ID: kept apart, never merged, and
            // said so, since both copies share the id a reply or a link names.
            <span
              className="tl-dup rounded border border-border px-1 text-xs text-muted"
              title="An earlier message in this list has the same Message-ID and other content"
            >
              copy {m.dupIndex + 1} of this Message-ID, different content
            </span>
          )}
          <span className="flex-1" />
          <a href={`${m.href}#${m.anchor}`} className="tl-permalink">
            permalink
          </a>
          <a href={m.rawHref} className="tl-raw">
            raw
          </a>
          {hasConversation(segmentsOf(m.quotes)) && (
            <ConversationLink href={conversationHref(m.href, m.dupIndex)} />
          )}
        </div>
        {/* Every message shows its subject; one that only repeats its parent's is muted. */}
        <div className={`tl-subject ${m.subjectChanged ? 'font-medium' : 'text-muted'}`}>
          {m.subject || '(no subject)'}
        </div>
      </header>
      <div className="tl-body px-3 py-2">
        <QuoteBoxView
          box={m.quotes}
          ctx={{
            anchor: m.anchor,
            highlights,
            links: m.links,
            diffFiles: m.diffFiles,
            ...(target ? { target } : {}),
            ...(m.origins ? { origins: m.origins } : {}),
            ...(m.quoteAuthors ? { quoteAuthors: m.quoteAuthors } : {}),
          }}
          foldFrom={foldFrom}
        />
        {m.cut && (
          <p role="note" className="tl-cut mt-2 border-t border-border pt-1 text-sm text-muted">
            This message is too long to show whole: lines 1–{m.cut.shownLines} of {m.cut.totalLines}{' '}
            are shown. <a href={m.rawHref}>The whole message (raw)</a>
          </p>
        )}
        {m.attachments.length > 0 && (
          <ul className="mt-2 border-t border-border pt-1 text-sm text-muted">
            {m.attachments.map((a, i) => (
              <li key={i}>
                attachment:{' '}
                {a.href ? (
                  <a href={a.href} className="tl-attachment">
                    {a.filename || '(unnamed)'}
                  </a>
                ) : (
                  a.filename || '(unnamed)'
                )}{' '}
                ({a.contentType}, {a.size} bytes)
              </li>
            ))}
          </ul>
        )}
        <ReplyInstructions message={m} />
      </div>
    </article>
  );
}
