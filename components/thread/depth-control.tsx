/**
 * "Replies to depth N" as plain links (works without JavaScript); the choice is in the
 * URL so a shared link opens the same way.
 */
export function DepthControl({
  maxDepth,
  current,
  fold,
}: {
  maxDepth: number;
  current: number;
  fold: number;
}) {
  const levels = Array.from({ length: Math.min(maxDepth, 12) }, (_, i) => i + 1);
  const foldParam = fold === 3 ? '' : `&fold=${fold === Infinity ? 'all' : fold}`;
  return (
    <nav
      aria-label="Replies shown to depth"
      className="tl-depth-control flex flex-wrap items-center gap-1"
    >
      <span className="text-muted">Replies to depth:</span>
      {levels.map((n) => (
        <a
          key={n}
          href={`?depth=${n}${foldParam}`}
          aria-current={current === n ? 'true' : undefined}
          className={`rounded border border-border px-1.5 ${current === n ? 'font-bold' : ''}`}
        >
          {n}
        </a>
      ))}
      <a
        href={`?depth=all${foldParam}`}
        aria-current={current === Infinity ? 'true' : undefined}
        className={`rounded border border-border px-1.5 ${current === Infinity ? 'font-bold' : ''}`}
      >
        all
      </a>
    </nav>
  );
}
