import { DEFAULT_GIT_WEB } from './link-targets';

/** The setting naming where commit ids link to. */
export const GIT_WEB_ENV = 'THREADLIGHT_GIT_WEB';

/** Longer than any real commit URL prefix; a bound on what a bad setting can put in every link. */
const MAX_GIT_WEB_CHARS = 2048;

/** The git web prefix to use, and why a configured value was not used. */
export interface GitWebSetting {
  gitWeb: string;
  /** Set when the configured value was rejected and the default is used instead. */
  warning?: string;
}

/**
 * The commit URL prefix from `THREADLIGHT_GIT_WEB`: an http(s) URL to which the commit id
 * is appended, or in which `{sha}` is replaced by it
 * (`https://github.com/torvalds/linux/commit/{sha}`). Unset or empty: the torvalds tree on
 * git.kernel.org. A value that is not an http(s) URL with a host (`javascript:…`, `ftp://`,
 * a bare path, white space inside) falls back to that default with a warning: a typo in the
 * configuration must not break pages, nor turn every commit id into a dangerous link.
 */
export function readGitWeb(env: Readonly<Record<string, string | undefined>>): GitWebSetting {
  const value = env[GIT_WEB_ENV]?.trim() ?? '';
  if (value === '') return { gitWeb: DEFAULT_GIT_WEB };
  const reject = (why: string): GitWebSetting => ({
    gitWeb: DEFAULT_GIT_WEB,
    warning: `${GIT_WEB_ENV} ${why}; using ${DEFAULT_GIT_WEB}`,
  });
  if (value.length > MAX_GIT_WEB_CHARS)
    return reject(`is longer than ${MAX_GIT_WEB_CHARS} characters`);
  if (/[\s\u0000-\u001f\u007f"<>\\]/.test(value)) return reject('contains white space or quotes');
  let url: URL;
  try {
    url = new URL(value.replace('{sha}', '0'));
  } catch {
    return reject(`is not a URL: ${JSON.stringify(value.slice(0, 100))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return reject('is not an http(s) URL');
  if (url.hostname === '') return reject('has no host');
  return { gitWeb: value };
}
