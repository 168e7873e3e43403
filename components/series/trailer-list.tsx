import type { TrailerView } from '@/lib/series/series-view';

/**
 * Tags of one patch: who reviewed, acked, tested; `Fixes:` linked to its commit; a
 * `Cc: stable` request marked, as maintainers scan for it when picking backports.
 */
export function TrailerList({ trailers }: { trailers: TrailerView[] }) {
  if (trailers.length === 0) return null;
  return (
    <ul className="tl-trailers mt-1 font-mono text-[13px]">
      {trailers.map((t, i) => (
        <li
          key={i}
          data-kind={t.kind}
          data-from={t.from}
          className={t.mismatched ? 'text-muted line-through' : undefined}
        >
          <span className={t.from === 'reply' ? 'font-semibold' : 'text-muted'}>{t.label}:</span>{' '}
          {t.href ? (
            <a href={t.href} rel="noopener nofollow ugc">
              {t.kind === 'fixes' ? t.value.split(/\s/)[0] : t.value}
            </a>
          ) : (
            t.value
          )}
          {t.kind === 'fixes' && t.fixesSubject !== undefined && ` ("${t.fixesSubject}")`}
          {t.stable && (
            <>
              {' '}
              <span
                className="tl-stable rounded border border-border px-1 font-sans text-xs"
                title="Cc: stable: asks for a backport to the stable kernels"
              >
                stable
              </span>
            </>
          )}
          {t.from === 'reply' && (
            <span className="text-muted">
              {' '}
              ·{' '}
              {t.replyHref ? (
                <a href={t.replyHref}>{t.viaCover ? 'on the cover letter' : 'in a reply'}</a>
              ) : (
                'in a reply'
              )}
              {t.mismatched && ' (names someone other than the sender; not added to the mbox)'}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
