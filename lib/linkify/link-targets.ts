/** Where links found in mail point. All optional; see linkifyText. */
export interface LinkifyContext {
  /** elixir.bootlin.com tag (`v4.14`, from detectKernelVersion); `latest` when absent. */
  kernelVersion?: string;
  /**
   * Commit URL: `{sha}` is replaced by the commit id, else the id is appended.
   * Default: torvalds/linux.git on git.kernel.org.
   */
  gitWeb?: string;
  /** Our permalink for a Message-ID; `<id@host>` references stay text without it. */
  messageLink?: (id: string) => string;
}

export const DEFAULT_GIT_WEB =
  'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=';

const ELIXIR = 'https://elixir.bootlin.com/linux/';

// `v4.14`, `v5.10-rc3`, `latest`: anything else would be a path injection into elixir URLs.
const RE_ELIXIR_TAG = /^(?:v\d{1,2}\.\d{1,3}(?:\.\d{1,4})?(?:-rc\d{1,3})?|latest)$/;

// Only these ever become links: `javascript:`, `data:`, `//evil` and friends stay text.
const RE_SAFE_HREF = /^(?:https?:\/\/|mailto:|\/(?![\/\\]))/i;

export function isSafeHref(href: string): boolean {
  return RE_SAFE_HREF.test(href);
}

function elixirTag(ctx: LinkifyContext): string {
  const v = ctx.kernelVersion?.startsWith('v') ? ctx.kernelVersion : `v${ctx.kernelVersion}`;
  return ctx.kernelVersion !== undefined && RE_ELIXIR_TAG.test(v) ? v : 'latest';
}

export function commitHref(sha: string, ctx: LinkifyContext): string {
  const base = ctx.gitWeb ?? DEFAULT_GIT_WEB;
  return base.includes('{sha}') ? base.replace('{sha}', sha) : base + sha;
}

/** `irq_work_tick.cold` → elixir identifier search for `irq_work_tick`. */
export function symbolHref(symbol: string, ctx: LinkifyContext): string {
  const ident = symbol.split('.')[0] ?? symbol;
  return `${ELIXIR}${elixirTag(ctx)}/A/ident/${encodeURIComponent(ident)}`;
}

export function sourceHref(path: string, line: string | undefined, ctx: LinkifyContext): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${ELIXIR}${elixirTag(ctx)}/source/${encoded}${line ? `#L${line}` : ''}`;
}
