import path from 'node:path';

/**
 * Where the archive lives: `THREADLIGHT_DB`, else `./data/threadlight.db`. A
 * `postgres://` or `postgresql://` URL selects PostgreSQL; anything else is a SQLite file.
 */
export function defaultStoreLocation(): string {
  return process.env.THREADLIGHT_DB || path.join(process.cwd(), 'data', 'threadlight.db');
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A location fit to print or log: a PostgreSQL URL with its password blanked. */
export function printableLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return location.replace(/:[^:@/]*@/, ':***@');
  }
}

/** A PostgreSQL URL whose connections all work in `schema` (which must exist). */
export function schemaUrl(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
