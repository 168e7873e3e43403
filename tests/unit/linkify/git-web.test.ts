import { describe, expect, it, vi } from 'vitest';
import { readGitWeb } from '../../../lib/linkify/git-web';
import { commitHref, DEFAULT_GIT_WEB } from '../../../lib/linkify/link-targets';
import { linkifyText } from '../../../lib/linkify/linkify';
import { linkContext } from '../../../lib/loaders/highlight-segments';

const env = (value?: string) => ({ THREADLIGHT_GIT_WEB: value });

describe('THREADLIGHT_GIT_WEB', () => {
  it('defaults to the torvalds tree on git.kernel.org', () => {
    expect(readGitWeb({})).toEqual({ gitWeb: DEFAULT_GIT_WEB });
    expect(readGitWeb(env(''))).toEqual({ gitWeb: DEFAULT_GIT_WEB });
    expect(readGitWeb(env('   '))).toEqual({ gitWeb: DEFAULT_GIT_WEB });
    expect(DEFAULT_GIT_WEB).toBe(
      'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id=',
    );
  });

  it('takes an http(s) prefix, or a URL with a {sha} placeholder', () => {
    const github = 'https://github.com/torvalds/linux/commit/{sha}';
    expect(readGitWeb(env(github))).toEqual({ gitWeb: github });
    expect(commitHref('9af5ddf981ed', readGitWeb(env(github)))).toBe(
      'https://github.com/torvalds/linux/commit/9af5ddf981ed',
    );
    const cgit = ' http://git.example.org/linux.git/commit/?id= ';
    expect(readGitWeb(env(cgit)).gitWeb).toBe('http://git.example.org/linux.git/commit/?id=');
  });

  it('falls back to the default with a warning on a bad value, never throwing', () => {
    for (const bad of [
      'javascript:alert(1)//',
      'ftp://git.example.org/',
      '/commit/',
      'git.kernel.org/commit/',
      'https://',
      'https://git.example.org/c/ {sha}',
      'https://git.example.org/c/"><script>',
      `https://git.example.org/${'x'.repeat(3000)}`,
    ]) {
      const setting = readGitWeb(env(bad));
      expect(setting.gitWeb, bad).toBe(DEFAULT_GIT_WEB);
      expect(setting.warning, bad).toMatch(
        /^THREADLIGHT_GIT_WEB .*; using https:\/\/git\.kernel\.org\//,
      );
    }
  });

  it('is what linkContext puts in every message link context', () => {
    const context = linkContext('commit 9af5ddf981ed', env('https://git.example.org/c/{sha}'));
    expect(linkifyText('commit 9af5ddf981ed', context)).toEqual([
      { text: 'commit ' },
      { text: '9af5ddf981ed', href: 'https://git.example.org/c/9af5ddf981ed' },
    ]);
    expect(linkContext('x', {}).gitWeb).toBe(DEFAULT_GIT_WEB);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(linkContext('x', env('javascript:alert(1)')).gitWeb).toBe(DEFAULT_GIT_WEB);
    linkContext('x', env('javascript:alert(1)'));
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
