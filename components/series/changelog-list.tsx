import type { ChangelogSection } from '@/lib/series/series-types';

/** Changelog sections as written, in a `<pre>` each (their layout is the author's). */
export function ChangelogList({ sections }: { sections: ChangelogSection[] }) {
  if (sections.length === 0) return null;
  return (
    <div className="tl-changelog">
      {sections.map((s, i) => (
        <section key={i} className="mt-1">
          {s.heading && <h4 className="text-sm font-medium">{s.heading}</h4>}
          <pre className="overflow-x-auto rounded bg-bg-code px-2 py-1 text-[13px] whitespace-pre-wrap">
            {s.lines.join('\n')}
          </pre>
        </section>
      ))}
    </div>
  );
}
