'use client';

import { useState } from 'react';
import { applyTheme, NEXT_THEME, type Theme } from './theme';
import { ThemeButton } from './theme-button';

/** Cycles system → dark → light; remembered in a cookie the server reads on the next page. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const choose = () => {
    const next = NEXT_THEME[theme];
    setTheme(next);
    applyTheme(next);
  };
  return <ThemeButton theme={theme} onClick={choose} />;
}
