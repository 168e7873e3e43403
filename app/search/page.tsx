import type { Metadata } from 'next';
import Link from 'next/link';
import { loadSearch } from '@/lib/loaders/load-search';
import { formatDate } from '@/lib/loaders/format';

export const dynamic = 'force-dynamic';

type Params = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Params> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = (await searchParams).q;
  return { title: typeof q === 'string' && q.trim() ? `Search: ${q.trim()}` : 'Search' };
}

/** lore's query language, in brief: shown folded under the form. */
const SYNTAX: [string, string][] = [
  ['s:word', 'subject'],
  ['f:name', 'sender (name or address)'],
  ['t:addr  c:addr', 'To / Cc'],
  ['b:word  bs:word', 'body / subject or body'],
  ['nq:word  q:word', 'own words only / quoted lines only'],
  ['d:20180401..20180510', 'date range (also d:2.weeks.ago.., d:yesterday..)'],
  ['"a phrase"  word*', 'phrase / prefix'],
  ['a OR b  a AND b  NOT a  -a  ( )', 'combine'],
];

export default async function SearchPage({ searchParams }: Props) {
  const v = await loadSearch(await searchParams);
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">Search</h1>
      <form
        action="/search"
        method="get"
        role="search"
        className="mb-2 flex flex-wrap items-center gap-2"
      >
        <input
          type="search"
          name="q"
          defaultValue={v.q}
          aria-label="Query"
          className="min-w-0 flex-1 rounded border border-border bg-bg px-2 py-1 text-fg"
        />
        <select
          name="list"
          defaultValue={v.list ?? ''}
          aria-label="List"
          className="rounded border border-border bg-bg px-2 py-1 text-fg"
        >
          <option value="">All lists</option>
          {v.lists.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        {v.sort === 'date' ? <input type="hidden" name="sort" value="date" /> : null}
        <button type="submit" className="rounded border border-border px-3 py-1 text-fg">
          Search
        </button>
      </form>
      <details className="mb-3 text-sm text-muted">
        <summary>Query syntax</summary>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4">
          {SYNTAX.map(([code, meaning]) => (
            <div key={code} className="contents">
              <dt>
                <code>{code}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
      </details>
      {v.error ? (
        <p role="alert" className="rounded border border-border bg-bg-soft px-3 py-2">
          {v.error}
        </p>
      ) : null}
      {v.q && !v.error ? (
        <p className="mb-2 text-sm text-muted">
          {v.more ? `More than ${v.total.toLocaleString('en')}` : v.total}{' '}
          {v.total === 1 && !v.more ? 'message' : 'messages'}
          {v.list ? ` in ${v.list}` : ''}
          {v.more
            ? ` (results come from the newest ${v.total.toLocaleString('en')}; narrow with s:, f: or d:)`
            : ''}{' '}
          · sorted by{' '}
          {v.sort === 'relevance' ? (
            <>
              relevance (<Link href={v.sortHref('date')}>sort by date</Link>)
            </>
          ) : (
            <>
              date (<Link href={v.sortHref('relevance')}>sort by relevance</Link>)
            </>
          )}
          {v.total > 0 ? (
            <>
              {' '}
              · <a href={v.mboxHref}>download mbox.gz</a>
            </>
          ) : null}
        </p>
      ) : null}
      <ol className="divide-y divide-border" aria-label="Search results">
        {v.results.map((r) => (
          <li key={`${r.list}\n${r.messageId}\n${r.dupIndex}`} className="py-2">
            <a href={r.href} className="font-medium">
              {r.subject || '(no subject)'}
            </a>
            <div className="text-sm text-muted">
              {r.from} · {formatDate(r.date)} · {r.list}
            </div>
            <p className="text-sm break-words whitespace-pre-line">
              {r.snippet.map((part, i) =>
                part.hit ? (
                  <mark key={i} className="rounded-sm bg-[var(--target)] px-0.5 text-fg">
                    {part.text}
                  </mark>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          </li>
        ))}
      </ol>
      {v.pages > 1 ? (
        <nav className="mt-4 flex gap-3" aria-label="Pages">
          {v.page > 1 ? <Link href={v.pageHref(v.page - 1)}>← previous</Link> : null}
          <span className="text-muted">
            page {v.page} of {v.pages}
          </span>
          {v.page < v.pages ? <Link href={v.pageHref(v.page + 1)}>next →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
