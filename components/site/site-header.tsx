import Link from 'next/link';
import { SearchBox } from '@/components/ui/search-box';

/**
 * The bar above every page. `themeControl` is the theme switch: a client component on
 * App Router pages, plain markup the thread script enhances on the thread page.
 */
export function SiteHeader({ themeControl }: { themeControl: React.ReactNode }) {
  return (
    <header className="border-b border-border bg-bg-soft">
      <nav
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-3 py-2"
        aria-label="Site"
      >
        <Link href="/" className="font-semibold text-fg no-underline">
          Threadlight
        </Link>
        <span className="flex-1" />
        <SearchBox />
        <Link href="/upload">Upload</Link>
        {themeControl}
      </nav>
    </header>
  );
}

/** The page's main column, shared by both routers' layouts. */
export function SiteMain({ children }: { children: React.ReactNode }) {
  return <main className="mx-auto max-w-6xl px-3 py-4">{children}</main>;
}

export const BODY_CLASS = 'min-h-screen font-sans text-[15px] leading-relaxed';
