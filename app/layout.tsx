import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import './globals.css';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { parseTheme } from '@/components/ui/theme';
import { BODY_CLASS, SiteHeader, SiteMain } from '@/components/site/site-header';

export const metadata: Metadata = {
  title: { default: 'Threadlight', template: '%s · Threadlight' },
  description: 'Mailing-list threads, readable: quotes, code, logs and permalinks.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The reader's theme choice lives in a cookie so the server renders it: no inline script.
  const theme = parseTheme((await cookies()).get('theme')?.value);
  return (
    <html lang="en" {...(theme !== 'system' ? { 'data-theme': theme } : {})}>
      <body className={BODY_CLASS}>
        <SiteHeader themeControl={<ThemeToggle initial={theme} />} />
        <SiteMain>{children}</SiteMain>
      </body>
    </html>
  );
}
