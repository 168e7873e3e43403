/**
 * The header search box: a plain GET form to /search, so it works without JavaScript
 * and every search is a shareable URL. A server component (nothing interactive here).
 */
export function SearchBox({ defaultValue = '', list }: { defaultValue?: string; list?: string }) {
  return (
    <form action="/search" method="get" role="search" className="flex items-center gap-1">
      <input
        type="search"
        name="q"
        defaultValue={defaultValue}
        aria-label="Search messages"
        placeholder="Search: s:subject f:sender d:2.weeks.ago.."
        className="w-40 rounded border border-border bg-bg px-2 py-0.5 text-sm text-fg sm:w-72"
      />
      {list ? <input type="hidden" name="list" value={list} /> : null}
      <button type="submit" className="rounded border border-border px-2 py-0.5 text-sm text-fg">
        Search
      </button>
    </form>
  );
}
