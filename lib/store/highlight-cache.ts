import type { Db } from './open-db';

/** Cached highlighted lines by block key; missing keys are absent from the map. */
export function getHighlights(db: Db, keys: readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const stmt = db.prepare('SELECT html_json FROM highlights WHERE key = ?');
  for (const key of new Set(keys)) {
    const row = stmt.get(key) as { html_json: string } | undefined;
    if (row) out.set(key, JSON.parse(row.html_json) as string[]);
  }
  return out;
}

export function saveHighlights(db: Db, entries: ReadonlyMap<string, string[]>): void {
  if (entries.size === 0) return;
  const stmt = db.prepare('INSERT OR REPLACE INTO highlights (key, html_json) VALUES (?, ?)');
  db.transaction(() => {
    for (const [key, lines] of entries) stmt.run(key, JSON.stringify(lines));
  })();
}
