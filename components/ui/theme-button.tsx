import { themeAriaLabel, themeLabel, type Theme } from './theme';

/**
 * The theme switch's markup. Interactive through ThemeToggle on App Router pages and
 * through the thread script (`data-theme-toggle`) on the thread page.
 */
export function ThemeButton({ theme, onClick }: { theme: Theme; onClick?: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      data-theme-toggle={theme}
      className="rounded border border-border px-2 py-0.5 text-sm text-fg"
      aria-label={themeAriaLabel(theme)}
    >
      {themeLabel(theme)}
    </button>
  );
}
