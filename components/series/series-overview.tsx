import Link from 'next/link';
import { targetIn, type LineTarget, type SeriesView } from '@/lib/series/series-view';
import { formatDate } from '@/lib/loaders/format';
import { TrailerList } from './trailer-list';
import { MessageBody } from './message-body';
import { SeriesDiscussion } from './series-discussion';
import { SeriesPart } from './series-part';
import { VersionChangelogs } from './version-changelogs';

/** Cover letters have no quotes to speak of; fold as the thread page does. */
const COVER_FOLD_FROM = 3;

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

/** The versions of the series, oldest first, this one marked. */
function Versions({ versions }: { versions: SeriesView['versions'] }) {
  if (versions.length < 2) return null;
  return (
    <nav aria-label="Versions" className="tl-series-versions mb-3 text-sm">
      Versions:{' '}
      {versions.map((v, i) => (
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
  );
}

function Cover({ view, target }: { view: SeriesView; target: LineTarget | undefined }) {
  const c = view.cover;
  if (!c) return null;
  return (
    <section aria-labelledby="cover" className="mb-4 rounded border border-border px-3 py-2">
      <h2 id="cover" className="font-semibold">
        Cover letter: <a href={c.href}>{c.subject}</a>
      </h2>
      <pre className="mt-1 max-h-80 overflow-auto text-[13px] whitespace-pre-wrap">
        {c.summary.join('\n')}
      </pre>
      {c.body && (
        <details
          className="tl-cover-text mt-1 rounded border border-border"
          open={targetIn(c.body, target) !== undefined}
        >
          <summary className="cursor-pointer px-2 text-sm text-muted">
            Whole cover letter ({c.body.lines} lines)
          </summary>
          <MessageBody
            body={c.body}
            highlights={view.highlights}
            foldFrom={COVER_FOLD_FROM}
            target={target}
          />
        </details>
      )}
      <TrailerList trailers={c.trailers} />
      <SeriesDiscussion replies={c.discussion} highlights={view.highlights} target={target} />
    </section>
  );
}

/**
 * A series as one readable unit: the newer-version notice, its versions, who reviewed,
 * the cover letter, every part in order with its diff and review discussion (missing
 * parts marked), and each version's changelog. `target` is the page's `?hl=` permalink:
 * the <details> holding it render open and its lines highlighted, even without JavaScript.
 */
export function SeriesOverview({ view, target }: { view: SeriesView; target?: LineTarget }) {
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
      <Versions versions={view.versions} />
      <People people={view.people} />
      <Cover view={view} target={target} />
      <h2 className="mb-1 font-semibold">Patches</h2>
      <ol className="tl-series-parts mb-4 divide-y divide-border rounded border border-border">
        {view.parts.map((p) => (
          <SeriesPart
            key={p.number}
            part={p}
            total={view.total}
            highlights={view.highlights}
            target={target}
          />
        ))}
      </ol>
      <VersionChangelogs versions={view.versions} />
    </>
  );
}
