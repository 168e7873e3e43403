import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import Link from 'next/link';
import './globals.css';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { SearchBox } from '@/components/ui/search-box';

export const metadata: Metadata = {
  title: { default: 'Threadlight', template: '%s · Threadlight' },
  description: 'Mailing-list threads, readable: quotes, code, logs and permalinks.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The reader's theme choice lives in a cookie so the server renders it: no inline script.
  const theme = (await cookies()).get('theme')?.value;
  return (
    <html lang="en" {...(theme === 'dark' || theme === 'light' ? { 'data-theme': theme } : {})}>
      <body className="min-h-screen font-sans text-[15px] leading-relaxed">
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
            <ThemeToggle initial={theme === 'dark' || theme === 'light' ? theme : 'system'} />
          </nav>
        </header>
        <main className="mx-auto max-w-6xl px-3 py-4">{children}</main>
      </body>
    </html>
  );
}
