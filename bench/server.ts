/**
 * Threadlight's production server on a benchmark database: `node scripts/start.mjs`
 * (builds first when the build is missing or stale, as `npm start` does) in its own process
 * group, ready once `/` answers.
 */
import path from 'node:path';
import { isPostgresUrl } from '../lib/store/open-store';
import { waitFor } from './http';
import { freePort, startServer, type Server } from './proc';

/** A first `next build` on 2 busy cores can take several minutes. */
const START_TIMEOUT_MS = 20 * 60_000;

/**
 * `db` is a SQLite file or a PostgreSQL URL; each server gets a free port of its own, so
 * several can run side by side. Start them one after the other: the first one builds.
 */
export async function startThreadlight(
  root: string,
  db: string,
  log: string,
): Promise<{ base: string; server: Server }> {
  const port = await freePort();
  const location = isPostgresUrl(db) ? db : path.resolve(db);
  const server = startServer(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { ...process.env, THREADLIGHT_DB: location, PORT: String(port) },
    log,
  });
  const base = `http://127.0.0.1:${port}`;
  // A build can be silent for minutes: say where to look.
  const waiting = setInterval(
    () => process.stderr.write(`[bench] still starting, see ${log}\n`),
    60_000,
  );
  try {
    await waitFor(base, '/', START_TIMEOUT_MS);
  } catch (err) {
    await server.stop();
    throw new Error(`${(err as Error).message}; see ${log}`);
  } finally {
    clearInterval(waiting);
  }
  return { base, server };
}
