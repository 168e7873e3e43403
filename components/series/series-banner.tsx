import Link from 'next/link';
import type { SeriesBannerView } from '@/lib/loaders/load-series';

/**
 * For the thread page header: "Part 3/7 of [PATCH v2] foo — series view", and a notice
 * when a newer version of the series was posted. Renders nothing outside a series.
 */
export function SeriesBanner({ banner: b }: { banner: SeriesBannerView | null }) {
  if (!b) return null;
  return (
    <div className="tl-series-banner mb-2 rounded border border-border bg-bg-soft px-3 py-1 text-sm">
      <p>
        {b.part !== null ? `Part ${b.part}/${b.total} of ` : 'Series '}
        <span className="font-mono">{b.prefix}</span> {b.subject} —{' '}
        <Link href={b.href}>series view</Link>
      </p>
      {b.newer && (
        <p role="note" className="font-medium">
          A newer version exists: <Link href={b.newer.href}>v{b.newer.version}</Link>
        </p>
      )}
    </div>
  );
}
