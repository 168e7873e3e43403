import Link from 'next/link';
import type { SeriesView } from '@/lib/loaders/load-series';
import { formatDate } from '@/lib/loaders/format';
import { TrailerList } from './trailer-list';
import { ChangelogList } from './changelog-list';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Who reviewed, acked and tested any part of the series. */
function People({ people }: { people: SeriesView['people'] }) {
  const rows = [
    ['Reviewed by', people.reviewed],
    ['Acked by', people.acked],
    ['Tested by', people.tested],
  ] as const;
  if (rows.every(([, names]) => names.length === 0)) return null;
  return (
    <dl className="tl-series-people mb-3 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
      {rows.map(([label, names]) =>
        names.length === 0 ? null : (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd>{names.join(', ')}</dd>
          </div>
        ),
      )}
    </dl>
  );
}

/** A series as one unit: versions, cover letter, parts with their review, changelogs. */
export function SeriesOverview({ view }: { view: SeriesView }) {
  const present = view.parts.filter((p) => p.present).length;
  return (
    <>
      {view.newer && (
        <p
          role="note"
          className="tl-series-newer mb-3 rounded border border-border bg-bg-soft px-3 py-2 font-medium"
        >
          A newer version of this series exists:{' '}
          <Link href={view.newer.href}>v{view.newer.version}</Link>
        </p>
      )}
      <p className="mb-3 text-sm text-muted">
        {view.author.name || view.author.address} · {formatDate(view.date)} · {present} of{' '}
        {plural(view.total, 'patch', 'patches')} · <a href={view.mboxHref}>mbox for git am</a>
      </p>
      {view.versions.length > 1 && (
        <nav aria-label="Versions" className="tl-series-versions mb-3 text-sm">
          Versions:{' '}
          {view.versions.map((v, i) => (
            <span key={v.href}>
              {i > 0 && ' → '}
              {v.current ? (
                <strong aria-current="page">v{v.version}</strong>
              ) : (
                <Link href={v.href}>v{v.version}</Link>
              )}{' '}
              <span className="text-muted">({formatDate(v.date)})</span>
            </span>
          ))}
        </nav>
      )}
      <People people={view.people} />
      {view.cover && (
        <section aria-labelledby="cover" className="mb-4 rounded border border-border px-3 py-2">
          <h2 id="cover" className="font-semibold">
            Cover letter: <a href={view.cover.href}>{view.cover.subject}</a>
          </h2>
          <pre className="mt-1 max-h-80 overflow-auto text-[13px] whitespace-pre-wrap">
            {view.cover.summary.join('\n')}
          </pre>
          <p className="mt-1 text-sm">
            <a href={view.cover.href}>{plural(view.cover.replies, 'reply', 'replies')}</a>
          </p>
          <TrailerList trailers={view.cover.trailers} />
        </section>
      )}
      <h2 className="mb-1 font-semibold">Patches</h2>
      <ol className="tl-series-parts mb-4 divide-y divide-border rounded border border-border">
        {view.parts.map((p) =>
          p.present ? (
            <li key={p.number} data-part={p.number} className="px-3 py-2">
              <div>
                <span className="font-mono text-muted">
                  [{p.number}/{view.total}]
                </span>{' '}
                <a href={p.href} className="font-medium">
                  {p.subject}
                </a>{' '}
                <span className="text-sm text-muted">
                  {p.from.name || p.from.address} · <a href={p.rawHref}>raw</a>
                </span>
              </div>
              <TrailerList trailers={p.trailers} />
              {p.discussion.length === 0 ? (
                <p className="mt-1 text-sm text-muted">no replies yet</p>
              ) : (
                <details className="tl-discussion mt-1 text-sm" open={p.discussion.length <= 5}>
                  <summary className="cursor-pointer">
                    {plural(p.replies, 'reply', 'replies')} in the review discussion
                  </summary>
                  <ul className="mt-1 space-y-0.5 border-l-2 border-border pl-2">
                    {p.discussion.map((r) => (
                      <li key={r.href}>
                        <a href={r.href}>
                          <span className="font-medium">{r.from}</span>
                          {r.date ? ` · ${formatDate(r.date)}` : ''}
                        </a>
                        {r.excerpt && <span className="text-muted">: {r.excerpt}</span>}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
              {p.notes.length > 0 && (
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer">Notes below ---</summary>
                  <ChangelogList sections={p.notes} />
                </details>
              )}
            </li>
          ) : (
            <li
              key={p.number}
              data-part={p.number}
              data-missing="true"
              className="px-3 py-2 text-muted"
            >
              <span className="font-mono">
                [{p.number}/{view.total}]
              </span>{' '}
              missing: not in this archive
            </li>
          ),
        )}
      </ol>
      {view.versions.some((v) => v.changelog.length > 0) && (
        <section aria-labelledby="changelog">
          <h2 id="changelog" className="mb-1 font-semibold">
            Changelog
          </h2>
          {view.versions
            .filter((v) => v.changelog.length > 0)
            .map((v) => (
              <div key={v.href} className="mb-2">
                <h3 className="text-sm font-semibold">
                  {v.current ? (
                    `v${v.version} (this version)`
                  ) : (
                    <Link href={v.href}>v{v.version}</Link>
                  )}
                </h3>
                <ChangelogList sections={v.changelog} />
              </div>
            ))}
        </section>
      )}
    </>
  );
}
