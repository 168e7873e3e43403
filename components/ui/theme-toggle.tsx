'use client';

import { useState } from 'react';

type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'dark', dark: 'light', light: 'system' };

/** Cycles system → dark → light; remembered in a cookie the server reads on the next page. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const choose = () => {
    const next = NEXT[theme];
    setTheme(next);
    const root = document.documentElement;
    if (next === 'system') root.removeAttribute('data-theme');
    else root.setAttribute('data-theme', next);
    document.cookie =
      next === 'system'
        ? 'theme=; path=/; max-age=0; samesite=lax'
        : `theme=${next}; path=/; max-age=31536000; samesite=lax`;
  };
  return (
    <button
      type="button"
      onClick={choose}
      className="rounded border border-border px-2 py-0.5 text-sm text-fg"
      aria-label={`Theme: ${theme}. Switch theme`}
    >
      Theme: {theme}
    </button>
  );
}
