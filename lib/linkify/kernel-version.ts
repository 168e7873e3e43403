// The kernel version a message reveals, in the places a kernel prints it:
// `Linux version 4.14.0-1-amd64`, `Not tainted 4.14.0+`,
// `Tainted: G        W         4.14.35-1-iniza-amd64`. `[\s>]` lets the version sit on the
// next, quoted line when a mail client hard-wrapped `Not tainted` / `4.14.0-1-…` apart.
const RE_KERNEL_VERSION =
  /(?:\bLinux version|\bNot tainted|\bTainted:(?: {1,20}[A-Z]{1,2}){0,20})[\s>]{1,20}(\d{1,2})\.(\d{1,3})(?:\.(\d{1,4}))?(-rc\d{1,3})?/;

/**
 * The elixir.bootlin.com tag for the first kernel version the body reveals:
 * `4.14.35…` → `v4.14.35`; `4.14.0…` → `v4.14` (x.y.0 releases are tagged `vX.Y`);
 * `5.10.0-rc3` → `v5.10-rc3`. Undefined when the body names no running kernel.
 */
export function detectKernelVersion(body: string): string | undefined {
  const m = RE_KERNEL_VERSION.exec(body);
  if (!m) return undefined;
  const [, major, minor, patch, rc] = m;
  if (patch && patch !== '0' && !rc) return `v${major}.${minor}.${patch}`;
  return `v${major}.${minor}${rc ?? ''}`;
}
