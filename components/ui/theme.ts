/**
 * The reader's theme: system → dark → light, remembered in a cookie the server reads
 * (so pages render in it without an inline script). Shared by the React toggle and the
 * thread page's plain script.
 */
export type Theme = 'system' | 'light' | 'dark';

export const NEXT_THEME: Record<Theme, Theme> = { system: 'dark', dark: 'light', light: 'system' };

/** The cookie's value as a theme ('system' for anything else). */
export function parseTheme(value: string | undefined | null): Theme {
  return value === 'dark' || value === 'light' ? value : 'system';
}

/** The theme a request's Cookie header chose ('system' when it chose none). */
export function themeFromCookieHeader(cookieHeader: string | undefined): Theme {
  return parseTheme(/(?:^|;\s*)theme=([^;]*)/.exec(cookieHeader ?? '')?.[1]);
}

/** Shows `theme` on this page now and remembers it for the next pages. */
export function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  if (theme === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', theme);
  document.cookie =
    theme === 'system'
      ? 'theme=; path=/; max-age=0; samesite=lax'
      : `theme=${theme}; path=/; max-age=31536000; samesite=lax`;
}

export const themeLabel = (theme: Theme) => `Theme: ${theme}`;
export const themeAriaLabel = (theme: Theme) => `Theme: ${theme}. Switch theme`;
