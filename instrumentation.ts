/**
 * Runs once when a Next.js server starts (`next start`, `next dev`; never during
 * `next build`): a fresh clone started any way shows real threads, not "No lists yet".
 * The bundled sample archive (samples/) is imported when the database holds no message,
 * with the code `threadlight sample` uses. THREADLIGHT_NO_SAMPLE=1 keeps an empty
 * database empty.
 */
export async function register(): Promise<void> {
  // The sample import reads samples/ from disk and opens the store: the Node.js server only.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.THREADLIGHT_NO_SAMPLE === '1') return;
  const { importSamplesOnStart } = await import('./lib/import/import-samples-on-start');
  await importSamplesOnStart();
}
