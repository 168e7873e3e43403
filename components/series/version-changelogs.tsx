import Link from 'next/link';
import type { VersionView } from '@/lib/series/series-view';
import { ChangelogList } from './changelog-list';

/**
 * Each version's changelog: its cover letter's sections, then each patch's notes under
 * `---` (many series keep their changelog per patch). Versions without any are left out.
 */
export function VersionChangelogs({ versions }: { versions: VersionView[] }) {
  const shown = versions.filter((v) => v.changelog.length > 0 || v.partNotes.length > 0);
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="changelog" className="tl-series-changelog">
      <h2 id="changelog" className="mb-1 font-semibold">
        Changelog
      </h2>
      {shown.map((v) => (
        <div key={v.href} data-version={v.version} className="mb-2">
          <h3 className="text-sm font-semibold">
            {v.current ? `v${v.version} (this version)` : <Link href={v.href}>v{v.version}</Link>}
          </h3>
          <ChangelogList sections={v.changelog} />
          {v.partNotes.length > 0 && (
            <details className="mt-1 text-sm">
              <summary className="cursor-pointer">
                Notes below --- in {v.partNotes.length}{' '}
                {v.partNotes.length === 1 ? 'patch' : 'patches'}
              </summary>
              {v.partNotes.map((p) => (
                <div key={p.number} data-part={p.number} className="mt-1">
                  <h4 className="text-sm font-medium">{p.subject}</h4>
                  <ChangelogList sections={p.notes} />
                </div>
              ))}
            </details>
          )}
        </div>
      ))}
    </section>
  );
}
