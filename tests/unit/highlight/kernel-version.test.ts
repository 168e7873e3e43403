import { describe, expect, it } from 'vitest';
import { detectKernelVersion } from '../../../lib/linkify/kernel-version';
import { fixtureLines } from './helpers';

describe('detectKernelVersion', () => {
  it('finds 4.14 in the seed oops (`Not tainted 4.14.0+`)', () => {
    expect(detectKernelVersion(fixtureLines('seed-oops.log').join('\n'))).toBe('v4.14');
  });

  it('finds the version across a hard wrap with quote markers (seed, depth 2)', () => {
    const wrapped =
      '> >> [ 0.004000] CPU: 0 PID: 0 Comm: swapper/0 Not tainted\n> >> 4.14.0-1-iniza-llvmlinux #1';
    expect(detectKernelVersion(wrapped)).toBe('v4.14');
  });

  it.each([
    ['[ 0.000000] Linux version 4.14.0-1-amd64 (debian-kernel@lists.debian.org)', 'v4.14'],
    [
      'CPU: 1 PID: 7 Comm: kworker Tainted: G        W         4.14.35-1-iniza-amd64 #1',
      'v4.14.35',
    ],
    ['CPU: 0 PID: 1 Comm: swapper Not tainted 6.8.0-06619-ge5e038b7ae9d #1', 'v6.8'],
    ['Not tainted 5.10.0-rc3+ #4', 'v5.10-rc3'],
    ['Linux version 2.6.32-5-amd64', 'v2.6.32'],
    // a config file name or a prose mention is not a running kernel
    ['user$ cp -v /boot/config-4.14.35-1-iniza-amd64 .config', undefined],
    ['These 3 patches in your Git branch are in Linux v4.14.36...', undefined],
    ['Not tainted syzkaller #0', undefined],
  ])('%s', (text, expected) => {
    expect(detectKernelVersion(text)).toBe(expected);
  });

  it('runs in one pass over 1 MB of near-misses', () => {
    expect(detectKernelVersion('Tainted: G '.repeat(100_000))).toBeUndefined();
    expect(detectKernelVersion('Not tainted '.repeat(100_000) + '4.19.1')).toBe('v4.19.1');
  });
});
